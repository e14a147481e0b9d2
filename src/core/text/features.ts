// Features of one analysed text for the learned layer (classifier.ts): what the rules
// found (their sum, each rule and lexicon word with its sign) and the words themselves.
// Names found by the matcher become one placeholder, so "tak <navn>" learned from one
// roster carries to the next.
import type { LexiconLanguage } from "./lookup";
import type { AnalyzedText } from "./sentiment";

/** Sparse feature vector: parallel arrays, each key at most once. */
export type Features = { keys: string[]; values: number[] };

const NAME = "<navn>";
const OTHER = "<anden>";
const MAX_BIGRAM_WORDS = 60;
/** Word prefix length: a cheap stem for Danish inflection and compounds. */
const PREFIX = 5;

class FeatureBuilder {
  readonly index = new Map<string, number>();
  readonly keys: string[] = [];
  readonly values: number[] = [];

  add(key: string, value = 1): void {
    const at = this.index.get(key);
    if (at === undefined) {
      this.index.set(key, this.keys.length);
      this.keys.push(key);
      this.values.push(value);
    } else this.values[at] = (this.values[at] as number) + value;
  }
}

/** Squashes a rule sum into (-1, 1): the rules' verdict and how sure they are. */
function squash(x: number): number {
  return x / (Math.abs(x) + 2);
}

/**
 * Features of a text the rules have analysed. `names` are the tokens of matched employee
 * names (skipped as words); `language` is the detected one.
 */
export function documentFeatures(
  doc: AnalyzedText,
  language: LexiconLanguage,
  names?: ReadonlySet<number>,
): Features {
  const f = new FeatureBuilder();
  const { tokens, contributions, sentences } = doc;
  f.add("bias");
  f.add(`lang:${language}`);
  f.add("rule:sum", squash(doc.sum));
  f.add(doc.sum >= 1 ? "rule:positive" : doc.sum <= -1 ? "rule:negative" : "rule:neutral");
  let positive = 0;
  let negative = 0;
  const lastSentence = sentences.length - 1;
  let lastSum = 0;
  for (const c of contributions) {
    const sign = c.weight > 0 ? "+" : "-";
    if (c.weight > 0) positive += c.weight;
    else negative -= c.weight;
    if (c.sentence === lastSentence) lastSum += c.weight;
    f.add(`ev:${c.token.toLowerCase()}${sign}`);
    for (const rule of c.rules) f.add(`r:${rule}${sign}`);
  }
  f.add("rule:positive-total", squash(positive));
  f.add("rule:negative-total", squash(negative));
  if (sentences.length > 1) f.add("rule:last-sentence", squash(lastSum));
  if (contributions.length === 0) f.add("rule:none");

  let words = 0;
  let previous = "<s>";
  let questions = 0;
  let exclamations = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === "punct") {
      if (token.text.includes("?")) questions++;
      if (token.text.includes("!")) exclamations++;
      previous =
        token.text.includes("?") || token.text.includes("!") || token.text === "."
          ? "<s>"
          : previous;
      continue;
    }
    let word: string;
    if (names?.has(i)) {
      if (previous === NAME) continue;
      word = NAME;
    } else if (token.kind === "number") word = "<tal>";
    else word = token.lower;
    words++;
    f.add(`w:${word}`);
    if (token.kind === "word" && word !== NAME && word.length > PREFIX + 1) {
      f.add(`p:${word.slice(0, PREFIX)}`);
    }
    if (words <= MAX_BIGRAM_WORDS) f.add(`b:${previous} ${word}`);
    previous = word;
  }
  const last = tokens[tokens.length - 1];
  if (last?.kind === "punct" && last.text.includes("?")) f.add("end:?");
  if (questions > 0) f.add("has:?");
  if (exclamations > 0) f.add("has:!");
  if ((names?.size ?? 0) > 0) f.add("has:name");
  f.add(words <= 3 ? "len:short" : words <= 12 ? "len:medium" : "len:long");
  return { keys: f.keys, values: f.values };
}

/** Word features only: what the learned word model sees (no rule output). */
export function wordFeatures(
  doc: AnalyzedText,
  language: LexiconLanguage,
  names?: ReadonlySet<number>,
): Features {
  const all = documentFeatures(doc, language, names);
  const keys: string[] = [];
  const values: number[] = [];
  all.keys.forEach((key, i) => {
    if (key.startsWith("rule:") || key.startsWith("r:") || key.startsWith("ev:")) return;
    keys.push(key);
    values.push(all.values[i] as number);
  });
  return { keys, values };
}

