import { DA_COMPOUND_HEADS, DA_LEXICON, DA_PREFIXES } from "./lexicon/da";
import { EMOJI_LEXICON, EMOTICON_LEXICON } from "./lexicon/emoji";
import { EN_LEXICON } from "./lexicon/en";
import type { Lexicon, LexValue } from "./lexicon/types";

type LexMap = ReadonlyMap<string, LexValue>;

/** Maps, not object literals: faster for the many misses, and no inherited "constructor". */
const toMap = (lex: Lexicon): LexMap => new Map(Object.entries(lex));
const DA_WORDS = toMap(DA_LEXICON);
const EN_WORDS = toMap(EN_LEXICON);
const DA_HEADS = toMap(DA_COMPOUND_HEADS);

/** Whether a lexicon lists the word itself (no stemming): a hint for language detection. */
export function inLexicon(word: string, language: "da" | "en"): boolean {
  return (language === "da" ? DA_WORDS : EN_WORDS).has(word);
}

/** Which lexicons a text is scored with; "other" tries Danish first, then English. */
export type LexiconLanguage = "da" | "en" | "other";

export type LexHit = {
  value: LexValue;
  rule: "lexicon" | "inflection" | "compound" | "prefix" | "spelling";
};

// Suffixes stripped to reach a lemma, longest first. Each candidate is also tried with an
// added -e ("anbefaler" -> "anbefal" -> "anbefale") and with a doubled consonant undone
// ("hjælpsomme" -> "hjælpsomm" -> "hjælpsom").
const DA_SUFFIXES = [
  "ernes",
  "erne",
  "enes",
  "este",
  "ende",
  "ste",
  "ene",
  "ede",
  "ere",
  "est",
  "en",
  "et",
  "er",
  "es",
  "ne",
  "e",
  "t",
  "s",
  "n",
  "r",
];
const EN_SUFFIXES = ["'s", "ing", "ed", "es", "ly", "er", "est", "s", "d"];

/** English "-d" only ends a past tense after an "e" ("cared"), never "card" -> "care". */
function skipSuffix(word: string, suffix: string, suffixes: readonly string[]): boolean {
  return suffix === "d" && suffixes === EN_SUFFIXES && !word.endsWith("ed");
}

function withVariants(stem: string, out: string[]): void {
  out.push(stem);
  out.push(`${stem}e`);
  const n = stem.length;
  if (n >= 3 && stem[n - 1] === stem[n - 2]) out.push(stem.slice(0, -1));
}

function inflected(lex: LexMap, word: string, suffixes: readonly string[]): LexValue | undefined {
  for (const suffix of suffixes) {
    if (word.length - suffix.length < 3 || !word.endsWith(suffix)) continue;
    if (skipSuffix(word, suffix, suffixes)) continue;
    const candidates: string[] = [];
    const stem = word.slice(0, -suffix.length);
    // English "-s" never hides an "-e": "hats" is not "hate" ("hates" loses "-s" alone).
    if (suffixes === EN_SUFFIXES && (suffix === "s" || suffix === "'s")) candidates.push(stem);
    else withVariants(stem, candidates);
    // Plural participles: "skuffede" -> "skuffet", "frustrerede" -> "frustreret".
    if (suffix === "ede" || suffix === "de") candidates.push(`${stem}et`);
    for (const candidate of candidates) {
      const value = lex.get(candidate);
      if (value !== undefined) return value;
    }
  }
  // English -ies/-ied/-ily -> -y ("happily" -> "happy").
  if (suffixes === EN_SUFFIXES && /(ies|ied|ily|ier|iest)$/.test(word)) {
    const value = lex.get(word.replace(/(ies|ied|ily|ier|iest)$/, "y"));
    if (value !== undefined) return value;
  }
  return undefined;
}

function direct(lex: LexMap, word: string, suffixes: readonly string[]): LexHit | undefined {
  const exact = lex.get(word);
  if (exact !== undefined) return { value: exact, rule: "lexicon" };
  const value = inflected(lex, word, suffixes);
  return value === undefined ? undefined : { value, rule: "inflection" };
}

function baseValue(value: LexValue): number {
  return typeof value === "number" ? value : value[0];
}

