/**
 * Danish street addresses: a street name and a house number, optionally a letter, floor and
 * side, and a postcode with town: "Vestergade 12B, 2. tv., 8000 Aarhus C", "Nørregade 5 st.
 * th", "H.C. Andersens Boulevard 27". A street is recognised by its ending (-vej, -gade,
 * -allé, ...) or by a separate street word after a name ("Frederiksberg Allé").
 *
 * Common nouns share those endings ("arbejdsplads 3", "motorvej 18"), so a street written
 * in lower case counts only with more evidence: a floor, side or postcode after it, or
 * "bor på" / "adresse" in front. A wrongly hidden street costs a placeholder on the wall;
 * a leaked home address costs a citizen their privacy, so we lean towards hiding.
 */
import { allMatches } from "./scan";
import type { GuardFinding } from "./types";

/** "a b c" -> ["a", "b", "c"]: keeps long word lists readable and diffable. */
const words = (list: string) => list.trim().split(/\s+/);

// Endings of compound street names, lower case, with their definite forms.
const compoundEndings = words(`
  vej vejen gade gaden allé alle alléen vænge vænget stræde strædet torv torvet plads
  pladsen boulevard boulevarden park parken have haven toft toften tofte bakke bakken
  høj højen vang vangen sti stien lund lunden marken dalen engen kæret krogen brinken
  hegn hegnet holmen vigen broen gyde gyden kaj kajen brygge bryggen passagen
  promenaden sletten svinget løkke løkken
`);
// Street words written apart from the name before them: "Frederiksberg Allé 12".
const separateStreetWords = new Set(
  words(`
    allé alle boulevard vej gade torv plads vænge stræde have park brygge passage kanal
    bakke bro kaj vang promenade
  `),
);
// Street names without a street ending.
const knownStreets = new Set(words("nyhavn strøget amagertorv"));
// Everyday nouns with a street ending: a number after them is not a house number.
const commonNouns = new Set(
  words(`
    motorvej hovedvej omvej genvej udvej landevej luftvej vandvej adgangsvej flugtvej
    togvej gågade brigade arbejdsplads parkeringsplads legeplads p-plads campingplads
    holdeplads siddeplads ståplads praktikplads læreplads studieplads skoleplads
    børnehaveplads vuggestueplads dagplejeplads institutionsplads markedsplads
    børnehave køkkenhave kolonihave baghave forhave urtehave frugthave behave skatepark
    vindmøllepark solcellepark forlystelsespark nationalpark nationalparken cykelsti
    gangsti vandrebakke skibakke
  `),
);
// Words that belong to a compound street's name when in front of it: "Gammel Kongevej".
const namePrefixes = new Set(
  words(`
    gammel gamle ny nye nørre søndre vester øster store lille sankt skt. kongens
    dronning dronningens prins prinsesse kong
  `),
);
// Towns whose name is two words: "2800 Kongens Lyngby", "4070 Kirke Hyllinge".
const townFirstWords = new Set(
  words("kongens store lille nørre søndre vester øster ny gammel kirke hvide"),
);

// Where a house number can be: the end of a word, one or two spaces, an optional "nr.",
// then one to three digits. The engine scans for this cheap shape; the street word is
// then read backwards from the match, and the rest of the number forwards.
const numberAfterWord = /[\p{L}'’-][ \u00a0]{1,2}(?:nr\.?[ \u00a0]?)?\d/gu;
// House number with optional letter ("12B", "12 B") or range ("12-14"), not part of a
// longer number, a decimal or a time.
const houseNumber =
  /\d{1,3}(?:(?<=\d)[A-Za-zÆØÅæøå]|[ \u00a0][A-ZÆØÅ])?(?:-\d{1,3})?(?![\p{L}\p{N}]|[.,:]\p{N})/uy;
const streetChar = /[\p{L}'’-]/u;
const letterOrDigit = /[\p{L}\p{N}]/u;
const maxStreetWord = 41;

/** Start of the street word ending at `end`, or -1 if there is none or it is too long. */
function streetWordStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && end - start < maxStreetWord && streetChar.test(text[start - 1] ?? ""))
    start--;
  // The word must start with a letter and not be glued to more letters or digits.
  while (start < end && !/\p{L}/u.test(text[start] ?? "")) start++;
  if (end - start < 2 || (start > 0 && letterOrDigit.test(text[start - 1] ?? ""))) return -1;
  return start;
}

const floorPattern =
  /,?[ \u00a0]{0,2}(?:(?:st|kl|kld|stuen|parterre)(?![\p{L}\p{N}])\.?|\d{1,2}\.(?:[ \u00a0]?sal(?!\p{L}))?|\d{1,2}[ \u00a0]?sal(?!\p{L}))/iuy;
