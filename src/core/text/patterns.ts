// Token patterns that carry sentiment without an opinion word: numeric ratings ("9 ud af
// 10"), complaints stated as facts ("Det er nu tirsdag", "still waiting"), the writer's own
// mishaps ("jeg glemte min kode") and errands named in passing ("løste mit problem").
import {
  ELAPSED_MARKERS,
  ERRAND_NOUNS,
  FIRST_PERSON,
  INTERJECTIONS,
  LONG_UNITS,
  NUMBER_WORDS,
  POSSESSIVES,
  QUANTITY_WORDS,
  RATING_GIVE,
  RATING_STARS,
  REPETITION_COUNTS,
  SELF_MISHAP,
  SHORT_UNITS,
  SOLVE_WORDS,
  STILL_WORDS,
  SUBMIT_WORDS,
  TIME_POINTS,
  WAIT_WORDS,
} from "./lexicon/rules";
import type { LexiconLanguage } from "./lookup";
import type { Span, Token } from "./tokenize";

const CLAUSE_BREAK = /[,;:()–—]/;
const REFLEXIVE_POSSESSIVES = new Set(["sin", "sit", "sine"]);
const CONTRASTS = new Set(["men", "but"]);

function isWord(token: Token | undefined): token is Token {
  return token?.kind === "word";
}

function numberValue(token: Token | undefined): number | undefined {
  if (!token) return undefined;
  if (token.kind === "number") {
    const value = Number.parseFloat(token.lower.replace(",", "."));
    return Number.isFinite(value) ? value : undefined;
  }
  return token.kind === "word" ? NUMBER_WORDS.get(token.lower) : undefined;
}

/** A rating's value: the top fifth praises, the bottom two fifths complain, the rest is lukewarm. */
function ratingValue(score: number, outOf: number): number {
  if (outOf <= 0 || score < 0 || score > outOf) return 0;
  const ratio = score / outOf;
  if (ratio >= 0.8) return 3;
  if (ratio <= 0.4) return -3;
  return 0;
}

/**
 * A numeric rating starting at token `i`: "10/10", "9 ud af 10", "3 out of 5", "0 stjerner",
 * "five stars", "giver 10". Returns its value (0 for a lukewarm one) and its last token.
 */
export function ratingAt(
  tokens: Token[],
  i: number,
  end: number,
): { value: number; last: number } | undefined {
  const token = tokens[i] as Token;
  const score = numberValue(token);
  if (score === undefined) return undefined;
  const next = i + 1 < end ? tokens[i + 1] : undefined;
  // "10/10"
  if (token.kind === "number" && next?.kind === "punct" && next.text === "/" && i + 2 < end) {
    const outOf = numberValue(tokens[i + 2]);
    if (outOf !== undefined && tokens[i + 2]?.kind === "number" && (outOf === 5 || outOf === 10))
      return { value: ratingValue(score, outOf), last: i + 2 };
  }
  // "9 ud af 10", "4 out of 5"
  const w1 = tokens[i + 1];
  const w2 = tokens[i + 2];
  if (i + 3 < end && isWord(w1) && isWord(w2)) {
    const pair = `${w1.lower} ${w2.lower}`;
    if (pair === "ud af" || pair === "out of") {
      const outOf = numberValue(tokens[i + 3]);
      if (outOf === 5 || outOf === 10) return { value: ratingValue(score, outOf), last: i + 3 };
    }
  }
  // "0 stjerner", "five stars"; "en stjerne" is praise ("hun er en stjerne"), not a rating.
  if (isWord(next) && RATING_STARS.has(next.lower) && i + 1 < end) {
    return { value: ratingValue(score, 5), last: i + 1 };
  }
  // "giver 10", "giver jer 10", "would give zero"
  if (token.kind === "number" || token.lower === "zero" || token.lower === "nul") {
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const gives =
      (isWord(prev) && RATING_GIVE.has(prev.lower)) ||
      (isWord(prev) && /^(jer|dem|det|you|them|it|jeres)$/.test(prev.lower) && isWord(prev2)
        ? RATING_GIVE.has(prev2.lower)
        : false);
    const endsThere = !next || i + 1 >= end || next.kind !== "word" || next.lower === "herfra";
    if (gives && endsThere && score <= 10) return { value: ratingValue(score, 10), last: i };
  }
  return undefined;
}

/** A point or span of time: "tirsdag", "11:30", "kl 9", "tre uger", "et halvt år". */
export function isTimeExpression(tokens: Token[], i: number): boolean {
  const token = tokens[i] as Token;
  if (token.kind === "number") {
    if (token.lower.includes(":")) return true;
    const prev = tokens[i - 1];
    return prev?.lower === "kl";
  }
  if (token.kind !== "word") return false;
  if (TIME_POINTS.has(token.lower)) return true;
  if (
    LONG_UNITS.has(token.lower) ||
    SHORT_UNITS.has(token.lower) ||
    TIME_SINGULAR.has(token.lower)
  ) {
    const prev = tokens[i - 1];
    if (!prev) return false;
    return (
      prev.kind === "number" ||
      QUANTITY_WORDS.has(prev.lower) ||
      REPETITION_COUNTS.has(prev.lower) ||
      prev.lower === "halvt" ||
      prev.lower === "half"
    );
  }
  return false;
}

const TIME_SINGULAR = new Set(["dag", "day", "uge", "week", "måned", "month", "år", "year"]);

/**
 * "Det er nu tirsdag", "Nu er den 11:30", "It's been two weeks", "Det er 3 uger siden":
 * time has passed in this sentence. Returns the token of the time expression.
 */
