/**
 * Splitting text into words for the abuse detector, fast.
 *
 * The guard must check 50,000 texts a second per core, and looking up every word of every
 * text was most of that budget: a regex match object, a lower-cased copy and a string
 * hash per word. So this scanner walks the char codes once, lower-cases and hashes each
 * word as it goes, and only makes a string of a word when the hash says it may be in the
 * vocabulary, or when the word needs a closer look (disguised, stretched, long enough to
 * be a compound).
 */

/** What a character is, for splitting words. */
const CharClass = {
  Unknown: 0,
  /** Ends a word: space, punctuation, emoji. */
  Separator: 1,
  Letter: 2,
  Digit: 3,
  /** Stands for a letter: "f*ck", "f#ck". */
  Wildcard: 4,
  /** Looks like a letter: "sh!t", "@", "$", "€". */
  Leet: 5,
  /** Part of a word but not a letter: the apostrophe in "don't". */
  Joiner: 6,
} as const;
type CharClass = (typeof CharClass)[keyof typeof CharClass];

// Filled lazily: the first time a character code is seen its class is computed with a
// Unicode-aware regex and cached, so every later sight costs one array read.
const classes = new Uint8Array(65536);
const lowerCodes = new Uint16Array(65536);
const wordChar = /^[\p{L}\p{M}\p{N}]$/u;

function computeClass(code: number): CharClass {
  if (code >= 48 && code <= 57) return CharClass.Digit;
  if (code === 42 || code === 35 || code === 37 || code === 95) return CharClass.Wildcard; // * # % _
  if (code === 64 || code === 36 || code === 33 || code === 124 || code === 0x20ac) {
    return CharClass.Leet; // @ $ ! | €
  }
  if (code === 39 || code === 0x2019) return CharClass.Joiner; // ' ’
  // Lone surrogates: astral letters are too rare to matter, and emoji are not words.
  if (code >= 0xd800 && code <= 0xdfff) return CharClass.Separator;
  return wordChar.test(String.fromCharCode(code)) ? CharClass.Letter : CharClass.Separator;
}

function classOf(code: number): CharClass {
  let c = classes[code] as CharClass;
  if (c === CharClass.Unknown) {
    c = computeClass(code);
    classes[code] = c;
  }
  return c;
}

/** Lower-case code of a letter, or 0 when lower-casing changes its length ("İ"). */
function lowerOf(code: number): number {
  let lower = lowerCodes[code] ?? 0;
  if (lower === 0) {
    const s = String.fromCharCode(code).toLowerCase();
    lower = s.length === 1 ? s.charCodeAt(0) : 0xffff;
    lowerCodes[code] = lower;
  }
  return lower === 0xffff ? 0 : lower;
}

const isSymbol = (c: CharClass) => c >= CharClass.Wildcard;

// FNV-1a over UTF-16 code units of the lower-case word.
const hashSeed = 0x811c9dc5 | 0;
const hashStep = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);

/** The hash `scanWords` computes for a lower-case word. */
export function hashWord(word: string): number {
  let h = hashSeed;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** Key of a word's first four letters, to spot compounds such as "lorteservice". */
export function headKey(word: string): number {
  return hashWord(word.slice(0, 4));
}

/** Key of a word's last three letters, to spot compounds such as "kæmpeidiot". */
export function tailKey(a: number, b: number, c: number): number {
  return hashStep(hashStep(hashStep(hashSeed, a), b), c);
}

export type ScannedWord = {
  /** Offsets of the word without leading or trailing symbols ("#idiot!!!" -> "idiot"). */
  start: number;
  end: number;
  /** Offsets including them. */
  rawStart: number;
  rawEnd: number;
  /** Hash of the lower-case word; meaningful only when `isPlain`. */
  hash: number;
  /** Only letters, each lower-casing to one code unit: the hash identifies the word. */
  isPlain: boolean;
  hasLetters: boolean;
  hasDigits: boolean;
  hasLeet: boolean;
  hasWildcard: boolean;
  /** The same letter three times in a row: "iiidiot". */
  hasTripleRun: boolean;
  headKey: number;
  tailKey: number;
};

/**
 * Calls `visit` for every word: a run of letters, digits and disguise symbols. Runs of
 * symbols only ("***") are reported too, with start === end, so they keep their place
 * in the sequence.
 */
export function scanWords(text: string, visit: (word: ScannedWord) => void): void {
  const n = text.length;
  const word: ScannedWord = {
    start: 0,
    end: 0,
    rawStart: 0,
    rawEnd: 0,
    hash: 0,
    isPlain: true,
    hasLetters: false,
    hasDigits: false,
    hasLeet: false,
    hasWildcard: false,
    hasTripleRun: false,
    headKey: 0,
    tailKey: 0,
  };
  let i = 0;
  while (i < n) {
    if (classOf(text.charCodeAt(i)) === CharClass.Separator) {
      i++;
      continue;
    }
    const rawStart = i;
    while (i < n && classOf(text.charCodeAt(i)) !== CharClass.Separator) i++;
    const rawEnd = i;
    let start = rawStart;
    let end = rawEnd;
    while (start < end && isSymbol(classOf(text.charCodeAt(start)))) start++;
    while (end > start && isSymbol(classOf(text.charCodeAt(end - 1)))) end--;
    word.start = start;
    word.end = end;
    word.rawStart = rawStart;
    word.rawEnd = rawEnd;
    word.isPlain = true;
    word.hasLetters = false;
    word.hasDigits = false;
    word.hasLeet = false;
    word.hasWildcard = false;
    word.hasTripleRun = false;
    let h = hashSeed;
    let head = hashSeed;
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      const cls = classOf(code);
      if (cls === CharClass.Letter) {
        word.hasLetters = true;
        const lower = lowerOf(code);
        if (lower === 0) word.isPlain = false;
        h = hashStep(h, lower);
        if (k - start < 4) head = hashStep(head, lower);
        if (lower === c && lower === b) word.hasTripleRun = true;
        a = b;
        b = c;
        c = lower;
      } else {
        word.isPlain = false;
        if (cls === CharClass.Digit) word.hasDigits = true;
        else if (cls === CharClass.Leet) word.hasLeet = true;
        else if (cls === CharClass.Wildcard) word.hasWildcard = true;
      }
    }
    word.hash = h;
    word.headKey = head;
    word.tailKey = tailKey(a, b, c);
    visit(word);
  }
}
