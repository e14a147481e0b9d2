import {
  ASPECT_HEADS,
  ASPECT_NOUNS,
  BACKWARD_NEGATORS,
  COMPARATIVE_POSITIVE,
  COMPARISON_WORDS,
  CONCESSIVE_WORDS,
  CONTRAST_WORDS,
  EXCESS_MARKERS,
  EXCESS_TARGETS,
  EXCESS_VALUE,
  INTENSIFIER_OR_WORD,
  INTENSIFIERS,
  LONE_NEGATOR_VALUE,
  LONG_UNITS,
  LONG_WAIT_VALUE,
  LONG_WORDS,
  MODALS,
  NEGATION_BREAKERS,
  NEGATORS,
  NOBODY_VALUE,
  NOBODY_WORDS,
  OBJECT_PRONOUNS,
  PHRASE_FILLERS,
  PHRASES,
  type PhraseEffect,
  PRONOUN_VERB_HINTS,
  QUANTITY_WORDS,
  REPETITION_COUNTS,
  REPETITION_UNITS,
  REPETITION_VALUE,
  REPORT_LINKS,
  REPORT_VERBS,
  SARCASM_MARKERS,
  SENTENCE_CONTRAST_WORDS,
  SHORT_UNITS,
  SHORT_WORDS,
  SUPERLATIVE_MARKERS,
  TOOK_WORDS,
  TOPIC_FACTOR,
  TOPIC_MARKERS,
  WAIT_WORDS,
  WHY_WORDS,
} from "./lexicon/rules";
import type { LexValue } from "./lexicon/types";
import { type LexiconLanguage, lookupSymbol, lookupWord } from "./lookup";
import { type Span, splitSentences, type Token, tokenize } from "./tokenize";

export type SentimentLabel = "positive" | "neutral" | "negative";

/** One word, phrase or symbol that moved the score, and the rules that shaped its weight. */
export type SentimentEvidence = { token: string; weight: number; rule?: string };

export type SentimentResult = {
  label: SentimentLabel;
  /** In [-1, 1]; the sign agrees with the label unless the label is neutral. */
  score: number;
  evidence: SentimentEvidence[];
};

/** A weighted contribution tied to the tokens it came from (used for per-person sentiment). */
export type Contribution = {
  firstToken: number;
  lastToken: number;
  sentence: number;
  token: string;
  weight: number;
  rules: string[];
};

/** Tokens, sentences and contributions of one text; shared by sentiment and name matching. */
export type AnalyzedText = {
  text: string;
  tokens: Token[];
  sentences: Span[];
  contributions: Contribution[];
  sum: number;
};

/** Below this absolute sum a text is neutral: "ok", a lone "vente", a polite "tak" in a question. */
export const NEUTRAL_BAND = 1;
const SCORE_ALPHA = 15;
const NEGATION_SCOPE = 3;
const NEGATE_POSITIVE = -0.75;
const NEGATE_NEGATIVE = -0.7;

