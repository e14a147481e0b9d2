import { detectLanguage } from "./language";
import { DA_MARKERS, EN_MARKERS } from "./lexicon/function-words";
import { NAME_FOLLOWERS, NAME_WORDS, NAME_WORDS_DA, NAME_WORDS_EN } from "./lexicon/name-words";
import { KIN_WORDS } from "./lexicon/rules";
import { inLexicon, type LexiconLanguage } from "./lookup";
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

type FormKind = "full" | "first" | "nick" | "initial" | "surname";

type NameForm = {
  employee: EmployeeRef;
  kind: FormKind;
  /** Accepted folded spellings per name part ("søren" -> søren, soren, soeren). */
  parts: ReadonlyArray<ReadonlySet<string>>;
  /** Every part is also an ordinary word ("Bo", "Glad"): demand a capital. */
  isWordLike: boolean;
};

type CompiledRoster = {
  index: Map<string, NameForm[]>;
  /** First names two or more employees share ("Lars"), by folded spelling. */
  shared: Map<string, EmployeeRef[]>;
  /** Folded parts of each employee's names and nicknames, by id. */
  ownParts: Map<string, Set<string>>;
  /** Folded first names and nicknames of everyone ("Sofie Ahmad og Karin" is a list). */
  callNames: Set<string>;
};

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
    // "Aagaard" is also written "Ågaard"; "O'Neill" also "ONeill".
    [/aa/g, "å"],
    [/aa/, "å"],
    [/'/g, ""],
  ];
  for (const [re, to] of swaps) {
    for (const value of [...out]) if (re.test(value)) out.add(value.replace(re, to));
  }
  return out;
}

function isFunctionWord(folded: string): boolean {
  return DA_MARKERS.has(folded) || EN_MARKERS.has(folded);
}

/** A name part that is also a word: "Glad", "Frisk", "Will", "Hans". */
function isOrdinaryWord(folded: string): boolean {
  return (
    NAME_WORDS.has(folded) ||
    isFunctionWord(folded) ||
    inLexicon(folded, "da") ||
    inLexicon(folded, "en")
  );
}

/**
 * Whether a name part is an ordinary word in this text. English name-words that Danish
 * lacks are names in a Danish text ("drew er en legende", "Hope er for vild"); Danish
 * texts borrow few English words, while English texts use many a Danish name-word
 * ("line", "storm", "else"), so the relief goes one way only.
 */
function isWordIn(folded: string, language?: LexiconLanguage): boolean {
  if (!isOrdinaryWord(folded)) return false;
  if (language !== "da") return true;
  return (
    NAME_WORDS_DA.has(folded) ||
    DA_MARKERS.has(folded) ||
    inLexicon(folded, "da") ||
    !NAME_WORDS_EN.has(folded)
  );
}

function splitName(name: string): string[] {
  return name
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0);
}

/**
 * Compiles a roster into a name index. First names and nicknames match alone only when no
 * one else in the organisation has them. A shared first name ("Lars") is resolved only by
 * the rest of the name ("Lars Nielsen", "Lars N.", "Lars Bo"), or later in a text that has
 * already named one of them in full. A surname alone is not a reference: "Mrs Larsen",
 * "Larsens Plads" and "bor i Lund" are other people and places.
 */
