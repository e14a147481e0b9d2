/** What a token is; emoji and emoticons are kept because they carry sentiment. */
export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "punct";

export type Token = {
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** Lower case, typographic apostrophes made plain. */
  lower: string;
  start: number;
  end: number;
  /** A line break separates this token from the previous one. */
  newlineBefore: boolean;
};

// A hand-written scanner: several times faster than one big Unicode regex, and the
// hot path of every analysis. Emoticons are tried before punctuation, emoji sequences
// (ZWJ, skin tones, variation selectors, flags) form one token, words keep inner
// apostrophes and hyphens ("didn't", "Anne-Marie").
const EMOTICON_RE = /(?:>?[:;=][-'^]?[)(\][DPpOo/\\|*3@Ss]+|<\/?3+|\^_?\^)(?![\p{L}\p{N}])/uy;
const EMOJI_RE =
  /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic})(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic}\uFE0F?)*/uy;
const LETTER_RE = /[\p{L}\p{M}]/u;
const DIGIT_RE = /\p{N}/u;
const LAUGH_RE = /^[xX]D+$/;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdbff)
    return LETTER_RE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
  return LETTER_RE.test(text[i] as string);
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 48 && c <= 57;
  return c >= 0x250 && DIGIT_RE.test(text[i] as string);
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 10 ||
    c === 13 ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 12 ||
    c === 11
  );
}

function isTerminatorCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** Splits text into tokens with character offsets into the original string. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let newline = false;
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number) => {
    const surface = text.slice(start, end);
    const lower = surface.toLowerCase();
    tokens.push({
      kind,
      text: surface,
      lower: lower.includes("\u2019") ? lower.replace(/\u2019/g, "'") : lower,
      start,
      end,
      newlineBefore: newline,
    });
    newline = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) newline = true;
      i++;
      continue;
    }
    // Emoticons: ":)", ";-)", "<3", "^^", ">:(" but not the ":/" of "https://".
    if (c === 58 || c === 59 || c === 61 || c === 62 || c === 60 || c === 94) {
      const prevIsAlnum = i > 0 && (isLetterAt(text, i - 1) || isDigitAt(text, i - 1));
      if (!prevIsAlnum) {
        EMOTICON_RE.lastIndex = i;
        const m = EMOTICON_RE.exec(text);
        if (m) {
          push("emoticon", i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
    }
    if (isLetterAt(text, i)) {
      let j = i + 1;
      while (j < n) {
        if (isLetterAt(text, j)) j++;
        else {
          const d = text.charCodeAt(j);
          const joiner = d === 39 || d === 0x2019 || d === 45;
          if (joiner && j + 1 < n && isLetterAt(text, j + 1)) j += 2;
          else break;
        }
      }
      // A trailing apostrophe belongs to an s-possessive only ("Lars'").
      const d = text.charCodeAt(j);
      if ((d === 39 || d === 0x2019) && (text.charCodeAt(j - 1) | 32) === 115) j++;
      // "xD" is a laughing face, not a word.
      push(LAUGH_RE.test(text.slice(i, j)) ? "emoticon" : "word", i, j);
      i = j;
      continue;
    }
    if (isDigitAt(text, i)) {
      let j = i + 1;
      while (j < n) {
        if (isDigitAt(text, j)) j++;
        else {
          const d = text.charCodeAt(j);
          if ((d === 46 || d === 44 || d === 58) && j + 1 < n && isDigitAt(text, j + 1)) j += 2;
          else break;
        }
      }
      push("number", i, j);
      i = j;
      continue;
    }
    if (c >= 0x2000 || (c >= 0xa9 && c <= 0xae)) {
      EMOJI_RE.lastIndex = i;
      const m = EMOJI_RE.exec(text);
      if (m) {
        push("emoji", i, i + m[0].length);
        i += m[0].length;
        continue;
      }
    }
    // Terminator runs ("!!", "?!", "...") are one token; anything else one character.
    if (isTerminatorCode(c)) {
      let j = i + 1;
      while (j < n && isTerminatorCode(text.charCodeAt(j))) j++;
      push("punct", i, j);
      i = j;
      continue;
    }
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    push("punct", i, i + width);
    i += width;
  }
  return tokens;
}

const TERMINATOR_RE = /[.!?…]/;
const ABBREVIATIONS = new Set([
  "kl",
  "ca",
  "fx",
  "bl",
  "a",
  "evt",
  "nr",
  "inkl",
  "ekskl",
  "osv",
  "mht",
  "iflg",
  "dr",
  "mr",
  "mrs",
  "ms",
  "st",
  "e",
  "g",
  "i",
  "etc",
  "vs",
  "jf",
  "tlf",
  "vedr",
]);

const TITLES = new Set(["dr", "mr", "mrs", "ms"]);

/** Whether a punctuation token ends a sentence. */
export function isTerminator(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token?.kind !== "punct" || !TERMINATOR_RE.test(token.text)) return false;
  // "(Julie tror jeg?)": an aside in brackets ends no sentence.
  if (tokens[i + 1]?.text === ")") return false;
  if (token.text === ".") {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // "kl. 8.15", "bl.a.", "fx." do not end a sentence unless a capital follows.
    if (prev && prev.kind === "word" && prev.end === token.start && ABBREVIATIONS.has(prev.lower)) {
      // "kl. 9" and a title before a name ("Dr. Whitfield") never end one.
      return (
        !!next &&
        next.kind === "word" &&
        /^\p{Lu}/u.test(next.text) &&
        prev.lower !== "kl" &&
        !TITLES.has(prev.lower)
      );
    }
    // A name's initial ("Lars N. var sød") ends no sentence when a lower-case word follows.
    const before = tokens[i - 2];
    if (
      prev?.kind === "word" &&
      prev.text.length === 1 &&
      /^\p{Lu}$/u.test(prev.text) &&
      before?.kind === "word" &&
      /^\p{Lu}/u.test(before.text) &&
      next?.kind === "word" &&
      !/^\p{Lu}/u.test(next.text)
    ) {
      return false;
    }
  }
  return true;
}