export function elapsedTimeIn(tokens: Token[], span: Span): number | undefined {
  let marker = false;
  let time: number | undefined;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "word" && ELAPSED_MARKERS.has(token.lower)) marker = true;
    if (time === undefined && isTimeExpression(tokens, i)) time = i;
  }
  return marker ? time : undefined;
}

/**
 * "har stadig ikke hørt", "venter stadig", "still no reply", "not yet": a "still" word next
 * to a negation or a waiting verb.
 */
export function isStillComplaint(
  tokens: Token[],
  i: number,
  span: Span,
  isNegator: (lower: string) => boolean,
): boolean {
  const token = tokens[i] as Token;
  if (!STILL_WORDS.has(token.lower)) return false;
  const near = (j: number) => {
    const t = tokens[j];
    if (!isWord(t) || j < span.start || j >= span.end) return false;
    if (token.lower === "yet") return isNegator(t.lower) && j < i;
    return isNegator(t.lower) || t.lower === "ingen" || WAIT_WORDS.has(t.lower);
  };
  return near(i - 1) || near(i + 1);
}

/** Whether a first-person subject ("jeg", "I", "we") precedes `i` in its clause. */
export function hasFirstPersonBefore(
  tokens: Token[],
  i: number,
  start: number,
  language: LexiconLanguage,
): boolean {
  const sets = language === "other" ? [FIRST_PERSON.da, FIRST_PERSON.en] : [FIRST_PERSON[language]];
  for (let j = i - 1, words = 0; j >= start && words < 4; j--) {
    const token = tokens[j] as Token;
    if (token.kind === "punct" && CLAUSE_BREAK.test(token.text)) return false;
    if (token.kind !== "word") continue;
    if (CONTRASTS.has(token.lower)) return false;
    words++;
    for (const set of sets) if (set.has(token.lower)) return true;
  }
  return false;
}

/** "jeg glemte min kode", "I lost my card", "jeg kom for sent": the writer's own mishap. */
export function isSelfMishap(
  tokens: Token[],
  first: number,
  surface: string,
  start: number,
  language: LexiconLanguage,
): boolean {
  const key = surface.toLowerCase();
  if (!SELF_MISHAP.has(key)) return false;
  // "min glemte taske", "my lost card", "har glemt sin hue": the owner's own slip.
  const prev = tokens[first - 1];
  const next = tokens[first + 1];
  // ("10 min for sent" is minutes, not "my").
  const owned =
    isWord(prev) &&
    first - 1 >= start &&
    POSSESSIVES.has(prev.lower) &&
    tokens[first - 2]?.kind !== "number";
  if (owned) return true;
  if (isWord(next) && REFLEXIVE_POSSESSIVES.has(next.lower)) return true;
  return hasFirstPersonBefore(tokens, first, start, language);
}

/**
 * "løste mit problem", "tog sig af min klage", "fik styr på vores forsinkede bestilling":
 * the errand, named after a possessive or beside a verb that solves it, is not a complaint.
 */
export function isErrand(tokens: Token[], i: number, span: Span): boolean {
  const token = tokens[i] as Token;
  const noun = ERRAND_NOUNS.has(token.lower);
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const afterPossessive = isWord(prev) && POSSESSIVES.has(prev.lower);
  if (noun && afterPossessive) return true;
  const owned = afterPossessive || (isWord(prev2) && POSSESSIVES.has(prev2.lower));
  if (!noun && !owned) return false;
  for (const step of [-1, 1]) {
    for (let j = i + step, seen = 0; j >= span.start && j < span.end && seen < 8; j += step) {
      const t = tokens[j] as Token;
      if (t.kind === "punct" && CLAUSE_BREAK.test(t.text)) break;
      if (t.kind !== "word") continue;
      if (CONTRASTS.has(t.lower)) break;
      seen++;
      if (SOLVE_WORDS.has(t.lower) || (noun && SUBMIT_WORDS.has(t.lower))) return true;
    }
  }
  return false;
}

const EXPLAIN_VERBS = new Set([
  "forklarede",
  "forklarer",
  "forklare",
  "forklaret",
  "explained",
  "explains",
  "explain",
]);

/**
 * "forklarede forsinkelsen", "explained the delay": the trouble someone explains is what
 * they explained, not a complaint of its own.
 */
export function isExplained(tokens: Token[], i: number, span: Span): boolean {
  let j = i - 1;
  if (isWord(tokens[j]) && /^(the|den|det|de)$/.test((tokens[j] as Token).lower)) j--;
  const verb = tokens[j];
  return j >= span.start && isWord(verb) && EXPLAIN_VERBS.has(verb.lower);
}

/**
 * A sentence that is only an interjection ("Typisk.", "Sådan!", "Igen."): its value, or
 * undefined. "Nothing." complains only after something was promised or awaited.
 */
export function interjectionOf(
  tokens: Token[],
  span: Span,
  hasExpectation: boolean,
): number | undefined {
  const words: string[] = [];
  let bang = false;
  for (let i = span.start; i < span.end; i++) {
    const token = tokens[i] as Token;
    if (token.kind === "word") words.push(token.lower);
    else if (token.kind === "punct" && token.text.includes("!")) bang = true;
    if (words.length > 2) return undefined;
  }
  const entry = INTERJECTIONS[words.join(" ")];
  if (!entry || (entry.needsBang && !bang) || (entry.needsCue && !hasExpectation)) return undefined;
  return entry.value;
}
