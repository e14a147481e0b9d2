/**
 * Abuse detection over whole words, never substrings: "Scunthorpe", "klassen", "pistol"
 * and "idiotsikker" contain lexicon letters but are not abuse. A word matches when it is a
 * lexicon form, or after undoing the usual disguises:
 *
 * - stretched letters, "iiidiot", "fuuuck" (only runs of three or more, because Danish
 *   has plenty of real double letters: "naar" is the old spelling of "når", not "nar");
 * - digits and symbols for letters, "l0rt", "sh!t", "1diot";
 * - stars for letters, "f*ck", "f**k" (at least two real letters, so "f***" and our own
 *   placeholders are left alone: they are already censored);
 * - letters spaced out, "i d i o t", "f.u.c.k";
 * - compounds for the few words marked so, "lorteservice", "kæmpeidiot".
 *
 * Context decides the rest: "pisse godt" is praise, "din spade" is abuse but "en spade"
 * is a shovel, "fuck dig" is worse than "fuck".
 */
import {
  type AbuseGrade,
  fillerWords,
  type LexiconEntry,
  lexicon,
  phrases,
  positiveWords,
  targetWords,
} from "./abuse-lexicon";
import type { GuardFinding, GuardSeverity } from "./types";
import { hashWord, headKey, scanWords, tailKey } from "./words";

const severityOf: Record<AbuseGrade, GuardSeverity> = {
  mild: "low",
  strong: "medium",
  slur: "high",
};
const gradeRank: Record<AbuseGrade, number> = { mild: 0, strong: 1, slur: 2 };

type Match = { entry: LexiconEntry; grade: AbuseGrade; isPraise?: boolean };
type Phrase = (typeof phrases)[number];

/** Everything we know about one lower-case word; one Map lookup per token. */
type Word = {
  entry?: LexiconEntry;
  phrases?: Phrase[];
  isTargetDa?: boolean;
  isTargetEn?: boolean;
  isPositive?: boolean;
  isFiller?: boolean;
};

// --- Lookup tables, built once -------------------------------------------------------

const collapseRuns = (word: string) => word.replace(/(.)\1+/gu, "$1");

const vocabulary = new Map<string, Word>();
const wordInfo = (word: string): Word => {
  let info = vocabulary.get(word);
  if (!info) {
    info = {};
    vocabulary.set(word, info);
  }
  return info;
};
const collapsed = new Map<string, LexiconEntry>();
const byLength = new Map<number, { form: string; entry: LexiconEntry }[]>();
const prefixForms: { form: string; entry: LexiconEntry }[] = [];
// Compound endings indexed by their last character; only long words get this far.
const suffixForms = new Map<number, { form: string; entry: LexiconEntry }[]>();
for (const entry of lexicon) {
  for (const form of entry.forms) {
    wordInfo(form).entry = entry;
    if (!collapsed.has(collapseRuns(form))) collapsed.set(collapseRuns(form), entry);
    byLength.set(form.length, [...(byLength.get(form.length) ?? []), { form, entry }]);
    if (entry.asPrefix) prefixForms.push({ form, entry });
    if (entry.asSuffix) {
      const key = form.charCodeAt(form.length - 1);
      suffixForms.set(key, [...(suffixForms.get(key) ?? []), { form, entry }]);
    }
  }
}
// Longest prefix first: "lorte" before "lort".
prefixForms.sort((a, b) => b.form.length - a.form.length);
for (const phrase of phrases) {
  // Every word of a phrase is in the vocabulary, so the tokenizer keeps its string.
  for (const word of phrase.words) wordInfo(word);
  const info = wordInfo(phrase.words[0] ?? "");
  info.phrases = [...(info.phrases ?? []), phrase];
}
for (const word of targetWords.da) wordInfo(word).isTargetDa = true;
for (const word of targetWords.en) wordInfo(word).isTargetEn = true;
for (const word of positiveWords) wordInfo(word).isPositive = true;
for (const word of fillerWords) wordInfo(word).isFiller = true;

// --- Normalising one word ------------------------------------------------------------