const sidePattern = /,?[ \u00a0]{0,2}(?:tv|th|mf)(?![\p{L}\p{N}])\.?/iuy;
const postcodePattern =
  /,?[ \u00a0]{0,2}(?:DK-?)?[1-9]\d{3}[ \u00a0]{1,2}(\p{Lu}[\p{L}'’.-]{1,30})/uy;
const districtPattern = /[ \u00a0](?:SV|NV|SØ|NØ|[CKVNSØ])(?![\p{L}\p{N}])\.?/uy;
const secondTownWordPattern = /[ \u00a0]\p{Lu}[\p{L}-]{1,30}/uy;

// Capitalised words that start sentences rather than name streets.
const sentenceStarters = new Set(
  words(`
    i we you they he she it jeg vi du de han hun den det man hej tak kære hilsen og men
    så hello hi thanks
  `),
);

// "bor på", "adresse:", "flyttet til", "lives at" right before a lower-case street.
const addressCue =
  /(?:^|[^\p{L}])(?:bor|boede|bosat|bopæl|adresse|adr|flyttet|flytter|flyttede|boende|lives?|address)\.?(?:[ \u00a0]+(?:på|i|til|at|on|in))?[ \u00a0]*:?[ \u00a0]*$/iu;
const precedingName = /(?:^|[^\p{L}.'’-])((?:\p{Lu}[\p{L}.'’-]{0,30}[ \u00a0]){1,3})$/u;
const precedingWord = /(?:^|[^\p{L}.'’-])([\p{L}.'’-]{1,30}[ \u00a0])$/u;

function hasCompoundEnding(word: string): boolean {
  for (const ending of compoundEndings) {
    // At least two letters before the ending: "Ring" and "Have" alone are not streets.
    if (word.length >= ending.length + 2 && word.endsWith(ending)) return true;
  }
  return false;
}

function isCommonNoun(word: string): boolean {
  if (commonNouns.has(word)) return true;
  // Definite forms: "arbejdspladsen", "motorvejen", "børnehaven".
  for (const suffix of ["en", "et", "n"]) {
    if (word.endsWith(suffix) && commonNouns.has(word.slice(0, -suffix.length))) return true;
  }
  return false;
}

/** Length of what a sticky pattern matches at `at`, or 0. */
function stickyLength(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m ? m[0].length : 0;
}

/** End of the floor, side and postcode/town that follow the house number. */
function tailEnd(text: string, at: number): number {
  let end = at;
  end += stickyLength(floorPattern, text, end);
  end += stickyLength(sidePattern, text, end);
  postcodePattern.lastIndex = end;
  const post = postcodePattern.exec(text);
  if (post) {
    // "9000 Aalborg." ends a sentence; the full stop is not part of the town.
    end += post[0].replace(/\.+$/, "").length;
    const district = stickyLength(districtPattern, text, end);
    if (district > 0) end += district;
    else if (townFirstWords.has((post[1] ?? "").toLowerCase())) {
      end += stickyLength(secondTownWordPattern, text, end);
    }
  }
  return end;
}

export function detectAddresses(text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  for (const m of allMatches(numberAfterWord, text)) {
    const wordEnd = m.index + 1;
    const wordStart = streetWordStart(text, wordEnd);
    if (wordStart < 0) continue;
    houseNumber.lastIndex = m.index + m[0].length - 1;
    const number = houseNumber.exec(text);
    if (!number) continue;
    const word = text.slice(wordStart, wordEnd);
    const lower = word.toLowerCase();
    if (isCommonNoun(lower)) continue;
    let start = wordStart;
    const before = text.slice(Math.max(0, start - 60), start);
    let isCapitalised = /^\p{Lu}/u.test(word);
    if (separateStreetWords.has(lower)) {
      // "Allé" needs a name in front, and both capitalised mark it as a street; "Hej alle 3"
      // and "I Have 2 kids" are not streets.
      const name = precedingName.exec(before);
      const lastName =
        name?.[1]
          ?.trim()
          .split(/[ \u00a0]/)
          .pop()
          ?.toLowerCase() ?? "";
      if (name?.[1] && !sentenceStarters.has(lastName)) {
        start -= name[1].length;
      } else {
        const plain = precedingWord.exec(before);
        if (!plain?.[1]) continue;
        start -= plain[1].length;
        isCapitalised = false;
      }
    } else if (hasCompoundEnding(lower) || knownStreets.has(lower)) {
      // Take "Gammel", "Nørre", "Sankt" ... along with the street.
      for (let i = 0; i < 2; i++) {
        const prev = precedingWord.exec(text.slice(Math.max(0, start - 31), start));
        if (!prev?.[1] || !namePrefixes.has(prev[1].trim().toLowerCase())) break;
        start -= prev[1].length;
      }
    } else {
      continue;
    }
    const numberEnd = houseNumber.lastIndex;
    const end = tailEnd(text, numberEnd);
    const hasCue = end > numberEnd || addressCue.test(text.slice(Math.max(0, start - 30), start));
    if (!isCapitalised && !hasCue) continue;
    found.push({ kind: "address", start, end, severity: "medium" });
  }
  return found;
}