function lookupDanish(word: string): LexHit | undefined {
  const hit = direct(DA_WORDS, word, DA_SUFFIXES);
  if (hit) return hit;
  if (word.length < 6) return undefined;
  // Valence-bearing and intensifying prefixes: "topservice", "lortesystem", "pissegodt".
  for (const [prefix, own] of DA_PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < 3) continue;
    const rest = word.slice(prefix.length);
    const restHit = direct(DA_WORDS, rest, DA_SUFFIXES);
    const restValue = restHit ? baseValue(restHit.value) : 0;
    if (restValue !== 0) return { value: restValue * 1.4, rule: "prefix" };
    if (own !== 0) return { value: own, rule: "prefix" };
  }
  // "u-" negates a positive adjective: "uhjælpsom", "uservicemindet".
  if (word.startsWith("u")) {
    const restHit = direct(DA_WORDS, word.slice(1), DA_SUFFIXES);
    if (restHit && baseValue(restHit.value) >= 1.5) {
      return { value: -0.9 * baseValue(restHit.value), rule: "prefix" };
    }
  }
  // Compound heads: "systemfejl", "trafikkaos", "parkeringsbøde", "børnevenlig".
  for (let i = 3; i <= word.length - 3; i++) {
    const head = DA_HEADS.get(word.slice(i)) ?? inflected(DA_HEADS, word.slice(i), DA_SUFFIXES);
    if (head !== undefined) {
      return baseValue(head) === 0 ? undefined : { value: head, rule: "compound" };
    }
  }
  return undefined;
}

function lookupEnglish(word: string): LexHit | undefined {
  const hit = direct(EN_WORDS, word, EN_SUFFIXES);
  if (hit) return hit;
  if (word.startsWith("un") && word.length >= 6) {
    const restHit = direct(EN_WORDS, word.slice(2), EN_SUFFIXES);
    if (restHit && baseValue(restHit.value) >= 1.5) {
      return { value: -0.9 * baseValue(restHit.value), rule: "prefix" };
    }
  }
  return undefined;
}

/** A misspelling stands in only for a word this long, and only for a strong one. */
const SPELLING_MIN_LENGTH = 6;
const SPELLING_MIN_VALUE = 2;
const CONSONANTS = /[bcdfghjklmnpqrstvwxz]/;

/**
 * Informal spelling of a strong word: a doubled consonant written single ("skufet",
 * "hjælpsome"), the commonest slip in Danish. Only for words no lexicon knows, and only
 * when the repaired word has clear sentiment. Swapped or dropped letters are not tried:
 * too many ordinary words ("gælder", "verden") are one such edit from a sentiment word.
 */
function misspelled(word: string, lex: LexMap, suffixes: readonly string[]): LexHit | undefined {
  if (word.length < SPELLING_MIN_LENGTH || !/^[a-zæøåäöü]+$/.test(word)) return undefined;
  for (let i = 1; i < word.length; i++) {
    const c = word[i] as string;
    if (!CONSONANTS.test(c) || word[i - 1] === c || word[i + 1] === c) continue;
    // A double consonant follows a short vowel: "skufet", not "skuffet"'s "ff" after "ss".
    if (!/[aeiouyæøå]/.test(word[i - 1] as string)) continue;
    const hit = direct(lex, word.slice(0, i) + c + word.slice(i), suffixes);
    if (hit && Math.abs(baseValue(hit.value)) >= SPELLING_MIN_VALUE) {
      return { value: hit.value, rule: "spelling" };
    }
  }
  return undefined;
}

const caches: Record<LexiconLanguage, Map<string, LexHit | null>> = {
  da: new Map(),
  en: new Map(),
  other: new Map(),
};
const CACHE_LIMIT = 50_000;

function uncached(word: string, language: LexiconLanguage): LexHit | undefined {
  if (word.includes("-")) {
    // "super-god", "ikke-eksisterende": the whole first, then the last part.
    const whole = language === "en" ? lookupEnglish(word) : lookupDanish(word);
    if (whole) return whole;
    const parts = word.split("-");
    const last = parts[parts.length - 1] ?? "";
    const lastHit = last.length >= 2 ? uncached(last, language) : undefined;
    return lastHit ? { value: lastHit.value, rule: "compound" } : undefined;
  }
  if (language === "da") return lookupDanish(word) ?? misspelled(word, DA_WORDS, DA_SUFFIXES);
  if (language === "en") return lookupEnglish(word) ?? misspelled(word, EN_WORDS, EN_SUFFIXES);
  return (
    lookupDanish(word) ??
    lookupEnglish(word) ??
    misspelled(word, DA_WORDS, DA_SUFFIXES) ??
    misspelled(word, EN_WORDS, EN_SUFFIXES)
  );
}

/** Sentiment value of one lower-cased word, or undefined when it carries none. */
export function lookupWord(word: string, language: LexiconLanguage): LexHit | undefined {
  const cache = caches[language];
  const cached = cache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const hit = uncached(word, language);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, hit ?? null);
  return hit;
}

/** Sentiment value of an emoji or emoticon token. */
export function lookupSymbol(token: string): number | undefined {
  const emoticon = EMOTICON_LEXICON[token.toLowerCase()];
  if (emoticon !== undefined) return emoticon;
  const bare = token.replace(/[\uFE0F\u200D]|[\u{1F3FB}-\u{1F3FF}]/gu, "");
  const exact = EMOJI_LEXICON[bare];
  if (exact !== undefined) return exact;
  // A ZWJ sequence ("🤦‍♀️") scores as its first pictograph.
  const first = String.fromCodePoint(bare.codePointAt(0) ?? 0);
  return EMOJI_LEXICON[first];
}