const leet: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "€": "e",
  "|": "i",
};
const wildcardChars = /[*#%_]/u;
const hasLetter = /\p{L}/u;

/** "iiidiot": the same character three times in a row. */
function hasTripleRun(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** Lexicon lookup of a normalised word: exact, stretched, or as part of a compound. */
function lookupWord(word: string, info = vocabulary.get(word)): Match | undefined {
  if (info?.entry) return { entry: info.entry, grade: info.entry.grade };
  if (word.length < 3) return undefined;
  if (hasTripleRun(word)) {
    const stretched = collapsed.get(collapseRuns(word));
    if (stretched) return { entry: stretched, grade: stretched.grade };
  }
  if (word.length < 7) return undefined;
  for (const { form, entry: prefix } of prefixForms) {
    if (word.length - form.length >= 3 && word.startsWith(form)) {
      // "pissegodt" is praise written as one word.
      const isPraise = prefix.isIntensifier === true && positiveWords.has(word.slice(form.length));
      return { entry: prefix, grade: prefix.grade, isPraise };
    }
  }
  for (const { form, entry: suffix } of suffixForms.get(word.charCodeAt(word.length - 1)) ?? []) {
    if (word.length - form.length >= 3 && word.endsWith(form)) {
      return { entry: suffix, grade: suffix.grade };
    }
  }
  return undefined;
}

/**
 * "f*ck", "f**k": each wildcard stands for one letter. When several words fit ("s**t"),
 * take the mildest: the writer has already censored it.
 */
function lookupWildcard(word: string): Match | undefined {
  let letters = 0;
  for (const c of word) if (!wildcardChars.test(c)) letters++;
  if (letters < 2 || !hasLetter.test(word[0] ?? "")) return undefined;
  let best: Match | undefined;
  for (const { form, entry } of byLength.get(word.length) ?? []) {
    let fits = true;
    for (let i = 0; i < form.length && fits; i++) {
      const c = word[i] ?? "";
      fits = c === form[i] || wildcardChars.test(c);
    }
    if (fits && (!best || gradeRank[entry.grade] < gradeRank[best.grade])) {
      best = { entry, grade: entry.grade };
    }
  }
  return best;
}

// --- Tokens ----------------------------------------------------------------------------

type Token = {
  start: number;
  end: number;
  /**
   * Lower case, disguises undone; "" for a number or a run of symbols; undefined for a
   * plain word that cannot be in the lexicon (not worth making a string of).
   */
  word: string | undefined;
  info: Word | undefined;
  /** True for a one-letter token with nothing else in it: a piece of "i d i o t". */
  isLetter: boolean;
  hasWildcard: boolean;
};

// Hashes of every vocabulary word and keys of compound heads and tails, so the scanner
// can tell without making a string whether a word deserves a closer look.
const vocabularyHashes = new Set<number>();
for (const word of vocabulary.keys()) vocabularyHashes.add(hashWord(word));
const compoundHeads = new Set(prefixForms.map(({ form }) => headKey(form)));
const compoundTails = new Set<number>();
for (const list of suffixForms.values()) {
  for (const { form } of list) {
    const n = form.length;
    compoundTails.add(
      tailKey(form.charCodeAt(n - 3), form.charCodeAt(n - 2), form.charCodeAt(n - 1)),
    );
  }
}

const deleet = (word: string) => word.replace(/[013457@$!€|]/gu, (c) => leet[c] ?? c);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanWords(text, (w) => {
    if (w.start === w.end || (!w.hasLetters && !w.hasLeet && !w.hasWildcard)) {
      // A number, or "***" / "[***]": not a word, but it keeps its place in the sequence,
      // so hiding a word never brings "din" next to "spade" or "fuck" next to "dig".
      tokens.push({
        start: w.start,
        end: w.end,
        word: "",
        info: undefined,
        isLetter: false,
        hasWildcard: false,
      });
      return;
    }
    const length = w.end - w.start;
    let word: string | undefined;
    let info: Word | undefined;
    if (!w.isPlain) {
      word = text.slice(w.start, w.end).toLowerCase();
      if (w.hasLetters && (w.hasDigits || w.hasLeet)) word = deleet(word);
      info = vocabulary.get(word);
    } else if (
      vocabularyHashes.has(w.hash) ||
      length === 1 ||
      w.hasTripleRun ||
      (length >= 7 && compoundHeads.has(w.headKey)) ||
      (length >= 8 && compoundTails.has(w.tailKey))
    ) {
      word = text.slice(w.start, w.end).toLowerCase();
      info = vocabulary.get(word);
    }
    const isLetter = w.rawEnd - w.rawStart === 1 && w.hasLetters;
    tokens.push({ start: w.start, end: w.end, word, info, isLetter, hasWildcard: w.hasWildcard });
  });
  return tokens;
}

// --- Context ---------------------------------------------------------------------------

function isAimed(tokens: Token[], i: number, lang: "da" | "en"): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const info = tokens[j]?.info;
    if (lang === "da" ? info?.isTargetDa : info?.isTargetEn) return true;
  }
  return false;
}