/**
 * What the combiner weighs: the rules' verdict (their sum, which side of the neutral band
 * it falls on, whether nothing scored at all, and the sign of a rating: "9/10") and the word model's log-odds of positive and negative against
 * neutral. Trained on rule output from before the rules were tuned on each set, so it
 * trusts the rules as much as they deserve on text they have not seen.
 */
export function combinerFeatures(
  ruleSum: number,
  rating: number,
  word: readonly [number, number, number],
): Features {
  const eps = 1e-6;
  const [pos, neu, neg] = word;
  return {
    keys: [
      "bias",
      "rule:sum",
      "rule:positive",
      "rule:negative",
      "rule:silent",
      "rule:rating",
      "word:positive",
      "word:negative",
    ],
    values: [
      1,
      squash(ruleSum),
      ruleSum >= 1 ? 1 : 0,
      ruleSum <= -1 ? 1 : 0,
      Math.abs(ruleSum) < 0.01 ? 1 : 0,
      Math.sign(rating),
      Math.log((pos + eps) / (neu + eps)),
      Math.log((neg + eps) / (neu + eps)),
    ],
  };
}

/**
 * What the mention combiner weighs for one employee named in a text: the rules' verdict
 * on that person, and the text's learned verdict, which counts for more when the text
 * names one person only ("Malte tog sig tid til os" is praise of Malte, with no opinion
 * word for the rules to find).
 */
export function mentionFeatures(
  ruleSentiment: "positive" | "neutral" | "negative",
  people: number,
  text: readonly [number, number, number],
  words: readonly [number, number, number],
): Features {
  const eps = 1e-6;
  const [pos, neu, neg] = text;
  const positive = Math.log((pos + eps) / (neu + eps));
  const negative = Math.log((neg + eps) / (neu + eps));
  const alone = people === 1 ? 1 : 0;
  const [wPos, wNeu, wNeg] = words;
  return {
    keys: [
      "bias",
      "rule:positive",
      "rule:negative",
      "text:positive",
      "text:negative",
      "alone",
      "alone:text:positive",
      "alone:text:negative",
      "words:positive",
      "words:negative",
    ],
    values: [
      1,
      ruleSentiment === "positive" ? 1 : 0,
      ruleSentiment === "negative" ? 1 : 0,
      positive,
      negative,
      alone,
      alone * positive,
      alone * negative,
      Math.log((wPos + eps) / (wNeu + eps)),
      Math.log((wNeg + eps) / (wNeu + eps)),
    ],
  };
}

/**
 * Words of the sentence that names one employee, for the learned mention model: the
 * person is "<navn>", anyone else named is "<anden>", so "<navn> hjalp" and "tak til
 * <navn>" carry from one roster to the next.
 */
export function mentionWordFeatures(
  doc: AnalyzedText,
  names: ReadonlySet<number>,
  mentionStart: number,
  language: LexiconLanguage,
): Features {
  const f = new FeatureBuilder();
  const { tokens, sentences } = doc;
  f.add("bias");
  f.add(`lang:${language}`);
  const at = tokens.findIndex((t) => t.start === mentionStart);
  const sentence = sentences.find((s) => at >= s.start && at < s.end) ?? {
    start: 0,
    end: tokens.length,
  };
  let own = at;
  while (own >= 0 && own + 1 < tokens.length && names.has(own + 1)) own++;
  let previous = "<s>";
  for (let i = sentence.start; i < sentence.end; i++) {
    const token = tokens[i];
    if (!token || token.kind === "punct") continue;
    let word: string;
    if (i >= at && i <= own) {
      if (previous === NAME) continue;
      word = NAME;
    } else if (names.has(i)) {
      if (previous === OTHER) continue;
      word = OTHER;
    } else if (token.kind === "number") word = "<tal>";
    else word = token.lower;
    f.add(`w:${word}`);
    if (token.kind === "word" && word.length > PREFIX + 1 && !word.startsWith("<")) {
      f.add(`p:${word.slice(0, PREFIX)}`);
    }
    f.add(`b:${previous} ${word}`);
    previous = word;
  }
  if (sentences.length > 1) f.add("text:sentences", Math.min(sentences.length, 6) / 6);
  return { keys: f.keys, values: f.values };
}

/**
 * The combiner's label, except that a rating the rules agree with stands: "10/10" or
 * "1 stjerne" is the writer's own verdict, and a few hundred texts of word statistics
 * should not talk it down to neutral.
 */
export function decideLabel(
  probabilities: readonly [number, number, number],
  ruleSum: number,
  rating: number,
): "positive" | "neutral" | "negative" {
  if (rating > 0 && ruleSum >= 1) return "positive";
  if (rating < 0 && ruleSum <= -1) return "negative";
  const [a, b, c] = probabilities;
  return a >= b && a >= c ? "positive" : c > b ? "negative" : "neutral";
}
