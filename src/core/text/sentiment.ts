import {
  AGAIN_VALUE,
  ASPECT_HEADS,
  ASPECT_NOUNS,
  BACKWARD_NEGATORS,
  COMPARATIVE_POSITIVE,
  COMPARISON_WORDS,
  CONCESSIVE_WORDS,
  CONTRAST_WORDS,
  ELAPSED_MARKERS,
  ELAPSED_VALUE,
  EXCESS_MARKERS,
  EXCESS_TARGETS,
  EXCESS_VALUE,
  EXPECTATION_CUES,
  FRAME_WORDS,
  INTENSIFIER_OR_WORD,
  INTENSIFIERS,
  IRONIC_APPLAUSE,
  IRONIC_SHORT,
  KIN_WORDS,
  LONE_NEGATOR_VALUE,
  LONG_UNITS,
  LONG_WAIT_VALUE,
  LONG_WORDS,
  MODALS,
  NEGATION_BREAKERS,
  NEGATORS,
  NOBODY_VALUE,
  NOBODY_WORDS,
  NUMBER_WORDS,
  OBJECT_PRONOUNS,
  ONLY_VALUE,
  ONLY_WORDS,
  OWN_STATE_WORDS,
  PHRASE_FILLERS,
  PHRASES,
  type PhraseEffect,
  POSSESSIVES,
  PRICE_NOUNS,
  PRICE_UP,
  PRICE_UP_VALUE,
  PRONOUN_VERB_HINTS,
  QUANTITY_WORDS,
  REPETITION_COUNTS,
  REPETITION_UNITS,
  REPETITION_VALUE,
  REPORT_LINKS,
  REPORT_VERBS,
  RHETORICAL_PHRASES,
  RHETORICAL_WORDS,
  SARCASM_MARKERS,
  SENTENCE_CONTRAST_WORDS,
  SHORT_SCOPE_NEGATORS,
  SHORT_UNITS,
  SHORT_WORDS,
  STILL_VALUE,
  STILL_WORDS,
  SUPERLATIVE_MARKERS,
  TOOK_WORDS,
  TOPIC_FACTOR,
  TOPIC_MARKERS,
  WAIT_WORDS,
  WHY_WORDS,
  WONDER_WORDS,
} from "./lexicon/rules";
import type { LexValue } from "./lexicon/types";
import { type LexiconLanguage, lookupSymbol, lookupWord } from "./lookup";
import {
  elapsedTimeIn,
  hasFirstPersonBefore,
  interjectionOf,
  isErrand,
  isExplained,
  isSelfMishap,
  isStillComplaint,
  ratingAt,
} from "./patterns";
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
  /**
   * The factor "men"/"but" applied to the weight. What a person did keeps its own weight
   * for that person ("Helle var lidt brysk, men ..." is still a complaint about Helle).
   */
  contrast?: number;
};

/** Tokens, sentences and contributions of one text; shared by sentiment and name matching. */
export type AnalyzedText = {
  text: string;
  tokens: Token[];
  sentences: Span[];
  contributions: Contribution[];
  sum: number;
  /** First tokens of the employee names found in the text, when names were matched. */
  nameTokens?: number[];
};

/** Below this absolute sum a text is neutral: "ok", a lone "vente", a polite "tak" in a question. */
export const NEUTRAL_BAND = 1;
const SCORE_ALPHA = 15;
const NEGATION_SCOPE = 3;
const NEGATE_POSITIVE = -0.75;
const NEGATE_NEGATIVE = -0.7;

// Every word is looked up once in a table of the roles it can play (negator, contrast,
// waiting word ...), instead of in some thirty sets per token: the hot path of analysis.
const F_CONTRAST = 1;
const F_SENTENCE_CONTRAST = 1 << 1;
const F_CONCESSIVE = 1 << 2;
const F_COMPARISON = 1 << 3;
const F_TOPIC = 1 << 4;
const F_REPORT_LINK = 1 << 5;
const F_REPORT_VERB = 1 << 6;
const F_SHORT_NEGATOR = 1 << 7;
const F_NEGATOR = 1 << 8;
const F_BREAKER = 1 << 9;
const F_SUPERLATIVE = 1 << 10;
const F_EXCESS_MARKER = 1 << 11;
const F_EXCESS_TARGET = 1 << 12;
const F_LONG = 1 << 13;
const F_SHORT = 1 << 14;
const F_TIME_UNIT = 1 << 15;
const F_REPETITION_UNIT = 1 << 16;
const F_FRAME = 1 << 17;
const F_STILL = 1 << 18;
const F_PRICE_UP = 1 << 19;
const F_NUMBER = 1 << 20;
const F_COORDINATOR = 1 << 21;
const F_WAIT = 1 << 22;
const F_TOOK = 1 << 23;
const F_WHY = 1 << 24;
const F_WONDER = 1 << 25;
const F_RHETORICAL = 1 << 26;
const F_RHETORICAL_FIRST = 1 << 27;
const F_ELAPSED = 1 << 28;
const F_PRICE_NOUN = 1 << 29;
const F_ASPECT = 1 << 30;

const FLAG_SETS: ReadonlyArray<readonly [number, Iterable<string>]> = [
  [F_CONTRAST, CONTRAST_WORDS],
  [F_SENTENCE_CONTRAST, SENTENCE_CONTRAST_WORDS],
  [F_CONCESSIVE, CONCESSIVE_WORDS],
  [F_COMPARISON, COMPARISON_WORDS],
  [F_TOPIC, TOPIC_MARKERS],
  [F_REPORT_LINK, REPORT_LINKS],
  [F_REPORT_VERB, REPORT_VERBS],
  [F_SHORT_NEGATOR, SHORT_SCOPE_NEGATORS],
  [F_NEGATOR, NEGATORS],
  [F_BREAKER, NEGATION_BREAKERS],
  [F_SUPERLATIVE, SUPERLATIVE_MARKERS],
  [F_EXCESS_MARKER, EXCESS_MARKERS],
  [F_EXCESS_TARGET, EXCESS_TARGETS],
  [F_LONG, LONG_WORDS],
  [F_SHORT, SHORT_WORDS],
  [F_TIME_UNIT, [...LONG_UNITS, ...SHORT_UNITS, "måned", "month", "year"]],
  [F_REPETITION_UNIT, REPETITION_UNITS],
  [F_FRAME, FRAME_WORDS],
  [F_STILL, STILL_WORDS],
  [F_PRICE_UP, PRICE_UP],
  [F_NUMBER, NUMBER_WORDS.keys()],
  [F_COORDINATOR, ["og", "and", "eller", "or", "nor"]],
  [F_WAIT, WAIT_WORDS],
  [F_TOOK, TOOK_WORDS],
  [F_WHY, WHY_WORDS],
  [F_WONDER, WONDER_WORDS],
  [F_RHETORICAL, RHETORICAL_WORDS],
  [F_RHETORICAL_FIRST, RHETORICAL_PHRASES.map((words) => words[0] as string)],
  [F_ELAPSED, ELAPSED_MARKERS],
  [F_PRICE_NOUN, PRICE_NOUNS],
];
const STATIC_FLAGS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [flag, words] of FLAG_SETS) {
    for (const word of words) map.set(word, (map.get(word) ?? 0) | flag);
  }
  return map;
})();
const flagCache = new Map<string, number>();

