import { detectLanguage } from "./language";
import { DA_MARKERS, EN_MARKERS } from "./lexicon/function-words";
import { NAME_FOLLOWERS, NAME_WORDS } from "./lexicon/name-words";
import type { LexiconLanguage } from "./lookup";
import { type AnalyzedText, analyzeTokens, NEUTRAL_BAND, type SentimentLabel } from "./sentiment";
import { foldName, type Span, splitSentences, type Token, tokenize } from "./tokenize";

/** An employee as the organisation knows them. */
export type EmployeeRef = { id: string; name: string; nicknames?: string[] };

/** One employee named in a text, with the sentiment of the clause around the name. */
export type EmployeeMention = {
  id: string;
  name: string;
  sentiment: SentimentLabel;
  /** Character offsets of the matched name in the text. */
  start: number;
  end: number;
};

/** Compiled once per organisation; `find` is then linear in the text. */
export type EmployeeMatcher = { find(text: string): EmployeeMention[] };

type FormKind = "full" | "first" | "last" | "nick";

type NameForm = {
  employee: EmployeeRef;
  kind: FormKind;
  /** Accepted folded spellings per name part ("søren" -> søren, soren, soeren). */
  parts: ReadonlyArray<ReadonlySet<string>>;
  /** Every part is also an ordinary word ("Bo", "Glad"): demand a capital. */
  isWordLike: boolean;
};

type CompiledRoster = { index: Map<string, NameForm[]> };

/** A name found in the token stream, before sentiment. */
export type NameMatch = { employee: EmployeeRef; firstToken: number; lastToken: number };

const compiledRosters = new WeakMap<EmployeeMatcher, CompiledRoster>();

function spellings(part: string): Set<string> {
  const base = foldName(part);
  const out = new Set([base]);
  const swaps: Array<[RegExp, string]> = [
    [/ø/g, "o"],
    [/ø/g, "oe"],
    [/æ/g, "ae"],
    [/æ/g, "e"],
    [/å/g, "a"],
    [/å/g, "aa"],
  ];
  for (const [re, to] of swaps) {
    for (const value of [...out]) if (re.test(value)) out.add(value.replace(re, to));
  }
  return out;
}

function isOrdinaryWord(folded: string): boolean {
  return NAME_WORDS.has(folded) || DA_MARKERS.has(folded) || EN_MARKERS.has(folded);
}

function splitName(name: string): string[] {
  return name
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0);
}

/**
 * Compiles a roster into a name index. First names match alone only when no one else in
 * the organisation shares them; surnames alone only when unique and capitalised.
 */
export function createEmployeeMatcher(employees: EmployeeRef[]): EmployeeMatcher {
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  const nickCount = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const employee of employees) {
    const parts = splitName(employee.name);
    if (parts.length === 0) continue;
    bump(firstCount, foldName(parts[0] as string));
    if (parts.length >= 2) bump(lastCount, foldName(parts[parts.length - 1] as string));
    for (const nick of employee.nicknames ?? []) bump(nickCount, foldName(nick.trim()));
  }

  const index = new Map<string, NameForm[]>();
  const add = (employee: EmployeeRef, kind: FormKind, rawParts: string[]) => {
    if (rawParts.length === 0) return;
    const parts = rawParts.map(spellings);
    const isWordLike = rawParts.every((part) => isOrdinaryWord(foldName(part)));
    const form: NameForm = { employee, kind, parts, isWordLike };
    for (const key of parts[0] as Set<string>) {
      const list = index.get(key) ?? [];
      list.push(form);
      index.set(key, list);
    }
  };

  for (const employee of employees) {
    const parts = splitName(employee.name);
    if (parts.length === 0) continue;
    const first = parts[0] as string;
    const last = parts[parts.length - 1] as string;
    const withHyphensSplit = parts.flatMap((part) => part.split("-")).filter(Boolean);
    if (parts.length >= 2) {
      add(employee, "full", parts);
      if (withHyphensSplit.length !== parts.length) add(employee, "full", withHyphensSplit);
      if (parts.length >= 3) add(employee, "full", [first, last]);
    }
    const firstKey = foldName(first);
    if (firstCount.get(firstKey) === 1 && !nickCount.has(firstKey)) {
      add(employee, "first", [first]);
      if (first.includes("-")) add(employee, "first", first.split("-").filter(Boolean));
    }
    const lastKey = foldName(last);
    if (parts.length >= 2 && lastCount.get(lastKey) === 1 && !firstCount.has(lastKey)) {
      add(employee, "last", [last]);
    }
    for (const nick of employee.nicknames ?? []) {
      const nickKey = foldName(nick.trim());
      if (nickCount.get(nickKey) !== 1 || firstCount.has(nickKey)) continue;
      add(employee, "nick", splitName(nick));
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.parts.length - a.parts.length);

  const compiled: CompiledRoster = { index };
  const matcher: EmployeeMatcher = {
    find(text: string): EmployeeMention[] {
      const tokens = tokenize(text);
      const sentences = splitSentences(tokens);
      const language = detectLanguage(text, undefined, tokens);
      return findEmployees(matcher, text, tokens, sentences, language)?.mentions ?? [];
    },
  };
  compiledRosters.set(matcher, compiled);
  return matcher;
}

