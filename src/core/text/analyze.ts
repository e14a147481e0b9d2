import {
  type ClassLabel,
  FeatureKind,
  type Hit,
  loadModel,
  marginFor,
  mostLikely,
  predictProbabilities,
  Scorer,
  strongestFor,
} from "./classifier";
import { type AnalyzedDocument, analyzeDocument } from "./document";
import type { EmployeeMatcher } from "./employees";
import {
  addMentionWordFeatures,
  addWordFeatures,
  combinerFeatures,
  decideLabel,
  mentionFeatures,
} from "./features";
import type { Language } from "./language";
import { DA_MARKERS, EN_MARKERS } from "./lexicon/function-words";
import {
  COMBINER_MODEL,
  MENTION_MODEL,
  MENTION_WORD_MODEL,
  WORD_MODEL,
} from "./model/sentiment-model";
import {
  type AnalyzedText,
  type SentimentEvidence,
  type SentimentLabel,
  type SentimentResult,
  summarise,
  toEvidence,
} from "./sentiment";

const WORDS = loadModel(WORD_MODEL);
const COMBINER = loadModel(COMBINER_MODEL);
const MENTIONS = loadModel(MENTION_MODEL);
const MENTION_WORDS = loadModel(MENTION_WORD_MODEL);
/** How many learned word features are shown as evidence. */
const LEARNED_EVIDENCE = 3;

export type AnalyzeTextOptions = { language?: "da" | "en"; matcher?: EmployeeMatcher };

export type TextInsight = {
  language: Language;
  sentiment: SentimentResult;
  employees: Array<{ id: string; name: string; sentiment: SentimentLabel }>;
};

const NEGATORS = new Set(["ikke", "aldrig", "ingen", "intet", "not", "never", "no", "nobody"]);

/** Function words both languages share, which the language markers leave out. */
const SHARED_FUNCTION_WORDS = new Set(
  "i to for at men hun han de den det dem og a an the in on til på er is was var har have jeg vi we it you du me mig my min af of en et så som med with fra from om about".split(
    " ",
  ),
);

/** "det", "the", "hun": no use as evidence, whatever weight they carry. Negators are. */
function isFunctionWord(word: string): boolean {
  if (NEGATORS.has(word)) return false;
  return SHARED_FUNCTION_WORDS.has(word) || DA_MARKERS.has(word) || EN_MARKERS.has(word);
}

/** The words of a hit as shown: "tusind tak"; a sentence start is left out. */
function hitText(key: string): string {
  return key.startsWith("<s> ") ? key.slice(4) : key;
}

/** A word or word pair worth showing: no placeholder ("<navn>"), not only function words. */
function isShown(key: string): boolean {
  const text = hitText(key);
  return !text.includes("<") && !text.split(" ").every(isFunctionWord);
}

/**
 * The word model's words and pairs that may be shown as evidence, decided once: no
 * function words, and only those that lean clearly one way, which also keeps the scorer
 * from recording the many that never would make the list.
 */
const MIN_SHOWN_MARGIN = 0.25;
function leansClearly(w: readonly [number, number, number]): boolean {
  return marginFor(w, 0) >= MIN_SHOWN_MARGIN || marginFor(w, 2) >= MIN_SHOWN_MARGIN;
}
const SHOWN = new Set(
  [
    ...[...WORDS.byKind[FeatureKind.Word]].filter(([, w]) => leansClearly(w)).map(([k]) => k),
    ...[...WORDS.pairs.values()].flatMap((seconds) =>
      [...seconds.values()].filter((e) => leansClearly(e.weights)).map((e) => e.key),
    ),
  ].filter(isShown),
);

/** Learned words and word pairs shown as evidence: "tusind tak", "aldrig". */
function learnedEvidence(hits: readonly Hit[], label: ClassLabel): SentimentEvidence[] {
  if (label === "neutral") return [];
  const sign = label === "positive" ? 1 : -1;
  return strongestFor(hits, label, LEARNED_EVIDENCE).map(({ hit, weight }) => ({
    token: hitText(hit.key),
    weight: Math.round(sign * weight * 100) / 100,
    rule: "learned",
  }));
}

/**
 * The rules' verdict weighed with the learned word model (docs/decisions): the label is
 * the combiner's most likely class, the score P(positive) - P(negative). Evidence lists
 * what the rules scored, then the words the model leaned on most.
 */
function decide(analysed: AnalyzedDocument): {
  sentiment: SentimentResult;
  probabilities: [number, number, number];
} {
  const { doc, language, names } = analysed;
  const rules = toEvidence(doc.contributions);
  if (!doc.tokens.some((t) => t.kind !== "punct")) {
    return {
      sentiment: { ...summarise(doc.sum), evidence: rules },
      probabilities: [0, 1, 0],
    };
  }
  const words = new Scorer(WORDS, SHOWN);
  addWordFeatures(words, doc, language, names);
  const rating = ratingOf(doc);
  const probabilities = predictProbabilities(
    COMBINER,
    combinerFeatures(doc.sum, rating, words.probabilities()),
  );
  const label = decideLabel(probabilities, doc.sum, rating);
  const score = Math.round((probabilities[0] - probabilities[2]) * 1000) / 1000;
  return {
    sentiment: { label, score, evidence: [...rules, ...learnedEvidence(words.hits, label)] },
    probabilities,
  };
}

/**
 * Sentiment of a Danish or English text. Without `language` it is detected; "other"
 * scores with both lexicons.
 */
export function analyzeSentiment(text: string, language?: Language): SentimentResult {
  return decide(analyzeDocument(text, { language })).sentiment;
}

/** The rules alone, without the learned layer: what their table tests pin down. */
export function analyzeRules(text: string, language?: Language): SentimentResult {
  const { doc } = analyzeDocument(text, { language });
  return { ...summarise(doc.sum), evidence: toEvidence(doc.contributions) };
}

/**
 * Language, overall sentiment and the employees named in one text. Tokenises once; a
 * matched name ("Bo Glad", "Rose") never scores as a sentiment word. Each person's
 * sentiment weighs the rules' verdict on that person with the text's learned verdict.
 */
export function analyzeText(text: string, opts: AnalyzeTextOptions = {}): TextInsight {
  const analysed = analyzeDocument(text, opts);
  const { sentiment, probabilities } = decide(analysed);
  const people = analysed.mentions.length;
  return {
    language: analysed.language,
    sentiment,
    employees: analysed.mentions.map(({ id, name, sentiment: rule, start }) => {
      const words = new Scorer(MENTION_WORDS);
      addMentionWordFeatures(words, analysed.doc, analysed.names, start, analysed.language);
      const features = mentionFeatures(rule, people, probabilities, words.probabilities());
      return { id, name, sentiment: mostLikely(predictProbabilities(MENTIONS, features)) };
    }),
  };
}

/** The sign of the ratings in a text ("9/10", "1 stjerne"), 0 when it has none. */
function ratingOf(doc: AnalyzedText): number {
  let sum = 0;
  for (const c of doc.contributions) if (c.rules.includes("rating")) sum += c.weight;
  return Math.sign(sum);
}