/** The roles a lower-cased word can play, as F_* bits. */
function flagsOf(lower: string): number {
  const cached = flagCache.get(lower);
  if (cached !== undefined) return cached;
  let flags = STATIC_FLAGS.get(lower) ?? 0;
  if (lower.endsWith("n't")) flags |= F_NEGATOR;
  if (computeIsAspectNoun(lower)) flags |= F_ASPECT;
  if (flagCache.size > 50_000) flagCache.clear();
  flagCache.set(lower, flags);
  return flags;
}

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

/** In a phrase, `*` stands for a person's name: "takke * nok" reads "takke Frank Best nok". */
const NAME_SLOT = "*";
/** The longest name a slot takes, in tokens ("Lise Lotte Dueholm Hansen"). */
const NAME_SLOT_TOKENS = 4;

// Phrase helpers ("fik hjælp") that depend on neither language.
function matchPhrase(
  tokens: Token[],
  i: number,
  end: number,
  names?: ReadonlySet<number>,
): { phrase: Phrase; last: number } | undefined {
  const first = tokens[i] as Token;
  const candidates = PHRASE_INDEX.get(first.lower);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let j = i;
    let skipped = 0;
    let ok = true;
    for (let k = 1; k < phrase.words.length; k++) {
      j++;
      let token = tokens[j];
      if (phrase.words[k] === NAME_SLOT) {
        // A matched employee name, or a pronoun standing for one ("takke hende nok").
        if (token && j < end && token.kind === "word" && OBJECT_PRONOUNS.has(token.lower)) {
          continue;
        }
        let taken = 0;
        while (j < end && taken < NAME_SLOT_TOKENS && names?.has(j)) {
          taken++;
          j++;
        }
        if (taken === 0) {
          ok = false;
          break;
        }
        j--;
        continue;
      }
      // Up to two adverbs may sit inside: "lagde bare på", "det er sgu da service".
      while (
        token &&
        token.kind === "word" &&
        token.lower !== phrase.words[k] &&
        skipped < 2 &&
        PHRASE_FILLERS.has(token.lower)
      ) {
        skipped++;
        j++;
        token = tokens[j];
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
  return (flagsOf(lower) & F_NEGATOR) !== 0;
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
  /** Set by "alt for", "way too": any judgement that follows is excess. */
  excessAny?: boolean;
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
  let contrastToken = -1;
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
  let rhetorical = false;
  let hasPriceNoun = false;
  let elapsedAt: number | undefined;
  let interjection: number | undefined;
  let spanStart = 0;
  let applause = false;
  let elapsedMarker = false;
  let ironicShort = false;
  let againAt = -1;
  let exclamations = 0;
  let sarcasm = false;
  let lastNegated: { end: number; word: string; nobody: boolean; positive?: boolean } | undefined;
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
    framed = true,
  ) => {
    let base = typeof value === "number" ? value : value[0];
    const negatedValue = typeof value === "number" ? undefined : value[1];
    const span = sentences[sentenceIndex] as Span;
    // The errand ("løste mit problem") and the writer's own slip ("jeg glemte min kode")
    // are not complaints; they leave a pending negation for the word it belongs to.
    if (base < 0 && first === last && isErrand(tokens, first, span)) return;
    if (base < 0 && first === last && isExplained(tokens, first, span)) return;
    // "Mit barnebarn hjalp mig" praises no one at the organisation; "my colleague Joy" is
    // a name.
    const scored = tokens[first] as Token;
    if (
      first === last &&
      scored.kind === "word" &&
      first > span.start &&
      KIN_WORDS.has(tokens[first - 1]?.lower ?? "")
    ) {
      if (/^\p{Lu}/u.test(scored.text)) return;
      // The relative is the subject: the possessive opens the sentence or clause.
      const opensClause = first - 2 === span.start || tokens[first - 3]?.kind === "punct";
      if (base > 0 && opensClause && POSSESSIVES.has(tokens[first - 2]?.lower ?? "")) return;
    }
    if (base < 0 && isSelfMishap(tokens, first, surface, spanStart, language)) return;
    // "vores angste hund", "my anxious son": the state of the writer's own, no complaint.
    if (
      base < 0 &&
      first === last &&
      first > span.start &&
      POSSESSIVES.has(tokens[first - 1]?.lower ?? "") &&
      OWN_STATE_WORDS.has(scored.lower)
    )
      return;
    const rules = [rule];
    let negated = false;
    const negator = pending.negator;
    // A subject "nobody" reaches its whole predicate for a good deed left undone, but a
    // complaint further on stays a complaint: "Ingen sagde noget om at den var udsolgt".
    // "Ingen sagde noget om forsinkelsen": nobody speaking of a complaint never praises.
    // How someone made the writer feel is the exception: "nobody made me feel stupid".
    const nobodyTooFar = !!negator?.nobody && base < 0 && !isFeltPhrase(surface);
    if (allowNegation && negator && negator.left > 0 && !nobodyTooFar) {
      const lowerFirst = (tokens[first] as Token).lower;
      // "aldrig oplevet så god service", "kunne ikke være mere tilfreds", "couldn't be
      // more pleased": a negated comparison is a superlative.
      const superlative =
        ((negator.word === "aldrig" || negator.word === "never" || negator.modal) &&
          negator.sawSuperlative) ||
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
        const wasPositive = base > 0;
        base *= base > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
        // "Ingen kunne give mig et klart svar": nobody doing the good thing is a complaint.
        if (wasPositive && negator.nobody) base = Math.min(base, NOBODY_VALUE);
        rules.push("negation");
        negated = true;
      }
      const marked = clauseNegators.find((n) => n.index === negator.index);
      if (marked) marked.resolved = true;
      pending.negator = undefined;
      if (negated)
        lastNegated = {
          end: last,
          word: negator.word,
          nobody: negator.nobody,
          positive: base < 0 && (typeof value === "number" ? value : value[0]) > 0,
        };
    }
    // A service word that is neutral alone ("vidste", "svarede") is kept at weight 0, so a
    // later "ikke" can still reach back to it ("vidste ikke noget om min sag").
    if (base === 0 && (negated || negatedValue === undefined)) return;
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
    if (topic && framed) {
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

  // Something promised, awaited or missing: time passing then reads as a complaint.
  let cues = 0;
  for (const token of tokens) {
    if (token.kind === "word" && isExpectationCue(token.lower)) cues++;
  }
  const hasExpectation = cues > 0;

  for (sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
    const span = sentences[sentenceIndex] as Span;
    sentenceStartItem = items.length;
    contrastAt = -1;
    contrastToken = -1;
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
    rhetorical = false;
    hasPriceNoun = false;
    spanStart = span.start;
    elapsedAt = undefined;
    applause = false;
    // "Nothing." alone answers a question; it complains only after a cue elsewhere.
    interjection = interjectionOf(
      tokens,
      span,
      hasExpectation && (span.end - span.start > 4 || cues > cuesIn(tokens, span)),
    );
    ironicShort = isIronicShort(tokens, span);
    againAt = -1;
    exclamations = 0;
    sarcasm = textSarcasm;
    pending = { factor: 1, factorRules: [], factorLeft: 0, excess: false };
    clauseNegators = [];

    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      if (token.kind === "word") {
        const flags = flagsOf(token.lower);
        if (flags !== 0) {
          if (flags & F_RHETORICAL) rhetorical = true;
          else if (flags & F_RHETORICAL_FIRST && startsRhetorical(tokens, i, span.end))
            rhetorical = true;
          if (hasExpectation && flags & F_ELAPSED) elapsedMarker = true;
          if (flags & F_PRICE_NOUN) hasPriceNoun = true;
          if (flags & F_ASPECT) hasAspect = true;
          if (flags & (F_WAIT | F_ASPECT)) hasWait = true;
          if (flags & F_TOOK) hasTook = true;
          if (flags & F_WHY) isWhy = true;
          if (flags & F_WONDER) question = true;
        }
      } else if (token.kind === "emoji") {
        const symbol = String.fromCodePoint(token.text.codePointAt(0) ?? 0);
        if (SARCASM_MARKERS.has(symbol)) sarcasm = true;
        if (IRONIC_APPLAUSE.has(symbol)) applause = true;
      } else if (token.kind === "punct") {
        if (token.text.includes("?") && tokens[i + 1]?.text !== ")") {
          question = !token.text.includes("!");
          // "??", "?!": exasperation, not a request for information.
          if (token.text.length >= 2) rhetorical = true;
        }
        if (token.text.includes("!")) {
          exclamations += (token.text.match(/!/g) ?? []).length;
          question = false;
        }
      }
    }

    if (elapsedMarker) {
      elapsedAt = elapsedTimeIn(tokens, span);
      elapsedMarker = false;
    }

    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      // A matched name neither scores nor uses up a negation's reach ("Hverken Maja eller
      // Eva kunne hjælpe").
      if (skip?.has(i)) continue;
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
      if (interjection !== undefined) {
        // "Typisk.", "Sådan!": the whole sentence is one verdict.
        if (token.kind === "word") {
          push(i, i, token.text, interjection, "interjection", false);
          interjection = 0;
        }
        continue;
      }
      const rating =
        token.kind === "number" || (token.kind === "word" && flagsOf(token.lower) & F_NUMBER)
          ? ratingAt(tokens, i, span.end)
          : undefined;
      if (rating) {
        const surface = text.slice(token.start, (tokens[rating.last] as Token).end);
        if (rating.value !== 0) push(i, rating.last, surface, rating.value, "rating", false, false);
        i = rating.last;
        continue;
      }
      if (elapsedAt === i) continue; // scored after the sentence, see below
      if (token.kind !== "word") {
        tick();
        continue;
      }
      const lower = token.lower;
      const flags = flagsOf(lower);
      if (flags & F_STILL && isStillComplaint(tokens, i, span, isNegator)) {
        push(i, i, token.text, STILL_VALUE, "still", false, false);
        continue;
      }
      if (hasPriceNoun && flags & F_PRICE_UP) {
        push(i, i, token.text, PRICE_UP_VALUE, "price", false, false);
        continue;
      }

      let phraseMatch = matchPhrase(tokens, i, span.end, skip);
      // A clause-final phrase ("Grace was not.", "Jeg kommer igen!") elsewhere is no phrase.
      if (
        phraseMatch?.phrase.effect.kind === "value" &&
        phraseMatch.phrase.effect.final &&
        !endsClause(tokens, phraseMatch.last + 1, span.end)
      ) {
        phraseMatch = undefined;
      }
      if (phraseMatch) {
        const { phrase, last } = phraseMatch;
        const effect = phrase.effect;
        const surface = text.slice(token.start, (tokens[last] as Token).end);
        if (effect.kind === "value") {
          if (effect.value !== 0) {
            push(i, last, surface, effect.value, "phrase", !effect.fixed, !effect.verdict);
            // "kan ikke anbefale dem nok": the negation belongs to the idiom.
            if (effect.fixed) {
              pending.negator = undefined;
              for (const negator of clauseNegators) negator.resolved = true;
            }
          }
        } else if (effect.kind === "topic") {
          topic = true;
        } else if (effect.kind === "intensifier") {
          pending.factor *= effect.factor;
          pending.factorRules.push(effect.factor >= 1 ? "intensifier" : "downtoner");
          pending.factorLeft = 3;
          if (effect.excess) {
            pending.excess = true;
            pending.excessAny = true;
          }
        } else if (effect.kind === "post-intensifier") {
          const prev = items[items.length - 1];
          if (prev && prev.clause === clause) {
            prev.weight *= effect.factor;
            prev.rules.push("intensifier");
          }
        } else if (effect.kind === "negator") {
          // "no one", "ikke nogen der/til at ...": a pronoun, not "ikke nogen kommentarer".
          const after = tokens[last + 1];
          const nobody =
            NOBODY_WORDS.has(phrase.text) &&
            (phrase.text === "no one" ||
              (after?.kind === "word" && PRONOUN_VERB_HINTS.has(after.lower)));
          pending.negator = {
            index: i,
            word: phrase.text,
            left: NEGATION_SCOPE + 1 + (nobody ? 3 : 0),
            sawSuperlative: false,
            modal: false,
            nobody,
          };
          clauseNegators.push({ index: i, word: phrase.text, resolved: false, nobody });
        } else if (effect.kind === "breaker") {
          pending.negator = undefined;
          const marked = clauseNegators[clauseNegators.length - 1];
          if (marked) marked.resolved = true;
        }
        i = last;
        continue;
      }

      // "Mangel på respekt og forståelse": negation carries over a coordination.
      if (flags & F_COORDINATOR && lastNegated && lastNegated.end === i - 1) {
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
      if (flags & F_CONTRAST) {
        resetClause();
        concessive = false;
        comparison = false;
        topic = false;
        contrastAt = items.length;
        contrastToken = i;
        continue;
      }
      if (flags & F_SENTENCE_CONTRAST) {
        // "though" ends English clauses ("good staff though"); elsewhere a sentence adverb.
        sentenceContrast = true;
        continue;
      }
      if (flags & F_CONCESSIVE || (lower === "though" && tokens[i - 1]?.lower === "even")) {
        resetClause();
        concessive = true;
        continue;
      }
      if (flags & F_COMPARISON) {
        comparison = true;
        continue;
      }
      const about =
        sawReportVerb && flags & F_REPORT_LINK && !OBJECT_PRONOUNS.has(tokens[i + 1]?.lower ?? "");
      if (flags & F_TOPIC || about) {
        topic = true;
        continue;
      }
      if (flags & F_REPORT_VERB) sawReportVerb = true;
      if (flags & F_SHORT_NEGATOR) {
        // "mindre godt": only the very next word.
        pending.negator = {
          index: i,
          word: lower,
          left: 1,
          sawSuperlative: false,
          modal: false,
          nobody: false,
        };
        clauseNegators.push({ index: i, word: lower, resolved: true, nobody: false });
        continue;
      }
      if (flags & F_NEGATOR) {
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
          (NOBODY_WORDS.has(word) &&
            following?.kind === "word" &&
            (PRONOUN_VERB_HINTS.has(following.lower) || following.lower.endsWith("ede")));
        // Danish V2 puts "ikke" after the verb it negates: "forstod slet ikke mit problem".
        // When a complaint word follows, the verb before is what is negated.
        if (BACKWARD_NEGATORS.has(word) && language !== "en") {
          const target = backwardTarget(tokens, items, i, clause);
          if (target && nextValueIsNegative(tokens, i + 1, span.end, language)) {
            negateItem(target);
            continue;
          }
        }
        // "Ingen kunne give mig et klart svar": a subject "nobody" negates its predicate.
        // "aldrig ville have fundet": a counterfactual "never" is no complaint by itself.
        const counterfactual =
          (word === "aldrig" || word === "never") &&
          following?.kind === "word" &&
          COUNTERFACTUAL.has(following.lower);
        pending.negator = {
          index: i,
          word,
          // "uden aftale og blev hjulpet": "uden" governs a noun phrase, not the clause.
          // "uden at kigge ordentligt på": after "at"/"to" it governs a verb phrase.
          left:
            word === "uden" || word === "without"
              ? following?.lower === "at" || following?.lower === "to"
                ? NEGATION_SCOPE + 1
                : 2
              : NEGATION_SCOPE + 1 + (nobody ? 3 : 0),
          sawSuperlative: false,
          modal: modal || lower === "couldn't" || lower === "can't",
          nobody,
        };
        clauseNegators.push({ index: i, word, resolved: counterfactual, nobody });
        continue;
      }
      if (pending.negator && flags & F_BREAKER && pending.negator.left === NEGATION_SCOPE + 1) {
        pending.negator = undefined;
        const marked = clauseNegators[clauseNegators.length - 1];
        if (marked) marked.resolved = true;
        continue;
      }
      if (pending.negator && flags & F_SUPERLATIVE) pending.negator.sawSuperlative = true;

      const next = tokens[i + 1];
      if (
        flags & F_EXCESS_MARKER &&
        next &&
        next.kind === "word" &&
        EXCESS_TARGETS.has(next.lower)
      ) {
        pending.excess = true;
        pending.factorLeft = Math.max(pending.factorLeft, 2);
        tick();
        continue;
      }
      if (pending.excess) {
        // "for lang"; after "alt for"/"way too" any judgement is excess: "alt for god tid".
        const own = lookupWord(lower, language);
        const ownValue = own ? (typeof own.value === "number" ? own.value : own.value[0]) : 0;
        if (flags & F_EXCESS_TARGET || (pending.excessAny && ownValue !== 0)) {
          push(i, i, token.text, Math.min(EXCESS_VALUE, -Math.abs(ownValue)), "excess");
          pending.excess = false;
          pending.excessAny = false;
          continue;
        }
      }

      const ownIfWord = INTENSIFIER_OR_WORD_MAP.get(lower);
      const factor = INTENSIFIER_MAP.get(lower);
      if (factor !== undefined || ownIfWord !== undefined) {
        const nextHasValue =
          next?.kind === "word" && hasValueAhead(tokens, i + 1, span.end, language);
        if (nextHasValue) {
          // "mega fedt": intensify what follows; "super!" alone: a word of its own.
          const f = factor ?? 1.4;
          pending.factor *= f;
          pending.factorRules.push(f >= 1 ? "intensifier" : "downtoner");
          pending.factorLeft = 3;
          tick();
        } else if (ownIfWord !== undefined) {
          push(i, i, token.text, ownIfWord, "lexicon");
        } else {
          // "havde ret til hjælp", "så kom hun": no judgement follows, nothing to intensify.
          tick();
        }
        continue;
      }

      if (flags & (F_LONG | F_SHORT)) {
        if (hasAspect) {
          push(i, i, token.text, flags & F_LONG ? -2 : 2, "aspect");
          continue;
        }
      }
      const unitValue =
        flags & F_TIME_UNIT ? durationValue(tokens, i, span.start, hasWait, hasTook) : 0;
      if (unitValue !== 0) {
        const rule = unitValue > 0 ? "short-wait" : "long-wait";
        push(i, i, token.text, unitValue, rule, false, false);
        continue;
      }
      // "har ringet til mig flere gange for at sikre ...": someone else repeating a service
      // for the writer is no complaint; the writer having to repeat it is.
      if (
        flags & F_REPETITION_UNIT &&
        isRepeatedMany(tokens[i - 1]) &&
        !servesWriter(tokens, i - 2, span.start)
      ) {
        push(
          i - 1,
          i,
          `${(tokens[i - 1] as Token).text} ${token.text}`,
          REPETITION_VALUE,
          "repetition",
          false,
          false,
        );
        continue;
      }
      if (lower === "patient" && language !== "da") {
        // "patient" praises after a copula or degree word ("was so patient"); before a noun
        // it is the noun ("patient transport").
        const prev = tokens[i - 1]?.lower ?? "";
        const next = tokens[i + 1];
        const noun = next?.kind === "word" && !/^(and|with|but|to|or)$/.test(next.lower);
        if (!noun || /^(was|is|were|are|be|been|very|so|really|incredibly|extremely)$/.test(prev)) {
          const hit = lookupWord(lower, language);
          if (hit) push(i, i, token.text, hit.value, hit.rule);
        } else tick();
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

      // "Hils Myre!", "hils bente": greeting a colleague by name is warmth.
      if (lower === "hils" && skip?.has(i + 1)) {
        push(i, i, token.text, GREETING_VALUE, "greeting", false);
        continue;
      }
      // "kunne godt bruge flere kasser", "det kan godt være": a particle, not praise
      // ("kan godt lide" is praise).
      if (
        lower === "godt" &&
        GODT_MODALS.has(tokens[i - 1]?.lower ?? "") &&
        next?.kind === "word" &&
        next.lower !== "lide" &&
        i + 1 < span.end
      ) {
        tick();
        continue;
      }
      const hit = lookupWord(lower, language);
      if (
        hit &&
        hit.rule === "inflection" &&
        language !== "da" &&
        lower.endsWith("er") &&
        isEnglishAgentNoun(tokens, i, span.end)
      ) {
        tick();
        continue;
      }
      // "ikke gjort rent ordentligt": the negation covers praise right after praise it negated.
      if (
        hit &&
        lastNegated?.positive &&
        lastNegated.end === i - 1 &&
        !pending.negator &&
        typeof hit.value === "number" &&
        hit.value > 0
      ) {
        pending.negator = {
          index: i,
          word: lastNegated.word,
          left: 1,
          sawSuperlative: false,
          modal: false,
          nobody: false,
        };
      }
      // "Bedre skiltning til toiletterne", "Flere kasser åbne": a wish, not a verdict
      // ("Bedre end forventet" is one).
      if (hit && SUGGESTION_COMPARATIVES.has(lower) && isSuggestion(tokens, i, span)) {
        tick();
        continue;
      }
      if (hit) push(i, i, token.text, hit.value, hit.rule);
      else tick();
      // "made a stressful move so much easier": the trouble relieved is no complaint.
      if (hit && EASIER.has(lower)) relieve(items, tokens, span.start, i);
      // "lovede en bedre rente", "bange for at det ville tage en evighed": what follows is
      // the promise or the fear, not the verdict.
      if (flags & F_FRAME) topic = true;
      if (lower === "igen" || lower === "again") againAt = i;
    }
    resetClause();

    // (Before the contrast weights, so a fact after "men" decides as a verdict there would.)
    // Facts that complain only in a sentence without praise: "Det er nu 3 uger siden",
    // "Bussen er aflyst igen"; not "Nu har jeg været kunde i 10 år og aldrig haft problemer".
    // After "men" only the clause that decides counts: "sød nok, men har lovet ... siden marts".
    let praise = false;
    for (let k = Math.max(sentenceStartItem, contrastAt); k < items.length; k++) {
      const item = items[k] as Item;
      // What was promised ("lovet at fikse") is no praise.
      // Sarcasm (below) turns praise into a complaint.
      if (item.weight > 0 && !item.rules.includes("topic") && !sarcasm) praise = true;
    }
    if (elapsedAt !== undefined && !praise && !question) {
      const token = tokens[elapsedAt] as Token;
      push(elapsedAt, elapsedAt, token.text, ELAPSED_VALUE, "elapsed", false, false);
    }
    if (againAt >= 0 && !praise && !question) {
      if (!hasFirstPersonBefore(tokens, againAt, span.start, language)) {
        const token = tokens[againAt] as Token;
        push(againAt, againAt, token.text, AGAIN_VALUE, "again", false, false);
      }
    }
    // "Jesper var venlig, men vurderingen var alt for lav", "Åse was lovely, but Dr. Falk
    // rushed me": praise conceded before "men"/"but" announces a complaint, even when the
    // clause after it states that complaint as a plain fact.
    if (contrastAt >= 0 && !question)
      impliedComplaint(items, tokens, span, sentenceStartItem, contrastAt, contrastToken, clause);
    if (!question && !sarcasm)
      initiative(items, tokens, span, sentenceStartItem, sentenceIndex, clause, skip);
    // Contrast: "men"/"but" halves what came before in the sentence and lifts what follows.
    if (contrastAt >= 0) {
      for (let k = sentenceStartItem; k < items.length; k++) {
        const item = items[k] as Item;
        const factor = k < contrastAt ? 0.5 : 1.5;
        item.weight *= factor;
        item.contrast = (item.contrast ?? 1) * factor;
        item.rules.push("contrast");
      }
    }
    if (sentenceContrast) {
      for (let k = 0; k < items.length; k++) {
        const item = items[k] as Item;
        const factor = k < sentenceStartItem ? 0.5 : 1.5;
        item.weight *= factor;
        item.contrast = (item.contrast ?? 1) * factor;
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
    // Short praise reads as irony after a complaint unless it is exclaimed ("Super!").
    if (applause || ironicShort) {
      ironicPraise(
        items,
        sentenceStartItem,
        countWords(tokens, span),
        ironicShort && exclamations === 0,
      );
    }
    if (question) {
      // A question asks; its complaint words name the errand ("Hvordan klager man over en
      // bøde?"). "Hvorfor ...", "Hvordan kan det ...", "??" complain and keep their weight.
      for (let k = sentenceStartItem; k < items.length; k++) {
        const item = items[k] as Item;
        if ((isWhy || rhetorical) && item.weight < 0) continue;
        item.weight *= 0.3;
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
      contrast: item.contrast,
    });
  }
  return { text, tokens, sentences, contributions, sum };
}

/** "selv" and "endda" after a verb whose subject is someone else: "Hun ringede selv". */
/** "made me feel stupid", "fik mig til at føle mig dum": what someone made the writer feel. */
function isFeltPhrase(surface: string): boolean {
  const lower = surface.toLowerCase();
  return (
    lower.startsWith("made me feel") ||
    lower.startsWith("made us feel") ||
    lower.startsWith("fik mig til at føle")
  );
}

const INITIATIVE_WORDS = new Set(["selv", "endda"]);
const THIRD_PERSON = new Set(["han", "hun", "de", "he", "she", "they"]);
const INITIATIVE_VALUE = 1.5;

/**
 * A person who did something of their own accord: "Åsa kom selv ud og kiggede på hullet",
 * "Hun ringede endda til SU-kontoret for mig", "he even stayed late". Stories of kindness
 * often carry no opinion word; this is their mark. Not for the writer ("jeg ringede
 * selv": nobody else would), and not in a sentence that complains.
 */
function initiative(
  items: Item[],
  tokens: Token[],
  span: Span,
  sentenceStartItem: number,
  sentence: number,
  clause: number,
  names: ReadonlySet<number> | undefined,
): void {
  for (let k = sentenceStartItem; k < items.length; k++) {
    if ((items[k] as Item).weight < 0) return;
  }
  const isSubject = (j: number) => {
    const token = tokens[j];
    if (!token || j < span.start || token.kind !== "word") return false;
    return !!names?.has(j) || THIRD_PERSON.has(token.lower);
  };
  for (let i = span.start + 2; i < span.end; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== "word") continue;
    const verb = tokens[i - 1] as Token;
    let at = -1;
    // "Hun ringede selv", "han havde endda skiftet"
    if (INITIATIVE_WORDS.has(token.lower) && verb.kind === "word" && isSubject(i - 2)) at = i;
    // "She even called", "he even stayed"
    if (token.lower === "even" && isSubject(i - 1) && tokens[i + 1]?.kind === "word") at = i;
    if (at < 0) continue;
    items.push({
      firstToken: at,
      lastToken: at,
      sentence,
      token: token.text,
      weight: INITIATIVE_VALUE,
      rules: ["initiative"],
      negated: false,
      clause,
    });
    return;
  }
}

const IMPLIED_COMPLAINT_WORDS = 3;
const IMPLIED_COMPLAINT_VALUE = -1.2;
const IMPLIED_COMPLAINT_PRAISE = 1.5;
/** "men ellers som den plejer", "men heller ikke mere end det": lukewarm, no complaint. */
const OTHERWISE = new Set(["ellers", "otherwise", "heller", "either"]);

/**
 * Praise before "men"/"but" and no opinion after it: the clause after states the complaint
 * ("Pernille var sød, men jeg fik en regning på 2.400"). Adds a negative item at the
 * contrast word, so the clause after it (and a name in it) carries the complaint.
 */
function impliedComplaint(
  items: Item[],
  tokens: Token[],
  span: Span,
  sentenceStartItem: number,
  contrastAt: number,
  contrastToken: number,
  clause: number,
): void {
  let before = 0;
  for (let k = sentenceStartItem; k < contrastAt; k++) {
    const item = items[k] as Item;
    // "ikke typen der giver 10, men det fortjener I": a rating conceded is no praise.
    if (item.rules[0] === "rating") return;
    // "kommentartråd 😂 men for at svare": a laugh is no praise conceded.
    if ((tokens[item.firstToken] as Token).kind !== "word") continue;
    before += item.weight;
  }
  if (before < IMPLIED_COMPLAINT_PRAISE) return;
  for (let k = contrastAt; k < items.length; k++) if ((items[k] as Item).weight !== 0) return;
  let words = 0;
  for (let t = contrastToken + 1; t < span.end; t++) {
    const token = tokens[t] as Token;
    if (OTHERWISE.has(token.lower)) return;
    if (token.kind === "word") words++;
  }
  if (words < IMPLIED_COMPLAINT_WORDS) return;
  const token = tokens[contrastToken] as Token;
  items.push({
    firstToken: contrastToken,
    lastToken: contrastToken,
    sentence: (items[contrastAt - 1] as Item).sentence,
    token: token.text,
    // Lifted by the contrast like any word after it: -1.8 in all.
    weight: IMPLIED_COMPLAINT_VALUE - (before * 0.5) / 1.5,
    rules: ["implied-complaint"],
    negated: false,
    clause,
  });
}

function isExpectationCue(lower: string): boolean {
  return EXPECTATION_CUES.has(lower) || (flagsOf(lower) & F_NEGATOR) !== 0;
}

function cuesIn(tokens: Token[], span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "word" && isExpectationCue(token.lower)) n++;
  }
  return n;
}

/** "Hils X": a greeting sent to a named employee. */
const GREETING_VALUE = 2;

/** Modal verbs before the particle "godt": "kunne godt bruge", "det kan godt være". */
const GODT_MODALS = new Set(["kan", "kunne", "vil", "ville", "skal", "skulle", "må", "burde"]);
/** English determiners before a noun in -er: "the cleaner", "our cleaner". */
const EN_DETERMINERS = new Set(["the", "a", "an", "our", "my", "your", "their", "his", "her"]);
const EN_AUXILIARIES = new Set(
  "is was were are has had have will would can could did does do never always just also".split(" "),
);
/** Comparatives of relief: "made a stressful move so much easier". */
const EASIER = new Set(["easier", "lettere", "nemmere", "smoother", "less"]);
const MAKE_VERBS = new Set(["made", "make", "makes", "making", "gjorde", "gør", "gjort"]);

/** "The cleaner skipped", "our cleaner": a noun in -er, not the comparative of "clean". */
function isEnglishAgentNoun(tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  if (prev?.kind !== "word" || !EN_DETERMINERS.has(prev.lower)) return false;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  if (next?.kind !== "word") return true;
  const word = next.lower;
  return (
    EN_AUXILIARIES.has(word) || word.endsWith("ed") || word.endsWith("n't") || /[^s]s$/.test(word)
  );
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
    if (INTENSIFIER_MAP.has(token.lower)) continue;
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

const WRITER_OBJECTS = new Set(["mig", "os", "me", "us"]);

/** Comparatives that open a wish: "Bedre skiltning", "Faster replies". */
const SUGGESTION_COMPARATIVES = new Set([
  "bedre",
  "flere",
  "hurtigere",
  "længere",
  "kortere",
  "billigere",
  "better",
  "more",
  "faster",
  "quicker",
  "longer",
  "shorter",
  "cheaper",
]);
/** Words after an opening comparative that make it a verdict: "Bedre end", "Bedre bliver det ikke". */
const VERDICT_AFTER_COMPARATIVE = new Set(
  "end than bliver blev er var kan og and is was gets got it det".split(" "),
);

/** A sentence that opens with a comparative and a noun, and compares with nothing. */
function isSuggestion(tokens: Token[], i: number, span: Span): boolean {
  if (i !== span.start) return false;
  const next = tokens[i + 1];
  if (i + 1 >= span.end || next?.kind !== "word" || VERDICT_AFTER_COMPARATIVE.has(next.lower))
    return false;
  for (let j = i + 2; j < span.end; j++) {
    if (flagsOf((tokens[j] as Token).lower) & F_COMPARISON) return false;
  }
  return true;
}

/** Zeroes the complaints between a make-verb and the comparative of relief at `at`. */
function relieve(items: Item[], tokens: Token[], start: number, at: number): void {
  let make = -1;
  for (let j = at - 1; j >= start && j >= at - 8; j--) {
    if (MAKE_VERBS.has((tokens[j] as Token).lower)) {
      make = j;
      break;
    }
  }
  if (make < 0) return;
  for (const item of items) {
    if (item.firstToken > make && item.lastToken < at && item.weight < 0) {
      item.weight = 0;
      item.rules.push("relieved");
    }
  }
}

/** "ringet til mig", "called me": the writer is the object just before a count. */
function servesWriter(tokens: Token[], from: number, start: number): boolean {
  for (let j = from, words = 0; j >= start && words < 2; j--) {
    const token = tokens[j] as Token;
    if (token.kind !== "word") return false;
    words++;
    if (WRITER_OBJECTS.has(token.lower)) {
      const subject = tokens[j - 2];
      // "Jeg har ringet til dem ..." is the writer's own effort; "de har ringet til mig" is not.
      return !(subject && /^(jeg|i|vi|we)$/.test(subject.lower));
    }
  }
  return false;
}

/** "fire gange", "third time": having to repeat oneself is a complaint. */
function isRepeatedMany(prev: Token | undefined): boolean {
  if (!prev) return false;
  if (prev.kind === "number") return Number.parseInt(prev.lower, 10) >= 3;
  return REPETITION_COUNTS.has(prev.lower);
}

/**
 * "ventet i over en time", "tog tre uger": a duration after waiting reads as a complaint;
 * "tog kun en uge", "svar på under en uge", "within a week" as praise.
 */
function durationValue(
  tokens: Token[],
  i: number,
  sentenceStart: number,
  hasWait: boolean,
  hasTook: boolean,
): number {
  const token = tokens[i] as Token;
  const isLong = LONG_UNITS.has(token.lower) || LONG_SINGULAR.has(token.lower);
  const isShort = SHORT_UNITS.has(token.lower);
  if (!isLong && !isShort) return 0;
  const prev = tokens[i - 1];
  if (!prev || i - 1 < sentenceStart) return 0;
  const half = prev.lower === "halv" || prev.lower === "halvt" || prev.lower === "half";
  const quantity = prev.kind === "number" || QUANTITY_WORDS.has(prev.lower) || (half && isLong);
  if (!quantity) return 0;
  const before = half ? tokens[i - 3] : tokens[i - 2];
  // "for 3 uger siden", "three weeks ago": when something happened, not how long it took.
  const following = tokens[i + 1]?.lower;
  if (following === "ago" || (following === "siden" && before?.lower === "for")) return 0;
  // "Svaret kom først efter fem uger", "not until three weeks later".
  const until = before?.lower === "efter" && tokens[i - 3 - (half ? 1 : 0)]?.lower === "først";
  if (until && isLong) return LONG_WAIT_VALUE;
  const only = before?.kind === "word" && ONLY_WORDS.has(before.lower) && i - 2 >= sentenceStart;
  if (only && (hasWait || hasTook || before.lower === "under" || before.lower === "within")) {
    return ONLY_VALUE;
  }
  // "2 mdr på en byggetilladelse", "12 weeks for a passport": the time an errand took.
  const after = tokens[i + 1];
  const after2 = tokens[i + 2];
  const beforeQuantity = tokens[i - 2];
  const spentOn =
    isLong &&
    after?.kind === "word" &&
    !!after2 &&
    !(beforeQuantity && /^(i|in|for)$/.test(beforeQuantity.lower)) &&
    ((after.lower === "på" && /^(en|et|at|min|mit|mine|vores|svar)$/.test(after2.lower)) ||
      (after.lower === "for" && /^(a|an|my|the|one|our)$/.test(after2.lower)));
  if (spentOn) return LONG_WAIT_VALUE;
  if (!hasWait && !hasTook) return 0;
  if (half) return isLong ? LONG_WAIT_VALUE : 0;
  if (!isLong && !(isShort && hasWait)) return 0;
  // "ca 10 min ventetid" is a fact; "45 min i kø" a complaint.
  if (isShort && MINUTES.has(token.lower) && prev.kind === "number") {
    if (Number.parseFloat(prev.lower) < 20) return 0;
  }
  return LONG_WAIT_VALUE;
}

const LONG_SINGULAR = new Set(["måned", "month", "year"]);
const MINUTES = new Set(["minutter", "minutters", "min", "minutes", "mins"]);

const CLAUSE_JOINERS = new Set(["og", "and", "men", "but", "eller", "or"]);
const COUNTERFACTUAL = new Set(["ville", "would", "havde", "kunne", "could"]);

function countWords(tokens: Token[], span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if ((tokens[i] as Token).kind === "word") n++;
  return n;
}

/** A sentence that is only short praise ("Fedt.", "Tak for det.", "Love that for me"). */
function isIronicShort(tokens: Token[], span: Span): boolean {
  let key = "";
  let words = 0;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== "word") continue;
    if (++words > 4) return false;
    key = key === "" ? token.lower : `${key} ${token.lower}`;
  }
  return IRONIC_SHORT.has(key);
}