function isFollowedByPraise(tokens: Token[], i: number): boolean {
  // Skip fillers and further intensifiers: "pisse, pisse godt", "fucking mega godt".
  for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
    const info = tokens[j]?.info;
    if (info?.isPositive) return true;
    if (!info?.isFiller && !info?.entry?.isIntensifier) return false;
  }
  return false;
}

/** Length in tokens of a phrase starting at token i, and its grade. */
function matchPhrase(
  tokens: Token[],
  i: number,
): { length: number; grade: AbuseGrade } | undefined {
  for (const phrase of tokens[i]?.info?.phrases ?? []) {
    const fits = phrase.words.every((w, k) => tokens[i + k]?.word === w);
    if (fits) return { length: phrase.words.length, grade: phrase.grade };
  }
  return undefined;
}

const spacedSeparator = /[ .\-_·]/u;

/** "i d i o t", "f.u.c.k": single letters one separator apart. Returns the run length. */
function spacedRun(text: string, tokens: Token[], i: number): number {
  let n = 0;
  while (i + n < tokens.length && tokens[i + n]?.isLetter) {
    const next = tokens[i + n + 1];
    const current = tokens[i + n];
    n++;
    if (!next || !current || next.start - current.end !== 1) break;
    if (!spacedSeparator.test(text[current.end] ?? "")) break;
  }
  return n;
}

function finding(start: number, end: number, grade: AbuseGrade): GuardFinding {
  return { kind: "abuse", start, end, severity: severityOf[grade] };
}

/** A spaced-out word may also be stretched: "i d i o o o t". */
function collapsedMatch(word: string): Match | undefined {
  const entry = collapsed.get(collapseRuns(word));
  return entry ? { entry, grade: entry.grade } : undefined;
}

export function detectAbuse(text: string): GuardFinding[] {
  const tokens = tokenize(text);
  const found: GuardFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.word === "") continue;

    if (token.isLetter) {
      const run = spacedRun(text, tokens, i);
      if (run >= 3) {
        const last = tokens[i + run - 1];
        const joined = tokens
          .slice(i, i + run)
          .map((t) => t.word ?? "")
          .join("");
        const match = lookupWord(joined) ?? collapsedMatch(joined);
        if (match && last) found.push(finding(token.start, last.end, match.grade));
        // Letters of a run are never words on their own; skipping them keeps a long run
        // of "a a a a ..." linear.
        i += run - 1;
        continue;
      }
    }

    const phrase = token.info?.phrases ? matchPhrase(tokens, i) : undefined;
    if (phrase) {
      const last = tokens[i + phrase.length - 1];
      if (last) found.push(finding(token.start, last.end, phrase.grade));
      i += phrase.length - 1;
      continue;
    }

    if (token.word === undefined) continue;
    const match = token.hasWildcard
      ? lookupWildcard(token.word)
      : lookupWord(token.word, token.info);
    if (!match || match.isPraise) continue;
    const { entry } = match;
    if (entry.needsTarget && !isAimed(tokens, i, entry.needsTarget)) continue;
    if (entry.isIntensifier && isFollowedByPraise(tokens, i)) continue;
    found.push(finding(token.start, token.end, match.grade));
  }
  return found;
}
