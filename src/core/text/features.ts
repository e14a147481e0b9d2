// Features of one analysed text for the learned layer (classifier.ts): the words of the
// text and of the clause around each name, and what the combiners weigh (the rules'
// verdict beside the word models' odds). Names found by the matcher become one
// placeholder, so "tak <navn>" learned from one roster carries to the next.
import { FeatureCollector, FeatureKind, type FeatureSink, mostLikely } from "./classifier";
import { NEGATORS } from "./lexicon/rules";
import type { LexiconLanguage } from "./lookup";
import { type AnalyzedText, NEUTRAL_BAND } from "./sentiment";

/** Sparse feature vector: parallel arrays; a repeated key adds up. */
export type Features = { keys: string[]; values: number[] };

const { Other, Word, Prefix } = FeatureKind;

const NAME = "<navn>";
const OTHER = "<anden>";
const MAX_BIGRAM_WORDS = 60;
/** Word prefix length: a cheap stem for Danish inflection and compounds. */
const PREFIX = 5;
/** Words after a negator that are marked as negated ("ikke ¬hjælpsom"), up to punctuation. */
const NEGATION_WORDS = 3;
const NEGATED = "¬";

function isNegatorWord(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

/** How far the last negator still reaches, as the walk goes word by word. */
class NegationScope {
  private left = 0;

  reset(): void {
    this.left = 0;
  }

  /**
   * The word as the model sees it: marked when a negator before it reaches it. A
   * placeholder ("<navn>") is marked only where `markPlaceholders` says so.
   */
  apply(kind: string, word: string, markPlaceholders: boolean): string {
    if (kind === "word" && isNegatorWord(word)) {
      this.left = NEGATION_WORDS;
      return word;
    }
    if (this.left === 0) return word;
    this.left--;
    if (kind !== "word" || (!markPlaceholders && word.startsWith("<"))) return word;
    return NEGATED + word;
  }
}

/** Log-odds of positive and of negative against neutral. */
function logOdds([pos, neu, neg]: readonly [number, number, number]): [number, number] {
  const eps = 1e-6;
  return [Math.log((pos + eps) / (neu + eps)), Math.log((neg + eps) / (neu + eps))];
}

/** Squashes a rule sum into (-1, 1): the rules' verdict and how sure they are. */
function squash(x: number): number {
  return x / (Math.abs(x) + 2);
}

/**
 * What the word model sees of a text the rules have analysed: its words, word prefixes
 * and word pairs, and a few shapes (question, exclamation, length). No rule output: the
 * combiner weighs that. `names` are the tokens of matched employee names. Sent to a
 * sink, so scoring builds no keys (classifier.ts: Scorer).
 */
export function addWordFeatures(
  sink: FeatureSink,
  doc: AnalyzedText,
  language: LexiconLanguage,
  names?: ReadonlySet<number>,
): void {
  const { tokens } = doc;
  sink.add(Other, "bias");
  sink.add(Other, `lang:${language}`);
  let words = 0;
  let previous = "<s>";
  let questions = 0;
  let exclamations = 0;
  const negation = new NegationScope();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind === "punct") {
      negation.reset();
      const text = token.text;
      const question = text.includes("?");
      const exclamation = text.includes("!");
      if (question) questions++;
      if (exclamation) exclamations++;
      if (question || exclamation || text === ".") previous = "<s>";
      continue;
    }
    let word: string;
    if (names?.has(i)) {
      if (previous === NAME) continue;
      word = NAME;
    } else if (token.kind === "number") word = "<tal>";
    else word = token.lower;
    // "ikke hjælpsom", "wasn't helpful": the words a negator reaches are other words.
    word = negation.apply(token.kind, word, true);
    const mark = word.startsWith(NEGATED) ? 1 : 0;
    words++;
    sink.add(Word, word);
    if (token.kind === "word" && word !== NAME && word.length > PREFIX + 1 + mark) {
      sink.add(Prefix, word.slice(0, PREFIX + mark));
    }
    if (words <= MAX_BIGRAM_WORDS) sink.pair(previous, word);
    previous = word;
  }
  const last = tokens[tokens.length - 1];
  if (last?.kind === "punct" && last.text.includes("?")) sink.add(Other, "end:?");
  if (questions > 0) sink.add(Other, "has:?");
  if (exclamations > 0) sink.add(Other, "has:!");
  if ((names?.size ?? 0) > 0) sink.add(Other, "has:name");
  sink.add(Other, words <= 3 ? "len:short" : words <= 12 ? "len:medium" : "len:long");
}

/** The word model's features as keys ("w:tak", "b:tusind tak"): for training and tests. */
export function wordFeatures(
  doc: AnalyzedText,
  language: LexiconLanguage,
  names?: ReadonlySet<number>,
): Features {
  const collector = new FeatureCollector();
  addWordFeatures(collector, doc, language, names);
  return collector.features();
}