/**
 * Applause is sincere unless it answers a complaint: "Tak for ingenting 👏", or short praise
 * after a text that has complained ("Endnu en aflyst afgang. Godt gået 👏").
 */
function ironicPraise(items: Item[], from: number, words: number, ironicShort: boolean): void {
  let applause = -1;
  let others = 0;
  for (let k = from; k < items.length; k++) {
    const item = items[k] as Item;
    const symbol = String.fromCodePoint(item.token.codePointAt(0) ?? 0);
    if (applause < 0 && IRONIC_APPLAUSE.has(symbol) && item.weight > 0) applause = k;
    else others += item.weight;
  }
  if (applause < 0 && !ironicShort) return;
  let complaints = 0;
  let net = 0;
  for (let k = 0; k < from; k++) {
    const weight = (items[k] as Item).weight;
    complaints += Math.min(0, weight);
    net += weight;
  }
  // "Endnu en aflyst afgang. Godt gået 👏", "Lukket for varmen igen. Tak for det."
  const flipAll =
    others >= 0 &&
    words <= 5 &&
    ((applause >= 0 && complaints <= -1.5) || (ironicShort && net <= -0.8));
  if ((applause < 0 || others >= 0) && !flipAll) return;
  for (let k = from; k < items.length; k++) {
    const item = items[k] as Item;
    if (item.weight > 0 && (flipAll || k === applause)) {
      item.weight = -item.weight;
      item.rules.push("sarcasm");
    }
  }
}