/** Folded forms of a token, with possessive endings ("Karins", "Julie's", "Lars'") removed. */
function tokenKeys(token: Token): { key: string; possessive: boolean }[] {
  const folded = foldName(token.lower);
  const keys = [{ key: folded, possessive: false }];
  const possessive = possessiveStem(folded);
  if (possessive !== undefined) keys.push({ key: possessive, possessive: true });
  return keys;
}

function possessiveStem(folded: string): string | undefined {
  if (folded.endsWith("'s")) return folded.slice(0, -2);
  if (folded.endsWith("'")) return folded.slice(0, -1);
  if (folded.endsWith("s") && folded.length > 3) return folded.slice(0, -1);
  return undefined;
}

function isCapitalised(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  if (c < 0x80) return c >= 65 && c <= 90;
  const first = token.text[0] as string;
  return first !== first.toLowerCase();
}

function matchAt(
  tokens: Token[],
  i: number,
  form: NameForm,
  sentenceStart: number,
  sentenceEnd: number,
): number | undefined {
  const n = form.parts.length;
  let j = i;
  let capitals = 0;
  let apostrophe = false;
  for (let k = 0; k < n; k++) {
    const token = tokens[j];
    if (token?.kind !== "word" || j >= sentenceEnd) return undefined;
    const accepted = form.parts[k] as ReadonlySet<string>;
    const keys = tokenKeys(token);
    const isLast = k === n - 1;
    const hit = keys.find((key) => accepted.has(key.key) && (!key.possessive || isLast));
    if (!hit) return undefined;
    if (hit.possessive && /['’]/.test(token.text)) apostrophe = true;
    if (isCapitalised(token)) capitals++;
    j++;
  }
  const lastToken = j - 1;
  if (form.kind === "last" && capitals < n) return undefined;
  if (form.isWordLike) {
    if (capitals === 0) return undefined;
    if (n === 1) {
      const token = tokens[i] as Token;
      if (!isCapitalised(token)) return undefined;
      // Sentence-initial capitals prove nothing: "Glad for hjælpen", "Hans hjælp".
      const isSentenceInitial = firstWordIndex(tokens, sentenceStart, sentenceEnd) === i;
      if (isSentenceInitial && !apostrophe) {
        const next = tokens[i + 1];
        const followerOk =
          !next ||
          i + 1 >= sentenceEnd ||
          (next.kind === "punct" && /^[,!:.?…-]/.test(next.text)) ||
          (next.kind === "word" && NAME_FOLLOWERS.has(next.lower));
        if (!followerOk) return undefined;
      }
      // A plain -s possessive of a word-like name is too often a plural ("roses").
      const keys = tokenKeys(token);
      const exact = keys[0] && (form.parts[0] as ReadonlySet<string>).has(keys[0].key);
      if (!exact && !apostrophe && isSentenceInitial) return undefined;
    }
  }
  return lastToken;
}

function firstWordIndex(tokens: Token[], start: number, end: number): number {
  for (let i = start; i < end; i++) if ((tokens[i] as Token).kind === "word") return i;
  return -1;
}

/** Finds roster names in a token stream; the longest name at each position wins. */
export function matchNames(
  matcher: EmployeeMatcher,
  tokens: Token[],
  sentences: Span[],
): NameMatch[] | undefined {
  const compiled = compiledRosters.get(matcher);
  if (!compiled) return undefined;
  const matches: NameMatch[] = [];
  for (const span of sentences) {
    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      if (token.kind !== "word") continue;
      let best: { form: NameForm; last: number } | undefined;
      const folded = foldName(token.lower);
      const direct = compiled.index.get(folded);
      const stem = possessiveStem(folded);
      const viaPossessive = stem === undefined ? undefined : compiled.index.get(stem);
      for (const forms of [direct, viaPossessive]) {
        if (!forms) continue;
        for (const form of forms) {
          if (best && best.last - i + 1 >= form.parts.length) break;
          const last = matchAt(tokens, i, form, span.start, span.end);
          if (last !== undefined && (!best || last > best.last)) best = { form, last };
        }
      }
      if (best) {
        matches.push({ employee: best.form.employee, firstToken: i, lastToken: best.last });
        i = best.last;
      }
    }
  }
  return matches;
}

const CLAUSE_DELIMITERS = new Set([
  ",",
  ";",
  ":",
  "og",
  "and",
  "men",
  "but",
  "mens",
  "while",
  "whereas",
  "samt",
  "&",
  "-",
]);
const REFERRING_PRONOUNS = new Set([
  "hun",
  "han",
  "du",
  "hende",
  "ham",
  "dig",
  "hendes",
  "hans",
  "she",
  "he",
  "you",
  "her",
  "him",
  "his",
]);

function sumIn(doc: AnalyzedText, from: number, to: number): number {
  let sum = 0;
  for (const c of doc.contributions) if (c.firstToken >= from && c.firstToken < to) sum += c.weight;
  return sum;
}

function labelOf(sum: number): SentimentLabel {
  return sum >= NEUTRAL_BAND ? "positive" : sum <= -NEUTRAL_BAND ? "negative" : "neutral";
}

/**
 * Sentiment per mention: the sentence around the name, split between names when one
 * sentence praises one person and blames another ("Sofie var sød, men Lars var sur").
 * A bare vocative ("Karin!") or a name followed by "Hun var ..." borrows the next sentence.
 */
export function scoreMentions(doc: AnalyzedText, matches: NameMatch[]): EmployeeMention[] {
  const { tokens, sentences } = doc;
  const sentenceOf = (tokenIndex: number) =>
    sentences.findIndex((s) => tokenIndex >= s.start && tokenIndex < s.end);
  const bySentence = new Map<number, NameMatch[]>();
  for (const match of matches) {
    const s = sentenceOf(match.firstToken);
    const list = bySentence.get(s) ?? [];
    list.push(match);
    bySentence.set(s, list);
  }

  const scored: Array<{ match: NameMatch; sum: number }> = [];
  const singlePerson = new Set(matches.map((m) => m.employee.id)).size === 1;
  for (const [s, list] of bySentence) {
    const span = sentences[s] as Span;
    const sentenceSum = sumIn(doc, span.start, span.end);
    let segmentStart = span.start;
    list.forEach((match, k) => {
      const nextMatch = list[k + 1];
      let segmentEnd = span.end;
      if (nextMatch) {
        segmentEnd = nextMatch.firstToken;
        for (let t = nextMatch.firstToken - 1; t > match.lastToken; t--) {
          if (CLAUSE_DELIMITERS.has((tokens[t] as Token).lower)) {
            segmentEnd = t;
            break;
          }
        }
      }
      let sum = list.length === 1 ? sentenceSum : sumIn(doc, segmentStart, segmentEnd);
      if (Math.abs(sum) < NEUTRAL_BAND && list.length > 1) sum = sentenceSum;
      if (Math.abs(sum) < NEUTRAL_BAND) {
        const next = sentences[s + 1];
        const words = countWords(tokens, span);
        if (next && (words <= 3 || startsWithPronoun(tokens, next))) {
          const nextSum = sumIn(doc, next.start, next.end);
          if (Math.abs(nextSum) >= NEUTRAL_BAND) sum = nextSum;
        }
      }
      // A text about one person: an otherwise neutral mention takes the text's verdict.
      if (Math.abs(sum) < NEUTRAL_BAND && singlePerson) sum = doc.sum;
      scored.push({ match, sum });
      segmentStart = segmentEnd;
    });
  }

  // One mention per employee: the one with the strongest evidence.
  const best = new Map<string, { match: NameMatch; sum: number }>();
  for (const entry of scored) {
    const current = best.get(entry.match.employee.id);
    if (!current || Math.abs(entry.sum) > Math.abs(current.sum))
      best.set(entry.match.employee.id, entry);
  }
  return [...best.values()]
    .sort((a, b) => a.match.firstToken - b.match.firstToken)
    .map(({ match, sum }) => ({
      id: match.employee.id,
      name: match.employee.name,
      sentiment: labelOf(sum),
      start: (tokens[match.firstToken] as Token).start,
      end: (tokens[match.lastToken] as Token).end,
    }));
}

function countWords(tokens: Token[], span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if ((tokens[i] as Token).kind === "word") n++;
  return n;
}

function startsWithPronoun(tokens: Token[], span: Span): boolean {
  let seen = 0;
  for (let i = span.start; i < span.end && seen < 4; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== "word") continue;
    seen++;
    if (REFERRING_PRONOUNS.has(token.lower)) return true;
  }
  return false;
}

/** Name matching plus sentiment in one pass over already tokenised text. */
export function findEmployees(
  matcher: EmployeeMatcher,
  text: string,
  tokens: Token[],
  sentences: Span[],
  language: LexiconLanguage,
): { mentions: EmployeeMention[]; doc: AnalyzedText } | undefined {
  const matches = matchNames(matcher, tokens, sentences);
  if (!matches) return undefined;
  const skip = new Set<number>();
  if (matches.length > 0) {
    for (const m of matches) for (let t = m.firstToken; t <= m.lastToken; t++) skip.add(t);
  }
  const doc = analyzeTokens(text, language, skip, { tokens, sentences });
  return { mentions: scoreMentions(doc, matches), doc };
}
