import { type EmployeeMatcher, findEmployees } from "./employees";
import { detectLanguage, type Language } from "./language";
import {
  analyzeTokens,
  type SentimentLabel,
  type SentimentResult,
  summarise,
  toEvidence,
} from "./sentiment";
import { splitSentences, tokenize } from "./tokenize";

/**
 * Sentiment of a Danish or English text. Without `language` it is detected; "other"
 * scores with both lexicons.
 */
export function analyzeSentiment(text: string, language?: Language): SentimentResult {
  const tokens = tokenize(text);
  const lang = language ?? detectLanguage(text, undefined, tokens);
  const doc = analyzeTokens(text, lang, undefined, { tokens, sentences: splitSentences(tokens) });
  return { ...summarise(doc.sum), evidence: toEvidence(doc.contributions) };
}

export type AnalyzeTextOptions = { language?: "da" | "en"; matcher?: EmployeeMatcher };

export type TextInsight = {
  language: Language;
  sentiment: SentimentResult;
  employees: Array<{ id: string; name: string; sentiment: SentimentLabel }>;
};

/**
 * Language, overall sentiment and the employees named in one text. Tokenises once; a
 * matched name ("Bo Glad", "Rose") never scores as a sentiment word.
 */
export function analyzeText(text: string, opts: AnalyzeTextOptions = {}): TextInsight {
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  const language = opts.language ?? detectLanguage(text, undefined, tokens);
  const found = opts.matcher
    ? findEmployees(opts.matcher, text, tokens, sentences, language)
    : undefined;
  const doc = found?.doc ?? analyzeTokens(text, language, undefined, { tokens, sentences });
  // A matcher not made by createEmployeeMatcher still works, through its own find().
  const mentions = found?.mentions ?? opts.matcher?.find(text) ?? [];
  return {
    language,
    sentiment: { ...summarise(doc.sum), evidence: toEvidence(doc.contributions) },
    employees: mentions.map(({ id, name, sentiment }) => ({ id, name, sentiment })),
  };
}