/** Adverbs between a Danish verb and its "ikke": "forstod slet ikke", "hjalp overhovedet ikke". */
const NEGATION_ADVERBS = new Set([
  "slet",
  "overhovedet",
  "engang",
  "bare",
  "lige",
  "heller",
  "altid",
  "jo",
  "nok",
  "vist",
  "rigtig",
  "rigtigt",
  "helt",
  "da",
  "sgu",
]);

/**
 * The scored word a negation after it reaches back to, within two words of its clause.
 * Only verbs of service or praise are negated backwards ("hjalp ikke", "virker ikke"); a
 * complaint before "ikke" stays a complaint.
 */
function backwardTarget(
  tokens: Token[],
  items: Item[],
  negatorIndex: number,
  clause: number,
): Item | undefined {
  let words = 0;
  for (let j = negatorIndex - 1; j >= 0 && words < 2; j--) {
    const token = tokens[j] as Token;
    if (token.kind === "punct" || CLAUSE_JOINERS.has(token.lower)) break;
    if (token.kind !== "word") continue;
    if (OBJECT_PRONOUNS.has(token.lower) || NEGATION_ADVERBS.has(token.lower)) continue;
    words++;
    const found = items.find(
      (item) => item.clause === clause && item.firstToken <= j && item.lastToken >= j,
    );
    if (found && !found.negated && (found.weight > 0 || found.negatedValue !== undefined)) {
      return found;
    }
    // "han snyder ikke", "hun svigtede aldrig": a complaint verb right before the negator
    // is what is denied. Only a single word, only the word just before.
    if (
      found &&
      !found.negated &&
      found.weight < 0 &&
      words === 1 &&
      found.firstToken === found.lastToken &&
      found.rules.length === 1 &&
      (found.rules[0] === "lexicon" || found.rules[0] === "inflection") &&
      isPresentOrPastVerb(token.lower)
    ) {
      return found;
    }
  }
  return undefined;
}