export function createEmployeeMatcher(employees: EmployeeRef[]): EmployeeMatcher {
  // Who answers to each first name or nickname.
  const callers = new Map<string, Set<string>>();
  const firstNames = new Map<string, EmployeeRef[]>();
  const ownParts = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(id);
    map.set(key, set);
  };
  for (const employee of employees) {
    const parts = splitName(employee.name);
    if (parts.length === 0) continue;
    const firstKey = foldName(parts[0] as string);
    add(callers, firstKey, employee.id);
    firstNames.set(firstKey, [...(firstNames.get(firstKey) ?? []), employee]);
    for (const nick of employee.nicknames ?? []) add(callers, foldName(nick.trim()), employee.id);
    const own = ownParts.get(employee.id) ?? new Set<string>();
    for (const part of [...parts, ...(employee.nicknames ?? [])]) {
      for (const piece of part.split(/[\s-]+/)) {
        if (piece) for (const key of spellings(piece)) own.add(key);
      }
    }
    ownParts.set(employee.id, own);
  }
  const surnames = new Map<string, number>();
  for (const employee of employees) {
    const parts = splitName(employee.name);
    if (parts.length < 2) continue;
    const key = foldName(parts[parts.length - 1] as string);
    surnames.set(key, (surnames.get(key) ?? 0) + 1);
  }
  const onlyFor = (map: Map<string, Set<string>>, key: string, id: string) => {
    const set = map.get(key);
    return !!set && set.size === 1 && set.has(id);
  };

  const index = new Map<string, NameForm[]>();
  const addForm = (employee: EmployeeRef, kind: FormKind, rawParts: string[]) => {
    if (rawParts.length === 0) return;
    const parts = rawParts.map(spellings);
    const folded = rawParts.map((part) => foldName(part));
    // One word that is also a word needs a capital; a lower-case full name ("line bach")
    // is still a name unless every part is a function word.
    const isWordLike =
      folded.length === 1 ? isOrdinaryWord(folded[0] as string) : folded.every(isFunctionWord);
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
      addForm(employee, "full", parts);
      if (withHyphensSplit.length !== parts.length) addForm(employee, "full", withHyphensSplit);
      if (parts.length >= 3) {
        addForm(employee, "full", [first, last]);
        // "Lars Bo", "Jens Christian": first and middle name, also hyphenated ("Karl-Johan").
        addForm(employee, "full", [first, parts[1] as string]);
        addForm(employee, "full", [`${first}-${parts[1] as string}`]);
        // "svendaage", "annemarie": a double first name written as one word.
        addForm(employee, "full", [`${first}${parts[1] as string}`]);
      }
      // "Lars N.": first name and the initial of the surname, when that tells them apart.
      const initial = foldName(last).charAt(0);
      const sameInitial = (firstNames.get(foldName(first)) ?? []).filter((other) => {
        const otherParts = splitName(other.name);
        return foldName(otherParts[otherParts.length - 1] ?? "").charAt(0) === initial;
      });
      if (sameInitial.length === 1 && initial) addForm(employee, "initial", [first, initial]);
    }
    const firstKey = foldName(first);
    if (onlyFor(callers, firstKey, employee.id)) {
      addForm(employee, "first", [first]);
      if (first.includes("-")) {
        addForm(employee, "first", first.split("-").filter(Boolean));
        // "Maibritt", "Annemarie": a double first name written as one word.
        addForm(employee, "first", [first.replace(/-/g, "")]);
      }
    }
    // "Dr. Whitfield", "overlæge krog", "Brinch gider ikke": a surname no colleague shares.
    const surnameKey = parts.length >= 2 ? foldName(last) : "";
    if (
      surnameKey.length >= 3 &&
      (surnames.get(surnameKey) ?? 0) === 1 &&
      !callers.has(surnameKey) &&
      !COMMON_SURNAMES.has(surnameKey)
    ) {
      addForm(employee, "surname", [last]);
    }
    for (const nick of employee.nicknames ?? []) {
      const nickKey = foldName(nick.trim());
      if (nickKey === firstKey || !onlyFor(callers, nickKey, employee.id)) continue;
      const nickParts = splitName(nick);
      addForm(employee, "nick", nickParts);
      if (nickParts.length === 2) addForm(employee, "nick", [nickParts.join("")]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.parts.length - a.parts.length);

  const shared = new Map<string, EmployeeRef[]>();
  for (const [key, list] of firstNames) if (list.length >= 2) shared.set(key, list);

  const callNames = new Set<string>();
  for (const key of callers.keys()) for (const spelling of spellings(key)) callNames.add(spelling);
  const compiled: CompiledRoster = { index, shared, ownParts, callNames };
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

/**
 * The commonest Danish and English surnames are shared by so many people that alone they
 * name someone else ("Mrs Larsen", "Larsens Plads").
 */
const COMMON_SURNAMES = new Set(
  (
    "jensen nielsen hansen pedersen andersen christensen larsen sørensen rasmussen jørgensen " +
    "petersen madsen kristensen olsen thomsen christiansen poulsen johansen møller mortensen " +
    "knudsen jakobsen jacobsen mikkelsen olesen frederiksen laursen henriksen schmidt eriksen " +
    "kristiansen clausen simonsen svendsen andreasen iversen jeppesen mogensen jespersen " +
    "nissen lauridsen frandsen jepsen carlsen jessen christoffersen bertelsen lassen " +
    "gregersen johnsen steffensen kjeldsen lauritsen danielsen mathiasen andresen mathiesen " +
    "smith jones williams brown taylor johnson wilson davies evans thomas roberts walker " +
    "wright robinson thompson white hughes edwards green hall wood harris lewis martin " +
    "jackson clarke clark turner hill scott cooper morris ward moore king watson baker"
  ).split(" "),
);

/**
 * "Driftschef Ploug", "afdelingsleder Bak", "Reservelægen Farahani", "Taksatoren Gravesen":
 * a head of something or a profession, by the end of the word.
 */
const TITLE_ENDINGS =
  /(chef|chefen|leder|lederen|direktør|direktøren|læge|lægen|sygeplejerske|sygeplejersken|taksator|taksatoren|konsulent|konsulenten)$/;

/**
 * Titles and roles that mark the next word as a person's name: "Dr. Whitfield", "Captain
 * Lindholm". Those by ending ("overlæge krog", "dyrlægen") are in TITLE_ENDINGS.
 */
const NAME_TITLES = new Set(
  (
    "dr doktor doctor nurse professor prof " +
    "mr mrs ms miss hr fru frk chauffør chaufføren driver rådgiver rådgiveren advisor " +
    "jordemoder jordemoderen portør portøren sagsbehandler sagsbehandleren træner træneren " +
    "instruktør instruktøren vicevært viceværten pedel pedellen formand formanden pædagog " +
    "pædagogen coach trainer instructor teacher manager caretaker officer vet " +
    "kaptajn kaptajnen captain skipperen adjuster inspector inspektør inspektøren"
  ).split(" "),
);

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

/** Words that are often capitalised mid-sentence in chat ("Tak Julie Du er den bedste"). */
const CAPITALISED_COMMON = new Set(
  (
    "du dig din dit dine hun han hende ham vi de dem jeg i tak hej you she he we they thanks " +
    "thank hi hey ps monday tuesday wednesday thursday friday saturday sunday january " +
    "february march april may june july august september october november december"
  ).split(" "),
);

/**
 * A capitalised word right after a lone first name or nickname that is neither part of
 * that person's name nor a colleague's first name makes it someone else: "Kim Larsen" (the
 * singer, not Kim Berg), but "Sofie Ahmad og Karin" is a list.
 */
function isForeignName(
  token: Token | undefined,
  own: ReadonlySet<string> | undefined,
  compiled: CompiledRoster,
): boolean {
  if (token?.kind !== "word" || token.text.length <= 1 || !isCapitalised(token)) return false;
  const folded = foldName(token.lower);
  // "Tak Julie Du er den bedste": a capitalised ordinary word is no surname.
  return (
    !own?.has(folded) &&
    !compiled.callNames.has(folded) &&
    !NAME_FOLLOWERS.has(token.lower) &&
    !CAPITALISED_COMMON.has(folded) &&
    !isFunctionWord(folded) &&
    !inLexicon(folded, "da") &&
    !inLexicon(folded, "en")
  );
}

function matchAt(
  tokens: Token[],
  i: number,
  form: NameForm,
  sentenceStart: number,
  sentenceEnd: number,
  compiled: CompiledRoster,
  language?: LexiconLanguage,
): number | undefined {
  const n = form.parts.length;
  let j = i;
  let capitals = 0;
  let apostrophe = false;
  let lastKey = "";
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
    lastKey = hit.key;
    j++;
  }
  const lastToken = j - 1;
  if (form.kind === "initial") {
    const initial = tokens[lastToken] as Token;
    if (initial.text.length !== 1 || !isCapitalised(initial)) return undefined;
  }
  const next = lastToken + 1 < sentenceEnd ? tokens[lastToken + 1] : undefined;
  if (n === 1 && isForeignName(next, compiled.ownParts.get(form.employee.id), compiled)) {
    return undefined;
  }
  const first = tokens[i] as Token;
  const before = wordBefore(tokens, i);
  // "min datter Liv", "my colleague Joy": a relative or friend with a colleague's name.
  if (n === 1 && before && KIN_WORDS.has(before.lower)) return undefined;
  // "vores hund Ludvig", "our cat Holger": a pet with a colleague's name.
  if (n === 1 && before && before.end + 1 >= first.start && PET_WORDS.has(before.lower))
    return undefined;
  // "er skipper på en kutter", "en vilde": lower case after a copula or article is a noun.
  if (
    n === 1 &&
    before &&
    !isCapitalised(first) &&
    before.end + 1 >= first.start &&
    PREDICATE_WORDS.has(before.lower)
  )
    return undefined;
  if (form.kind === "surname") {
    // "Dr. Whitfield", "overlæge krog": a title makes any surname a name.
    if (before && (NAME_TITLES.has(before.lower) || TITLE_ENDINGS.test(before.lower)))
      return lastToken;
    // Otherwise only a capitalised surname that is no word ("Brinch gider ikke ...") and
    // no other first name before it ("Peter Whitfield" is someone else, "Chris Dunne" is
    // Christopher Dunne).
    if (!isCapitalised(first)) return undefined;
    // "butikken i Nyborg", "bor i Holstebro", "the shop in Nyborg": a surname alone after
    // "i"/"in" is a town.
    if (before && PLACE_PREPOSITIONS.has(before.lower)) return undefined;
    // A surname that is also a word ("Hjort", "Fugl") is a name only where a name's place
    // is plain: opening a sentence before a verb ("Hjort er en dygtig dyrlæge"), thanked,
    // or joined to a colleague's name ("Hjort and Seun", "Seun og Hjort").
    if (
      isWordIn(lastKey, language) &&
      !(
        (firstWordIndex(tokens, sentenceStart, sentenceEnd) === i &&
          i + 1 < sentenceEnd &&
          tokens[i + 1]?.kind === "word" &&
          !PREPOSITIONS.has(tokens[i + 1]?.lower ?? "") &&
          isNameFollower(tokens, i + 1, language)) ||
        isThanked(tokens, i) ||
        joinedToCallName(tokens, i, sentenceStart, sentenceEnd, compiled)
      )
    )
      return undefined;
    if (
      before &&
      before.end + 1 >= first.start &&
      isForeignName(before, undefined, compiled) &&
      !isShortFormOf(before, form.employee)
    )
      return undefined;
    return lastToken;
  }
  // "Bjorn" is no word even though "bjørn" is, and "drew" no Danish one: the spelling
  // written, in the text's language, decides.
  // "Kat Ahlers": a call name that is also a word, followed by the person's own surname.
  const ownNext =
    n === 1 &&
    next?.kind === "word" &&
    isCapitalised(next) &&
    (compiled.ownParts.get(form.employee.id)?.has(foldName(next.lower)) ?? false);
  if (form.isWordLike && !ownNext && (n > 1 || isWordIn(lastKey, language))) {
    // "tak til bamse for hjælpen": whom one thanks is a person, capital or not.
    if (n === 1 && isThanked(tokens, i)) return lastToken;
    if (capitals === 0) return undefined;
    if (n === 1) {
      const token = first;
      if (!isCapitalised(token)) return undefined;
      // Sentence-initial capitals prove nothing: "Glad for hjælpen", "Hans hjælp".
      const isSentenceInitial = firstWordIndex(tokens, sentenceStart, sentenceEnd) === i;
      // Danish plurals seldom end in -s: "Livs ro", "Bjørns humør" are possessives.
      const keys = tokenKeys(token);
      const exact = keys[0] && (form.parts[0] as ReadonlySet<string>).has(keys[0].key);
      const nextToken = tokens[i + 1];
      const danishPossessive =
        !exact &&
        language === "da" &&
        nextToken?.kind === "word" &&
        !isCapitalised(nextToken) &&
        !isWordIn(foldName(token.lower), language);
      if (isSentenceInitial && !apostrophe && !danishPossessive) {
        const followerOk =
          !nextToken ||
          i + 1 >= sentenceEnd ||
          (nextToken.kind === "punct" && /^[,!:.?…(-]/.test(nextToken.text)) ||
          nextToken.kind === "emoji" ||
          nextToken.kind === "emoticon" ||
          (nextToken.kind === "word" && isNameFollower(tokens, i + 1, language));
        if (!followerOk) return undefined;
      }
      // A plain -s possessive of a word-like name is too often a plural ("roses").
      if (!exact && !apostrophe && isSentenceInitial && !danishPossessive) return undefined;
    }
  }
  return lastToken;
}

const COORDINATORS = new Set(["og", "and", "&"]);
/** Prepositions follow a name ("Bo fra kommunen") but also a word ("Frost på vejene"). */
const PREPOSITIONS = new Set(["i", "på", "fra", "ved", "hos", "at", "in", "from", "on"]);
/** Animals a name may follow: the pet, not the employee. */
const PET_WORDS = new Set(
  "hund hunden hundehvalp hvalp hvalpen kat katten killing kanin kaninen hest hesten dog puppy cat kitten rabbit horse".split(
    " ",
  ),
);
/** Before a lone surname, these make it a place ("i Nyborg", "in Nyborg"). */
const PLACE_PREPOSITIONS = new Set(["i", "in"]);
/** Copulas and articles: a lower-case word after them is a noun, not a name. */
const PREDICATE_WORDS = new Set(["er", "var", "som", "en", "et", "is", "was", "as", "a", "an"]);
/** English present tenses that follow a name ("Grace deserves"); not any "-s" ("Hope things"). */
const EN_PRESENT = new Set(
  (
    "deserves knows helps makes takes gives keeps gets goes says works cares listens explains " +
    "remembers treats handles runs drives answers smiles understands rocks always never"
  ).split(" "),
);
const EN_PAST_IRREGULAR = new Set(
  "got took made gave came went saw kept sat stood drove brought found left met told spent".split(
    " ",
  ),
);

/**
 * What may follow a sentence-initial name that is also a word: a verb ("Bo var", "Tage
 * picked me up", "Bjørn kørte", "Ulla fortjener"), or "og" before another capitalised name ("Liv og Mai-Britt",
 * not "Liv og glade dage").
 */
function isNameFollower(tokens: Token[], j: number, language?: LexiconLanguage): boolean {
  const token = tokens[j] as Token;
  if (COORDINATORS.has(token.lower)) {
    const after = tokens[j + 1];
    return after?.kind === "word" && isCapitalised(after);
  }
  if (NAME_FOLLOWERS.has(token.lower)) return true;
  if (language !== "da" && EN_PAST_IRREGULAR.has(token.lower)) return true;
  if (isCapitalised(token) || token.lower.length < 4) return false;
  if (isFunctionWord(foldName(token.lower))) return false;
  // A past tense: Danish "-ede"/"-te", English "-ed" or a common irregular one.
  if (language !== "en" && /(ede|[^e]te)$/.test(token.lower)) return true;
  if (language !== "da" && /[^e]ed$/.test(token.lower)) return true;
  // A present tense: Danish "-er" ("Ulla fortjener"), a common English one ("Grace deserves").
  if (language === "da" && /[^e]er$/.test(token.lower)) return true;
  if (language === "en" && EN_PRESENT.has(token.lower)) return true;
  return false;
}

/** "Hjort og Seun", "Seun and Hjort": a word joined by "og"/"and" to a colleague's call name. */
function joinedToCallName(
  tokens: Token[],
  i: number,
  start: number,
  end: number,
  compiled: CompiledRoster,
): boolean {
  const isCallName = (j: number) => {
    const token = tokens[j];
    return (
      j >= start &&
      j < end &&
      token?.kind === "word" &&
      isCapitalised(token) &&
      compiled.callNames.has(foldName(token.lower))
    );
  };
  return (
    (COORDINATORS.has(tokens[i + 1]?.lower ?? "") && isCallName(i + 2)) ||
    (i - 1 > start && COORDINATORS.has(tokens[i - 1]?.lower ?? "") && isCallName(i - 2))
  );
}

/** "tak til X", "thanks to X", "thank you X": the word after names a person. */
function isThanked(tokens: Token[], i: number): boolean {
  const a = tokens[i - 2]?.lower;
  const b = tokens[i - 1]?.lower;
  return (
    (a === "tak" && b === "til") || (a === "thanks" && b === "to") || (a === "thank" && b === "you")
  );
}

/** "Chris" before "Dunne" is Christopher Dunne: a short form of the first name. */
function isShortFormOf(token: Token, employee: EmployeeRef): boolean {
  const first = foldName(splitName(employee.name)[0] ?? "");
  const short = foldName(token.lower);
  return short.length >= 3 && short.length < first.length && first.startsWith(short);
}

/** The word before token `i`, across a title's full stop ("Dr. Whitfield"). */
function wordBefore(tokens: Token[], i: number): Token | undefined {
  let j = i - 1;
  if (tokens[j]?.text === ".") j--;
  const token = tokens[j];
  return token?.kind === "word" ? token : undefined;
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
  language?: LexiconLanguage,
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
          const last = matchAt(tokens, i, form, span.start, span.end, compiled, language);
          if (last !== undefined && (!best || last > best.last)) best = { form, last };
        }
      }
      if (best) {
        matches.push({ employee: best.form.employee, firstToken: i, lastToken: best.last });
        i = best.last;
      }
    }
  }
  if (compiled.shared.size > 0 && matches.length > 0)
    resolveSharedFirstNames(compiled, tokens, sentences, matches);
  return matches;
}