type Phrase = { words: string[]; effect: PhraseEffect; text: string };
const PHRASE_INDEX: Map<string, Phrase[]> = (() => {
  const index = new Map<string, Phrase[]>();
  for (const [text, effect] of PHRASES) {
    const words = text.split(" ");
    const first = words[0] as string;
    const list = index.get(first) ?? [];
    list.push({ words, effect, text });
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

// Phrase helpers ("fik hjælp") that depend on neither language.
function matchPhrase(
  tokens: Token[],
  i: number,
  end: number,
): { phrase: Phrase; last: number } | undefined {
  const first = tokens[i] as Token;
  const candidates = PHRASE_INDEX.get(first.lower);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let j = i;
    let skipped = false;
    let ok = true;
    for (let k = 1; k < phrase.words.length; k++) {
      j++;
      let token = tokens[j];
      if (token && token.kind === "word" && token.lower !== phrase.words[k] && !skipped) {
        if (PHRASE_FILLERS.has(token.lower)) {
          skipped = true;
          j++;
          token = tokens[j];
        }
      }
      if (!token || j >= end || token.kind !== "word" || token.lower !== phrase.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { phrase, last: j };
  }
  return undefined;
}

function normaliseNegator(lower: string): string {
  if (lower.endsWith("n't")) return "not";
  return lower;
}

function isNegator(lower: string): boolean {
  return NEGATORS.has(lower) || lower.endsWith("n't");
}

const aspectCache = new Map<string, boolean>();

function isAspectNoun(lower: string): boolean {
  const cached = aspectCache.get(lower);
  if (cached !== undefined) return cached;
  const result = computeIsAspectNoun(lower);
  if (aspectCache.size > 50_000) aspectCache.clear();
  aspectCache.set(lower, result);
  return result;
}

function computeIsAspectNoun(lower: string): boolean {
  if (ASPECT_NOUNS.has(lower)) return true;
  for (const head of ASPECT_HEADS) {
    const at = lower.indexOf(head);
    if (at < 0) continue;
    const rest = lower.slice(at + head.length);
    if (rest === "" || rest === "en" || rest === "er" || rest === "erne" || rest === "e")
      return true;
  }
  return false;
}

function isAllCaps(text: string): boolean {
  return text.length >= 3 && text === text.toUpperCase() && text !== text.toLowerCase();
}

type Pending = {
  negator?: {
    index: number;
    word: string;
    left: number;
    sawSuperlative: boolean;
    modal: boolean;
    /** "ingen der ...", "nobody": a pronoun that never turns a complaint into praise. */
    nobody: boolean;
  };
  factor: number;
  factorRules: string[];
  factorLeft: number;
  excess: boolean;
};

type ClauseNegator = { index: number; word: string; resolved: boolean; nobody: boolean };

type Item = Contribution & { negated: boolean; clause: number; negatedValue?: number };

/**
 * Scores a text with lexicon and rules. `skip` holds token indexes that must not score
 * (a matched employee called "Glad" or "Rose").
 */
export function analyzeTokens(
  text: string,
  language: LexiconLanguage,
  skip?: ReadonlySet<number>,
  pre?: { tokens: Token[]; sentences: Span[] },
): AnalyzedText {
  const tokens = pre?.tokens ?? tokenize(text);
  const sentences = pre?.sentences ?? splitSentences(tokens);
  const hasLowercase = text !== text.toUpperCase();
  const items: Item[] = [];
  let clause = 0;

  let sentenceIndex = 0;
  let sentenceStartItem = 0;
  let contrastAt = -1;
  let sentenceContrast = false;
  let concessive = false;
  let comparison = false;
  let topic = false;
  let sawReportVerb = false;
  let hasAspect = false;
  let hasWait = false;
  let hasTook = false;
  let isWhy = false;
  let question = false;
  let exclamations = 0;
  let sarcasm = false;
  let lastNegated: { end: number; word: string; nobody: boolean } | undefined;
  let pending: Pending = { factor: 1, factorRules: [], factorLeft: 0, excess: false };
  let clauseNegators: ClauseNegator[] = [];
  const resetClause = () => {
    resolveBackward(clauseNegators, items, tokens, clause, sentenceIndex);
    clauseNegators = [];
    pending = { factor: 1, factorRules: [], factorLeft: 0, excess: false };
    clause++;
  };

  const push = (
    first: number,
    last: number,
    surface: string,
    value: LexValue,
    rule: string,
    allowNegation = true,
  ) => {
    let base = typeof value === "number" ? value : value[0];
    const negatedValue = typeof value === "number" ? undefined : value[1];
    const rules = [rule];
    let negated = false;
    const negator = pending.negator;
    if (allowNegation && negator && negator.left > 0) {
      const lowerFirst = (tokens[first] as Token).lower;
      const superlative =
        ((negator.word === "aldrig" || negator.word === "never") && negator.sawSuperlative) ||
        (negator.modal && COMPARATIVE_POSITIVE.has(lowerFirst));
      if (superlative && base > 0) {
        base = base * 1.3 + (negator.modal ? 1 : 0);
        rules.push("superlative");
      } else if (superlative && base < 0) {
        base *= 1.3;
        rules.push("superlative");
      } else if (negatedValue !== undefined) {
        base = negatedValue;
        rules.push("negation");
        negated = true;
      } else if (base !== 0) {
        base *= base > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        rules.push("negation");
        negated = true;
      }
      const marked = clauseNegators.find((n) => n.index === negator.index);
      if (marked) marked.resolved = true;
      pending.negator = undefined;
      if (negated) lastNegated = { end: last, word: negator.word, nobody: negator.nobody };
    } else if (negatedValue !== undefined && base === 0) {
      return;
    }
    if (base === 0) return;
    if (pending.factorLeft > 0 && pending.factor !== 1) {
      base *= pending.factor;
      rules.push(...pending.factorRules);
    }
    pending.factor = 1;
    pending.factorRules = [];
    pending.factorLeft = 0;
    if (first === last && hasLowercase && isAllCaps((tokens[first] as Token).text)) {
      base *= 1.3;
      rules.push("caps");
    }
    if (topic) {
      base *= TOPIC_FACTOR;
      rules.push("topic");
    } else if (comparison) {
      base *= 0.2;
      rules.push("comparison");
    } else if (concessive) {
      base *= 0.5;
      rules.push("concessive");
    }
    items.push({
      firstToken: first,
      lastToken: last,
      sentence: sentenceIndex,
      token: surface,
      weight: base,
      rules,
      negated,
      clause,
      negatedValue: negated ? undefined : negatedValue,
    });
  };

  const tick = () => {
    if (pending.negator) pending.negator.left--;
    if (pending.factorLeft > 0) pending.factorLeft--;
  };

  // An eye-roll anywhere in a short text makes its praise sarcastic ("Fedt ... Igen. 🙄").
  let textSarcasm = false;
  if (sentences.length <= 3) {
    for (const token of tokens) {
      if (
        token.kind === "emoji" &&
        SARCASM_MARKERS.has(String.fromCodePoint(token.text.codePointAt(0) ?? 0))
      ) {
        textSarcasm = true;
      }
    }
  }

  for (sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const span = sentences[sentenceIndex] as Span;
    sentenceStartItem = items.length;
    contrastAt = -1;
    sentenceContrast = false;
    concessive = false;
    comparison = false;
    topic = false;
    sawReportVerb = false;
    hasAspect = false;
    hasWait = false;
    hasTook = false;
    isWhy = false;
    question = false;
    exclamations = 0;
    sarcasm = textSarcasm;
    pending = { factor: 1, factorRules: [], factorLeft: 0, excess: false };
    clauseNegators = [];

    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      if (token.kind === "word") {
        if (isAspectNoun(token.lower)) hasAspect = true;
        if (WAIT_WORDS.has(token.lower) || isAspectNoun(token.lower)) hasWait = true;
        if (TOOK_WORDS.has(token.lower)) hasTook = true;
        if (WHY_WORDS.has(token.lower)) isWhy = true;
      } else if (token.kind === "emoji") {
        if (SARCASM_MARKERS.has(String.fromCodePoint(token.text.codePointAt(0) ?? 0)))
          sarcasm = true;
      } else if (token.kind === "punct") {
        if (token.text.includes("?")) question = !token.text.includes("!");
        if (token.text.includes("!")) {
          exclamations += (token.text.match(/!/g) ?? []).length;
          question = false;
        }
      }
    }

    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      if (skip?.has(i)) {
        tick();
        continue;
      }
      if (token.kind === "punct") {
        if (/[,;:()\-–—]/.test(token.text)) {
          resetClause();
          concessive = false;
          comparison = false;
          topic = false;
        }
        continue;
      }
      if (token.kind === "emoji" || token.kind === "emoticon") {
        const value = lookupSymbol(token.text);
        if (value !== undefined) push(i, i, token.text, value, "emoji", false);
        continue;
      }
      if (token.kind !== "word") {
        tick();
        continue;
      }
      const lower = token.lower;

      const phraseMatch = matchPhrase(tokens, i, span.end);
      if (phraseMatch) {
        const { phrase, last } = phraseMatch;
        const effect = phrase.effect;
        const surface = text.slice(token.start, (tokens[last] as Token).end);
        if (effect.kind === "value") {
          if (effect.value !== 0) push(i, last, surface, effect.value, "phrase");
        } else if (effect.kind === "intensifier") {
          pending.factor *= effect.factor;
          pending.factorRules.push(effect.factor >= 1 ? "intensifier" : "downtoner");
          pending.factorLeft = 3;
          if (effect.excess) pending.excess = true;
        } else if (effect.kind === "post-intensifier") {
          const prev = items[items.length - 1];
          if (prev && prev.clause === clause) {
            prev.weight *= effect.factor;
            prev.rules.push("intensifier");
          }
        } else if (effect.kind === "negator") {
          pending.negator = {
            index: i,
            word: phrase.text,
            left: NEGATION_SCOPE + 1,
            sawSuperlative: false,
            modal: false,
            nobody: NOBODY_WORDS.has(phrase.text),
          };
          clauseNegators.push({
            index: i,
            word: phrase.text,
            resolved: false,
            nobody: NOBODY_WORDS.has(phrase.text),
          });
        } else if (effect.kind === "breaker") {
          pending.negator = undefined;
          const marked = clauseNegators[clauseNegators.length - 1];
          if (marked) marked.resolved = true;
        }
        i = last;
        continue;
      }

      // "Mangel på respekt og forståelse": negation carries over a coordination.
      if (COORDINATORS.has(lower) && lastNegated && lastNegated.end === i - 1) {
        pending.negator = {
          index: i,
          word: lastNegated.word,
          left: NEGATION_SCOPE,
          sawSuperlative: false,
          modal: false,
          nobody: lastNegated.nobody,
        };
        lastNegated = undefined;
        continue;
      }
      if (CONTRAST_WORDS.has(lower)) {
        resetClause();
        concessive = false;
        comparison = false;
        topic = false;
        contrastAt = items.length;
        continue;
      }
      if (SENTENCE_CONTRAST_WORDS.has(lower)) {
        // "though" ends English clauses ("good staff though"); elsewhere a sentence adverb.
        sentenceContrast = true;
        continue;
      }
      if (CONCESSIVE_WORDS.has(lower) || (lower === "though" && tokens[i - 1]?.lower === "even")) {
        resetClause();
        concessive = true;
        continue;
      }
      if (COMPARISON_WORDS.has(lower)) {
        comparison = true;
        continue;
      }
      if (TOPIC_MARKERS.has(lower) || (sawReportVerb && REPORT_LINKS.has(lower))) {
        topic = true;
        continue;
      }
      if (REPORT_VERBS.has(lower)) sawReportVerb = true;
      if (isNegator(lower)) {
        const word = normaliseNegator(lower);
        const prev = tokens[i - 1];
        const prev2 = tokens[i - 2];
        const modal =
          MODALS.has(word) ||
          MODALS.has(lower.replace("n't", "")) ||
          (!!prev && MODALS.has(prev.lower)) ||
          (!!prev2 && MODALS.has(prev2.lower));
        const following = tokens[i + 1];
        const nobody =
          word === "nobody" ||
          (NOBODY_WORDS.has(word) && !!following && PRONOUN_VERB_HINTS.has(following.lower));
        pending.negator = {
          index: i,
          word,
          left: NEGATION_SCOPE + 1,
          sawSuperlative: false,
          modal: modal || lower === "couldn't" || lower === "can't",
          nobody,
        };
        clauseNegators.push({ index: i, word, resolved: false, nobody });
        continue;
      }
      if (
        pending.negator &&
        NEGATION_BREAKERS.has(lower) &&
        pending.negator.left === NEGATION_SCOPE + 1
      ) {
        pending.negator = undefined;
        const marked = clauseNegators[clauseNegators.length - 1];
        if (marked) marked.resolved = true;
        continue;
      }
      if (pending.negator && SUPERLATIVE_MARKERS.has(lower)) pending.negator.sawSuperlative = true;

      const next = tokens[i + 1];
      if (
        EXCESS_MARKERS.has(lower) &&
        next &&
        next.kind === "word" &&
        EXCESS_TARGETS.has(next.lower)
      ) {
        pending.excess = true;
        pending.factorLeft = Math.max(pending.factorLeft, 2);
        tick();
        continue;
      }
      if (pending.excess && EXCESS_TARGETS.has(lower)) {
        const own = lookupWord(lower, language);
        const ownValue = own ? (typeof own.value === "number" ? own.value : own.value[0]) : 0;
        push(i, i, token.text, Math.min(EXCESS_VALUE, ownValue), "excess");
        pending.excess = false;
        continue;
      }

      const ownIfWord = INTENSIFIER_OR_WORD[lower];
      const factor = INTENSIFIERS[lower];
      if (factor !== undefined || ownIfWord !== undefined) {
        const nextHasValue =
          next?.kind === "word" && hasValueAhead(tokens, i + 1, span.end, language);
        if (nextHasValue || ownIfWord === undefined) {
          // "mega fedt": intensify what follows; "super!" alone: a word of its own.
          const f = factor ?? 1.4;
          pending.factor *= f;
          pending.factorRules.push(f >= 1 ? "intensifier" : "downtoner");
          pending.factorLeft = 3;
          tick();
          continue;
        }
        push(i, i, token.text, ownIfWord, "lexicon");
        continue;
      }

      if (LONG_WORDS.has(lower) || SHORT_WORDS.has(lower)) {
        if (hasAspect) {
          push(i, i, token.text, LONG_WORDS.has(lower) ? -2 : 2, "aspect");
          continue;
        }
      }
      if (hasWait || hasTook) {
        const unitValue = longWait(tokens, i, span.start, hasWait);
        if (unitValue !== 0) {
          push(i, i, token.text, unitValue, "long-wait", false);
          continue;
        }
      }
      if (REPETITION_UNITS.has(lower) && isRepeatedMany(tokens[i - 1])) {
        push(
          i - 1,
          i,
          `${(tokens[i - 1] as Token).text} ${token.text}`,
          REPETITION_VALUE,
          "repetition",
          false,
        );
        continue;
      }
      if (lower === "ringe") {
        // Adjective "ringe" (poor) only after a copula or degree word; else the verb "to call".
        const prev = tokens[i - 1]?.lower ?? "";
        if (
          /^(var|er|meget|så|for|ret|virkelig|utrolig|temmelig|rigtig|noget|særdeles|yderst|helt)$/.test(
            prev,
          )
        ) {
          push(i, i, token.text, -2.5, "lexicon");
        } else {
          tick();
        }
        continue;
      }

      const hit = lookupWord(lower, language);
      if (hit) {
        push(i, i, token.text, hit.value, hit.rule);
        continue;
      }
      tick();
    }
    resetClause();

    // Contrast: "men"/"but" halves what came before in the sentence and lifts what follows.
    if (contrastAt >= 0) {
      for (let k = sentenceStartItem; k < items.length; k++) {
        const item = items[k] as Item;
        item.weight *= k < contrastAt ? 0.5 : 1.5;
        item.rules.push("contrast");
      }
    }
    if (sentenceContrast) {
      for (let k = 0; k < items.length; k++) {
        const item = items[k] as Item;
        item.weight *= k < sentenceStartItem ? 0.5 : 1.5;
        item.rules.push("contrast");
      }
    }
    if (sarcasm) {
      for (let k = sentenceStartItem; k < items.length; k++) {
        const item = items[k] as Item;
        if (item.weight > 0) {
          item.weight = -item.weight;
          item.rules.push("sarcasm");
        }
      }
    }
    if (question) {
      for (let k = sentenceStartItem; k < items.length; k++) {
        const item = items[k] as Item;
        if (isWhy && item.weight < 0) continue;
        item.weight *= item.weight > 0 ? 0.3 : 0.8;
        item.rules.push("question");
      }
    }
    if (exclamations > 0) {
      let sentenceSum = 0;
      for (let k = sentenceStartItem; k < items.length; k++)
        sentenceSum += (items[k] as Item).weight;
      if (sentenceSum !== 0) {
        items.push({
          firstToken: span.end - 1,
          lastToken: span.end - 1,
          sentence: sentenceIndex,
          token: "!".repeat(Math.min(exclamations, 3)),
          weight: Math.sign(sentenceSum) * 0.3 * Math.min(exclamations, 3),
          rules: ["exclamation"],
          negated: false,
          clause,
        });
      }
    }
  }

  let sum = 0;
  const contributions: Contribution[] = [];
  for (const item of items) {
    if (item.weight === 0) continue;
    sum += item.weight;
    contributions.push({
      firstToken: item.firstToken,
      lastToken: item.lastToken,
      sentence: item.sentence,
      token: item.token,
      weight: item.weight,
      rules: item.rules,
    });
  }
  return { text, tokens, sentences, contributions, sum };
}

function hasValueAhead(
  tokens: Token[],
  from: number,
  end: number,
  language: LexiconLanguage,
): boolean {
  for (let j = from; j < Math.min(end, from + 2); j++) {
    const token = tokens[j] as Token;
    if (token.kind !== "word") return false;
    if (INTENSIFIERS[token.lower] !== undefined) continue;
    if (
      PHRASE_INDEX.has(token.lower) &&
      matchPhrase(tokens, j, end)?.phrase.effect.kind === "value"
    ) {
      return true;
    }
    const hit = lookupWord(token.lower, language);
    if (hit && (typeof hit.value === "number" ? hit.value : hit.value[0]) !== 0) return true;
    if (LONG_WORDS.has(token.lower) || SHORT_WORDS.has(token.lower)) return true;
    return false;
  }
  return false;
}

/** "fire gange", "third time": having to repeat oneself is a complaint. */
function isRepeatedMany(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === "number") return Number.parseInt(prev.lower, 10) >= 3;
  return REPETITION_COUNTS.has(prev.lower);
}

/** "ventet i over en time", "tog tre uger": a duration after waiting reads as a complaint. */
function longWait(tokens: Token[], i: number, sentenceStart: number, hasWait: boolean): number {
  const token = tokens[i] as Token;
  const isLong = LONG_UNITS.has(token.lower);
  const isShort = SHORT_UNITS.has(token.lower);
  if (!isLong && !(isShort && hasWait)) return 0;
  const prev = tokens[i - 1];
  if (!prev || i - 1 < sentenceStart) return 0;
  if (prev.lower === "halv" || prev.lower === "half") return 0;
  const quantity = prev.kind === "number" || QUANTITY_WORDS.has(prev.lower);
  return quantity ? LONG_WAIT_VALUE : 0;
}

const CLAUSE_JOINERS = new Set(["og", "and", "men", "but", "eller", "or"]);
const COORDINATORS = new Set(["og", "and", "eller", "or", "nor"]);

/** Unresolved "ikke"/"not" reaches back to the verb before it: "Lægen lyttede ikke". */
function resolveBackward(
  negators: ClauseNegator[],
  items: Item[],
  tokens: Token[],
  clause: number,
  sentence: number,
): void {
  for (const negator of negators) {
    if (negator.resolved) continue;
    let target: Item | undefined;
    if (BACKWARD_NEGATORS.has(negator.word)) {
      let words = 0;
      for (let j = negator.index - 1; j >= 0 && words < 2; j--) {
        const token = tokens[j] as Token;
        if (token.kind === "punct" || CLAUSE_JOINERS.has(token.lower)) break;
        if (token.kind !== "word") continue;
        if (OBJECT_PRONOUNS.has(token.lower)) continue;
        words++;
        const found = items.find(
          (item) => item.clause === clause && item.firstToken <= j && item.lastToken >= j,
        );
        // Only verbs of service or praise are negated backwards ("hjalp ikke", "virker
        // ikke"); a complaint before "ikke" stays a complaint.
        if (found && !found.negated && (found.weight > 0 || found.negatedValue !== undefined)) {
          target = found;
          break;
        }
      }
    }
    if (target) {
      if (target.negatedValue !== undefined) {
        target.weight = target.negatedValue;
      } else target.weight *= target.weight > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
      target.rules.push("negation");
      target.negated = true;
      negator.resolved = true;
      continue;
    }
    const lone = negator.nobody ? NOBODY_VALUE : LONE_NEGATOR_VALUE[negator.word];
    if (lone !== undefined) {
      const token = tokens[negator.index] as Token;
      items.push({
        firstToken: negator.index,
        lastToken: negator.index,
        sentence,
        token: token.text,
        weight: lone,
        rules: ["negation"],
        negated: true,
        clause,
      });
    }
  }
}

/** Maps a summed weight to a label and a score in [-1, 1]. */
export function summarise(sum: number): { label: SentimentLabel; score: number } {
  const score = sum / Math.sqrt(sum * sum + SCORE_ALPHA);
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(score) ? score : 0));
  const label: SentimentLabel =
    sum >= NEUTRAL_BAND ? "positive" : sum <= -NEUTRAL_BAND ? "negative" : "neutral";
  return { label, score: Math.round(clamped * 1000) / 1000 };
}

/** Public evidence: what scored, in text order, with the rules that shaped each weight. */
export function toEvidence(contributions: Contribution[]): SentimentEvidence[] {
  return contributions.map((c) => {
    let rule = "";
    for (const r of c.rules) {
      if (rule === r || rule.startsWith(`${r}+`) || rule.includes(`+${r}`)) continue;
      rule = rule === "" ? r : `${rule}+${r}`;
    }
    return { token: c.token, weight: Math.round(c.weight * 100) / 100, rule };
  });
}