/** A Danish verb in the present (-er) or past (-ede, -te): "snyder", "svigtede". */
function isPresentOrPastVerb(lower: string): boolean {
  return lower.length >= 5 && /(er|ede|te)$/.test(lower);
}

function negateItem(target: Item): void {
  if (target.negatedValue !== undefined) {
    target.weight = target.negatedValue;
  } else target.weight *= target.weight > 0 ? NEGATE_POSITIVE : NEGATE_NEGATIVE;
  target.rules.push("negation");
  target.negated = true;
}

/** Whether the first scored word within three words ahead is a plain complaint word. */
function nextValueIsNegative(
  tokens: Token[],
  from: number,
  end: number,
  language: LexiconLanguage,
): boolean {
  for (let j = from, words = 0; j < end && words < 3; j++) {
    const token = tokens[j] as Token;
    if (token.kind === "punct") return false;
    if (token.kind !== "word") continue;
    words++;
    const hit = lookupWord(token.lower, language);
    if (!hit) continue;
    if (typeof hit.value !== "number") return false;
    return hit.value < 0;
  }
  return false;
}

const INTENSIFIER_MAP: ReadonlyMap<string, number> = new Map(Object.entries(INTENSIFIERS));
const INTENSIFIER_OR_WORD_MAP: ReadonlyMap<string, number> = new Map(
  Object.entries(INTENSIFIER_OR_WORD),
);