/**
 * "Fik forskellige svar af Lars Nielsen og Julie Hansen ... men Lars burde vide bedre": a
 * shared first name refers to the one colleague of that name the text has already named.
 */
function resolveSharedFirstNames(
  compiled: CompiledRoster,
  tokens: Token[],
  sentences: Span[],
  matches: NameMatch[],
): void {
  const named = new Set(matches.map((m) => m.employee.id));
  const covered = new Set<number>();
  for (const m of matches) for (let t = m.firstToken; t <= m.lastToken; t++) covered.add(t);
  const added: NameMatch[] = [];
  for (const span of sentences) {
    for (let i = span.start; i < span.end; i++) {
      const token = tokens[i] as Token;
      if (token.kind !== "word" || covered.has(i)) continue;
      const folded = foldName(token.lower);
      const stem = possessiveStem(folded);
      const sharers = compiled.shared.get(folded) ?? (stem ? compiled.shared.get(stem) : undefined);
      if (!sharers) continue;
      const candidates = sharers.filter((employee) => named.has(employee.id));
      if (candidates.length !== 1) continue;
      if (isOrdinaryWord(folded) && !isCapitalised(token)) continue;
      const employee = candidates[0] as EmployeeRef;
      const next = i + 1 < span.end ? tokens[i + 1] : undefined;
      if (isForeignName(next, compiled.ownParts.get(employee.id), compiled)) continue;
      added.push({ employee, firstToken: i, lastToken: i });
    }
  }
  if (added.length === 0) return;
  matches.push(...added);
  matches.sort((a, b) => a.firstToken - b.firstToken);
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
  "(",
  ")",
]);
const CONTRASTS = new Set(["men", "but", "whereas", "mens"]);
const COORDINATION = new Set([
  ",",
  "og",
  "and",
  "&",
  "samt",
  "+",
  "eller",
  "or",
  "nor",
  "hverken",
  "neither",
]);
/** Pronouns that point back to the person just named ("Hun var fantastisk"). */
const SINGULAR_PRONOUNS = new Set([
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
/** Pronouns that point back to everyone named in the sentence before ("De var søde"). */
const PLURAL_PRONOUNS = new Set(["de", "dem", "deres", "begge", "they", "them", "their", "both"]);
/** A following sentence this short is a verdict on what came before: "Sådan!", "Top!". */
const SHORT_VERDICT_WORDS = 5;

function sumIn(
  doc: AnalyzedText,
  from: number,
  to: number,
  ownWeight = false,
  pastContrast = false,
): number {
  let sum = 0;
  for (const c of doc.contributions) {
    if (c.firstToken < from || c.firstToken >= to) continue;
    // "Stine er sød, men hun kan ikke gøre noget": the person praised and then excused
    // is not the one the "men" complains about.
    if (pastContrast && c.rules[0] === "implied-complaint") continue;
    sum += ownWeight && c.contrast ? c.weight / c.contrast : c.weight;
  }
  return sum;
}

function isPolar(sum: number): boolean {
  return Math.abs(sum) >= NEUTRAL_BAND;
}

function labelOf(sum: number): SentimentLabel {
  return sum >= NEUTRAL_BAND ? "positive" : sum <= -NEUTRAL_BAND ? "negative" : "neutral";
}

/** How far a mention's sentiment had to be looked for: the nearer, the more it counts. */
enum Scope {
  Clause = 1,
  Contrast = 2,
  Following = 3,
  Sentence = 4,
  Text = 5,
}

type Scored = { match: NameMatch; sum: number; scope: Scope };

/**
 * Sentiment per mention, from the nearest text that has an opinion:
 *
 * 1. the name's own clause: from the clause boundary before the name to the next name, the
 *    next "men"/"but", or the end of the sentence ("Sofie var sød, men Lars var sur");
 *    names joined by "og" share what follows ("JC og Tommy fik styr på det");
 * 2. a contrast with another named person: "Mads var sur, men Sofie fandt den" makes
 *    Sofie the opposite of Mads;
 * 3. the following sentences that refer back: a pronoun ("Hun var fantastisk", "They were
 *    honest"), a short verdict ("Sådan!", "Godt håndteret.") or one that opens with an
 *    opinion word ("Kind, calm and ..."), up to the next name;
 * 4. the whole sentence;
 * 5. for a text about one person, the whole text.
 *
 * One mention per employee is kept: the one found at the nearest scope, then the strongest.
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
  const singlePerson = new Set(matches.map((m) => m.employee.id)).size === 1;

  const scored: Scored[] = [];
  for (const [s, list] of bySentence) {
    const span = sentences[s] as Span;
    const clauses = list.map((_match, k) => clauseOf(tokens, span, list, k));
    const sums = clauses.map(([from, to], k) => {
      const pastContrast = spansContrast(tokens, list[k] as NameMatch, from, to);
      return sumIn(doc, from, to, !pastContrast, pastContrast);
    });
    list.forEach((match, k) => {
      let sum = sums[k] as number;
      let scope = Scope.Clause;
      // "JC og Tommy fik styr på det": a name joined to the next shares its clause.
      for (let j = k; !isPolar(sum) && j + 1 < list.length; j++) {
        if (!onlyCoordination(tokens, list[j] as NameMatch, list[j + 1] as NameMatch)) break;
        sum = sums[j + 1] as number;
      }
      if (!isPolar(sum)) {
        const opposite = contrastedWith(tokens, list, sums, k);
        if (opposite !== 0) {
          sum = -Math.sign(opposite) * NEUTRAL_BAND;
          scope = Scope.Contrast;
        }
      }
      // "Huge thanks to Viggo, ... because he was scared", "Tak til Bente": thanked by name.
      if (!isPolar(sum) || sum < 0) {
        const thanks = thankedWeight(doc, match);
        if (thanks > 0) {
          sum = Math.max(sum, NEUTRAL_BAND, thanks);
          scope = Scope.Clause;
        }
      }
      const appointment = isAppointment(tokens, match);
      if (!isPolar(sum) && !appointment) {
        const following = followingVerdict(doc, s, match, list, k === list.length - 1);
        if (isPolar(following)) {
          sum = following;
          scope = Scope.Following;
        }
      }
      if (!isPolar(sum)) {
        const opposite = contrastedAcrossSentences(doc, s, bySentence, k);
        if (opposite !== 0) {
          sum = -Math.sign(opposite) * NEUTRAL_BAND;
          scope = Scope.Contrast;
        }
      }
      if (!isPolar(sum)) {
        // The sentence, less what its other names' own clauses say: "Anders var på ferie,
        // så Dorthe tog over og klarede det" praises Dorthe only.
        sum = sumIn(doc, span.start, span.end);
        list.forEach((other, o) => {
          const [from, to] = clauses[o] as [number, number];
          if (
            o !== k &&
            other.employee.id !== match.employee.id &&
            isPolar(sums[o] as number) &&
            commaBetween(tokens, match, other)
          )
            sum -= sumIn(doc, from, to);
        });
        scope = Scope.Sentence;
      }
      // A text about one person: an otherwise neutral mention takes the text's verdict.
      if (!isPolar(sum) && singlePerson && !appointment) {
        sum = doc.sum;
        scope = Scope.Text;
      }
      scored.push({ match, sum, scope });
    });
  }

  const best = new Map<string, Scored>();
  for (const entry of scored) {
    const current = best.get(entry.match.employee.id);
    if (!current || isBetter(entry, current)) best.set(entry.match.employee.id, entry);
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

/** Words right before a name that thank or greet that person: "tak til X", "thanks to X". */
const THANKS_LINKS = new Set(["til", "to", "you"]);

/**
 * The weight of a thanks or greeting aimed at the name: "Tak til Bente", "Huge thanks to
 * Viggo", "Thank you Joy", "Hils Myre". 0 when there is none, or when it was turned
 * (irony, negation).
 */
function thankedWeight(doc: AnalyzedText, match: NameMatch): number {
  const { tokens } = doc;
  let j = match.firstToken - 1;
  if (THANKS_LINKS.has(tokens[j]?.lower ?? "")) j--;
  if (j < 0 || tokens[j]?.kind !== "word") return 0;
  for (const c of doc.contributions) {
    if (c.firstToken <= j && c.lastToken >= j && c.lastToken < match.firstToken) {
      return c.weight > 0 && !c.rules.includes("negation") ? c.weight : 0;
    }
  }
  return 0;
}

/**
 * "Jeg havde tid hos Miles Whitfield kl 9, men ...": the person one has an appointment
 * with is only where the rest of the text happened.
 */
function isAppointment(tokens: Token[], match: NameMatch): boolean {
  return wordBefore(tokens, match.firstToken)?.lower === "hos";
}

function isBetter(a: Scored, b: Scored): boolean {
  const aPolar = isPolar(a.sum);
  const bPolar = isPolar(b.sum);
  if (aPolar !== bPolar) return aPolar;
  if (a.scope !== b.scope) return a.scope < b.scope;
  return Math.abs(a.sum) > Math.abs(b.sum);
}

/** The token range [from, to) of the clause around the k-th name of a sentence. */
function clauseOf(tokens: Token[], span: Span, list: NameMatch[], k: number): [number, number] {
  const match = list[k] as NameMatch;
  const prev = list[k - 1];
  const next = list[k + 1];
  let from = prev ? prev.lastToken + 1 : span.start;
  for (let t = match.firstToken - 1; t >= from; t--) {
    if (CLAUSE_DELIMITERS.has((tokens[t] as Token).lower)) {
      from = t;
      break;
    }
  }
  let to = span.end;
  if (next) {
    to = next.firstToken;
    for (let t = next.firstToken - 1; t > match.lastToken; t--) {
      if (CLAUSE_DELIMITERS.has((tokens[t] as Token).lower)) {
        to = t;
        break;
      }
    }
  }
  for (let t = match.lastToken + 1; t < to; t++) {
    // "Dr Khoury ordered an x-ray straight away and it was broken": after "og"/"and" a new
    // subject other than a person starts a clause that is not about the name.
    if (
      COORDINATORS.has((tokens[t] as Token).lower) &&
      t > match.lastToken + 1 &&
      (IMPERSONAL_SUBJECTS.has(tokens[t + 1]?.lower ?? "") ||
        (tokens[t + 1]?.kind === "word" &&
          !SINGULAR_PRONOUNS.has(tokens[t + 1]?.lower ?? "") &&
          !PLURAL_PRONOUNS.has(tokens[t + 1]?.lower ?? "") &&
          COPULAS.has(tokens[t + 2]?.lower ?? "")))
    ) {
      to = t;
      break;
    }
    if (CONTRASTS.has((tokens[t] as Token).lower)) {
      // "Bjarne er sød nok, men han har lovet ...": a pronoun after "men" carries the
      // same person on, and the clause after "men" decides.
      const after = tokens[t + 1];
      if (!next && after?.kind === "word" && SUBJECT_PRONOUNS.has(after.lower)) continue;
      to = t;
      break;
    }
  }
  return [from, to];
}

const SUBJECT_PRONOUNS = new Set(["han", "hun", "he", "she"]);
/** "og varmen er stadig væk": a noun and a copula after "og" start a new clause. */
const COPULAS = new Set(["er", "var", "blev", "is", "was", "were", "are"]);
/** Subjects that start a clause about a thing, not a person: "og det var", "and it was". */
const IMPERSONAL_SUBJECTS = new Set(["det", "den", "it", "there", "der"]);

/** Whether a name's clause runs on past a "men"/"but" (see `clauseOf`). */
function spansContrast(tokens: Token[], match: NameMatch, from: number, to: number): boolean {
  for (let t = Math.max(from, match.lastToken + 1); t < to; t++) {
    if (CONTRASTS.has((tokens[t] as Token).lower)) return true;
  }
  return false;
}

/** Whether a comma or semicolon separates two names ("X var på ferie, så Y ..."). */
function commaBetween(tokens: Token[], a: NameMatch, b: NameMatch): boolean {
  const [from, to] =
    a.firstToken < b.firstToken ? [a.lastToken, b.firstToken] : [b.lastToken, a.firstToken];
  for (let t = from + 1; t < to; t++) {
    const text = (tokens[t] as Token).text;
    if (text === "," || text === ";") return true;
  }
  return false;
}

function onlyCoordination(tokens: Token[], a: NameMatch, b: NameMatch): boolean {
  if (b.firstToken === a.lastToken + 1) return false;
  for (let t = a.lastToken + 1; t < b.firstToken; t++) {
    if (!COORDINATION.has((tokens[t] as Token).lower)) return false;
  }
  return true;
}

/** Sentence adverbs that set a person against the one named before: "X derimod ...". */
const SENTENCE_CONTRASTS = new Set(["derimod", "however"]);

/**
 * "Ulla var sød. Anders Krog derimod sagde tre sætninger og gik": the only name of a
 * sentence with "derimod"/"however" is the opposite of a polar name in the sentence before.
 */
function contrastedAcrossSentences(
  doc: AnalyzedText,
  s: number,
  bySentence: Map<number, NameMatch[]>,
  k: number,
): number {
  const list = bySentence.get(s) ?? [];
  const previous = bySentence.get(s - 1);
  if (list.length !== 1 || k !== 0 || !previous) return 0;
  const span = doc.sentences[s] as Span;
  let marked = false;
  for (let t = span.start; t < span.end; t++) {
    const token = doc.tokens[t] as Token;
    if (SENTENCE_CONTRASTS.has(token.lower)) marked = true;
    if (token.lower === "gengæld" && doc.tokens[t - 1]?.lower === "til") marked = true;
  }
  if (!marked) return 0;
  const before = doc.sentences[s - 1] as Span;
  const sum = sumIn(doc, before.start, before.end, true);
  return isPolar(sum) ? sum : 0;
}

/** The polar sum of a named neighbour across a "men"/"but", or 0. */
function contrastedWith(tokens: Token[], list: NameMatch[], sums: number[], k: number): number {
  const match = list[k] as NameMatch;
  for (const j of [k - 1, k + 1]) {
    const other = list[j];
    const otherSum = sums[j];
    if (!other || otherSum === undefined || !isPolar(otherSum)) continue;
    if (other.employee.id === match.employee.id) continue;
    const [from, to] =
      j < k ? [other.lastToken + 1, match.firstToken] : [match.lastToken + 1, other.firstToken];
    for (let t = from; t < to; t++) {
      if (CONTRASTS.has((tokens[t] as Token).lower)) return otherSum;
    }
  }
  return 0;
}

/**
 * The verdict of the sentences after a name that still speak of that person: up to two,
 * and none past the next sentence that names someone.
 */
function followingVerdict(
  doc: AnalyzedText,
  s: number,
  match: NameMatch,
  list: NameMatch[],
  isLastNamed: boolean,
): number {
  const { tokens, sentences } = doc;
  const own = sentences[s] as Span;
  const shortOwn = countWords(tokens, own) <= 3;
  for (let n = s + 1; n <= s + 2 && n < sentences.length; n++) {
    const span = sentences[n] as Span;
    if (namesSomeone(doc, span, match)) return 0;
    const refers =
      pronounReference(tokens, span, isLastNamed, list.length) ||
      countWords(tokens, span) <= SHORT_VERDICT_WORDS ||
      opensWithOpinion(doc, span) ||
      (n === s + 1 && shortOwn);
    if (!refers) return 0;
    const sum = sumIn(doc, span.start, span.end);
    if (isPolar(sum)) return sum;
  }
  return 0;
}

function namesSomeone(doc: AnalyzedText, span: Span, match: NameMatch): boolean {
  return (doc.nameTokens ?? []).some(
    (t) => t >= span.start && t < span.end && t !== match.firstToken,
  );
}

function countWords(tokens: Token[], span: Span): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if ((tokens[i] as Token).kind === "word") n++;
  return n;
}

/** "Hun var ...", "They were ...": does the sentence open by pointing back at the name? */
function pronounReference(
  tokens: Token[],
  span: Span,
  isLastNamed: boolean,
  namedInSentence: number,
): boolean {
  let seen = 0;
  for (let i = span.start; i < span.end && seen < 3; i++) {
    const token = tokens[i] as Token;
    if (token.kind !== "word") continue;
    seen++;
    if (SINGULAR_PRONOUNS.has(token.lower) && (isLastNamed || namedInSentence === 1)) return true;
    // Danish "de" is also an article ("de nye busser"); as a pronoun it opens the sentence.
    if (PLURAL_PRONOUNS.has(token.lower) && (token.lower !== "de" || seen <= 2)) {
      const next = tokens[i + 1];
      if (token.lower !== "de" || (next?.kind === "word" && PRONOUN_VERBS.has(next.lower)))
        return true;
    }
  }
  return false;
}

const PRONOUN_VERBS = new Set([
  "var",
  "er",
  "har",
  "havde",
  "gjorde",
  "gør",
  "hjalp",
  "hjælper",
  "tog",
  "gav",
  "kunne",
  "ville",
  "sagde",
  "fik",
  "lyttede",
  "forklarede",
  "løste",
  "fandt",
  "sørgede",
]);

/** "Kind, calm and knew exactly what to do.": a sentence that opens with an opinion word. */
function opensWithOpinion(doc: AnalyzedText, span: Span): boolean {
  let first = -1;
  for (let i = span.start; i < span.end; i++) {
    if ((doc.tokens[i] as Token).kind === "word") {
      first = i;
      break;
    }
  }
  if (first < 0) return false;
  return doc.contributions.some((c) => c.firstToken === first && c.weight !== 0);
}

/** Name matching plus sentiment in one pass over already tokenised text. */
export function findEmployees(
  matcher: EmployeeMatcher,
  text: string,
  tokens: Token[],
  sentences: Span[],
  language: LexiconLanguage,
): { mentions: EmployeeMention[]; doc: AnalyzedText; names: ReadonlySet<number> } | undefined {
  const matches = matchNames(matcher, tokens, sentences, language);
  if (!matches) return undefined;
  const skip = new Set<number>();
  if (matches.length > 0) {
    for (const m of matches) for (let t = m.firstToken; t <= m.lastToken; t++) skip.add(t);
  }
  const doc = analyzeTokens(text, language, skip, { tokens, sentences });
  doc.nameTokens = matches.map((m) => m.firstToken);
  return { mentions: scoreMentions(doc, matches), doc, names: skip };
}
