import { type EmployeeMatcher, type EmployeeMention, findEmployees } from "./employees";
import { detectLanguage, type Language } from "./language";
import { type AnalyzedText, analyzeTokens } from "./sentiment";
import { splitSentences, tokenize } from "./tokenize";

/** What the rules made of one text: the shared input of the result and of the learned layer. */
export type AnalyzedDocument = {
  language: Language;
  doc: AnalyzedText;
  mentions: EmployeeMention[];
  /** Tokens of the matched employee names. */
  names: ReadonlySet<number>;
};

const NO_NAMES: ReadonlySet<number> = new Set();

/** Tokenises once, detects the language, matches names and runs the rules. */
export function analyzeDocument(
  text: string,
  opts: { language?: Language; matcher?: EmployeeMatcher } = {},
): AnalyzedDocument {
  const tokens = tokenize(text);
  const sentences = splitSentences(tokens);
  const language = opts.language ?? detectLanguage(text, undefined, tokens);
  const found = opts.matcher
    ? findEmployees(opts.matcher, text, tokens, sentences, language)
    : undefined;
  const doc = found?.doc ?? analyzeTokens(text, language, undefined, { tokens, sentences });
  // A matcher not made by createEmployeeMatcher still works, through its own find().
  const mentions = found?.mentions ?? opts.matcher?.find(text) ?? [];
  return { language, doc, mentions, names: found?.names ?? NO_NAMES };
}