/** "Hvordan kan det ...", "How come ...": a question that complains. */
function startsRhetorical(tokens: Token[], i: number, end: number): boolean {
  for (const words of RHETORICAL_PHRASES) {
    if (i + words.length > end) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      if ((tokens[i + k] as Token).lower !== words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

const CLAUSE_FINAL_WORDS = new Set(["igen", "again", "snart", "soon", "definitely", "helt"]);

/** Whether a clause ends at token `i`: "Jeg kommer igen!" but not "kommer igen i morgen". */
function endsClause(tokens: Token[], i: number, end: number): boolean {
  const token = tokens[i];
  if (!token || i >= end) return true;
  if (token.kind === "word") return CLAUSE_FINAL_WORDS.has(token.lower);
  return token.kind !== "number";
}

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
    const target = BACKWARD_NEGATORS.has(negator.word)
      ? backwardTarget(tokens, items, negator.index, clause)
      : undefined;
    if (target) {
      negateItem(target);
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

/** The rule sum a score came from (summarise, undone; a score of ±1 reads as ±0.999). */
export function sumOfScore(score: number): number {
  const s = Math.max(-0.999, Math.min(0.999, score));
  return (s * Math.sqrt(SCORE_ALPHA)) / Math.sqrt(1 - s * s);
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