/**
 * What the combiner weighs: the rules' verdict (their sum, which side of the neutral band
 * it falls on, whether nothing scored at all, and the sign of a rating: "9/10") and the
 * word model's log-odds of positive and negative against neutral. Trained on rule output from before the rules were tuned on each set, so it
 * trusts the rules as much as they deserve on text they have not seen.
 */
export function combinerFeatures(
  ruleSum: number,
  rating: number,
  word: readonly [number, number, number],
): Features {
  const [wordPositive, wordNegative] = logOdds(word);
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
      ruleSum >= NEUTRAL_BAND ? 1 : 0,
      ruleSum <= -NEUTRAL_BAND ? 1 : 0,
      Math.abs(ruleSum) < 0.01 ? 1 : 0,
      Math.sign(rating),
      wordPositive,
      wordNegative,
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
  const [positive, negative] = logOdds(text);
  const [wordsPositive, wordsNegative] = logOdds(words);
  const alone = people === 1 ? 1 : 0;
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
      wordsPositive,
      wordsNegative,
    ],
  };
}

/**
 * Words of the sentence that names one employee, for the learned mention model: the
 * person is "<navn>", anyone else named is "<anden>", so "<navn> hjalp" and "tak til
 * <navn>" carry from one roster to the next.
 */
export function addMentionWordFeatures(
  sink: FeatureSink,
  doc: AnalyzedText,
  names: ReadonlySet<number>,
  mentionStart: number,
  language: LexiconLanguage,
): void {
  const { tokens, sentences } = doc;
  sink.add(Other, "bias");
  sink.add(Other, `lang:${language}`);
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i] as (typeof tokens)[number]).start === mentionStart) {
      at = i;
      break;
    }
  }
  let sentence = { start: 0, end: tokens.length };
  for (const s of sentences) {
    if (at >= s.start && at < s.end) {
      sentence = s;
      break;
    }
  }
  let own = at;
  while (own >= 0 && own + 1 < tokens.length && names.has(own + 1)) own++;
  // The person's own clause: from the last break before the name to the next one after
  // it. A comma, "men"/"but" or another person's name breaks ("CG var flink, men
  // regningen fra Marlene ..." says nothing kind of Marlene).
  let from = sentence.start;
  let to = sentence.end;
  if (at >= 0) {
    for (let i = at - 1; i >= sentence.start; i--) {
      if (isClauseBreak(tokens, i, names)) {
        from = i + 1;
        break;
      }
    }
    for (let i = own + 1; i < sentence.end; i++) {
      if (isClauseBreak(tokens, i, names)) {
        to = i;
        break;
      }
    }
  }
  let previous = "<s>";
  const negation = new NegationScope();
  for (let i = sentence.start; i < sentence.end; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === "punct") {
      negation.reset();
      continue;
    }
    const inClause = i >= from && i < to;
    if (!inClause) {
      // Outside the clause: single words only, on their own keys.
      if (token.kind === "word" && !names.has(i)) sink.add(Other, `x:${token.lower}`);
      continue;
    }
    let word: string;
    if (i >= at && i <= own) {
      if (previous === NAME) continue;
      word = NAME;
    } else if (names.has(i)) {
      if (previous === OTHER) continue;
      word = OTHER;
    } else if (token.kind === "number") word = "<tal>";
    else word = token.lower;
    word = negation.apply(token.kind, word, false);
    const mark = word.startsWith(NEGATED) ? 1 : 0;
    sink.add(Word, word);
    if (token.kind === "word" && word.length > PREFIX + 1 + mark && !word.startsWith("<")) {
      sink.add(Prefix, word.slice(0, PREFIX + mark));
    }
    sink.pair(previous, word);
    previous = word;
  }
  if (sentences.length > 1) sink.add(Other, "text:sentences", Math.min(sentences.length, 6) / 6);
}

const COORDINATORS = new Set(["og", "and", "&"]);
const CLAUSE_BREAK_WORDS = new Set([
  "men",
  "but",
  "mens",
  "while",
  "whereas",
  "selvom",
  "although",
]);

function isClauseBreak(
  tokens: AnalyzedText["tokens"],
  i: number,
  names: ReadonlySet<number>,
): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (token.kind === "punct") return /^[,;:–—-]/.test(token.text);
  if (token.kind === "word" && CLAUSE_BREAK_WORDS.has(token.lower)) return true;
  // Another person's name, unless joined by "og"/"and": "Sofie og Lars var søde" praises both.
  if (!names.has(i) || names.has(i - 1)) return false;
  const before = tokens[i - 1];
  return !(before && COORDINATORS.has(before.lower));
}

/** The mention model's features as keys: for training and tests. */
export function mentionWordFeatures(
  doc: AnalyzedText,
  names: ReadonlySet<number>,
  mentionStart: number,
  language: LexiconLanguage,
): Features {
  const collector = new FeatureCollector();
  addMentionWordFeatures(collector, doc, names, mentionStart, language);
  return collector.features();
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
  if (rating > 0 && ruleSum >= NEUTRAL_BAND) return "positive";
  if (rating < 0 && ruleSum <= -NEUTRAL_BAND) return "negative";
  return mostLikely(probabilities);
}