/** A half-open token range [start, end) that forms one sentence. */
export type Span = { start: number; end: number };

/**
 * Sentences as token ranges. Emoji and emoticons right after a terminator stay with the
 * sentence they comment on ("Hvorfor?? 😡"), and a line break starts a new sentence.
 */
export function splitSentences(tokens: Token[]): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    if (i > start && token.newlineBefore) {
      spans.push({ start, end: i });
      start = i;
    }
    if (isTerminator(tokens, i)) {
      let end = i + 1;
      while (end < tokens.length) {
        const next = tokens[end] as Token;
        if (next.newlineBefore) break;
        if (next.kind === "emoji" || next.kind === "emoticon" || isTerminator(tokens, end)) end++;
        else break;
      }
      spans.push({ start, end });
      start = end;
      i = end;
      continue;
    }
    i++;
  }
  if (start < tokens.length) spans.push({ start, end: tokens.length });
  return spans;
}

/** Folds text for name matching: lower case, accents off, Danish letters kept. */
export function foldName(value: string): string {
  const lower = value.toLowerCase();
  const cached = foldCache.get(lower);
  if (cached !== undefined) return cached;
  const folded = PLAIN_NAME_RE.test(lower) ? lower : foldSlow(lower);
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(lower, folded);
  return folded;
}

const foldCache = new Map<string, string>();

function foldSlow(lower: string): string {
  let out = "";
  for (const ch of lower.replace(/’/g, "'")) {
    const mapped = FOLD[ch];
    out += mapped === undefined ? ch : mapped;
  }
  return out;
}

const PLAIN_NAME_RE = /^[a-zæøå'-]*$/;

const FOLD: Record<string, string> = {
  á: "a",
  à: "a",
  â: "a",
  ã: "a",
  é: "e",
  è: "e",
  ê: "e",
  ë: "e",
  í: "i",
  ì: "i",
  î: "i",
  ï: "i",
  ó: "o",
  ò: "o",
  ô: "o",
  õ: "o",
  ú: "u",
  ù: "u",
  û: "u",
  ü: "u",
  ý: "y",
  ÿ: "y",
  ñ: "n",
  ç: "c",
  ö: "ø",
  ä: "æ",
  ß: "ss",
  // Central European and Turkish letters in names written without them: "Petrovic".
  ć: "c",
  č: "c",
  š: "s",
  ś: "s",
  ž: "z",
  ź: "z",
  ż: "z",
  ł: "l",
  ń: "n",
  ň: "n",
  ř: "r",
  ě: "e",
  ę: "e",
  ą: "a",
  ů: "u",
  đ: "d",
  ğ: "g",
  ş: "s",
  ı: "i",
};
