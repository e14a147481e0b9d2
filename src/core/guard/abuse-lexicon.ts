/**
 * The abuse lexicon: Danish and English words graded mild, strong and slur.
 *
 * Original work written for the anbefal project; not copied from any published word list.
 * It is deliberately small: the wall shows praise, so the aim is to stop the insults and
 * slurs people actually type at public services, not to police every rude word.
 *
 * Grades: mild (swearing, "idiot") is hidden on the wall; strong (sexual or degrading
 * insults, "fuck dig", threats) and slurs keep a text off the wall. A public reply
 * written by an employee may contain none of them.
 *
 * All forms are lower case and list inflections explicitly (Danish "idiot", "idioten",
 * "idioter", "idioterne", "idiotisk"): a stemmer would also hit "idiotsikker" (foolproof).
 */

/** "a b c" -> ["a", "b", "c"]: keeps long word lists readable and diffable. */
const words = (list: string) => list.trim().split(/\s+/);

export type AbuseGrade = "mild" | "strong" | "slur";

export type LexiconEntry = {
  grade: AbuseGrade;
  forms: readonly string[];
  /** Also the last part of a compound: "kæmpeidiot", "møgkælling". */
  asSuffix?: boolean;
  /** Also the first part of a compound: "lorteservice", "pissedårlig". */
  asPrefix?: boolean;
  /** Only abuse when aimed at someone ("din spade"); alone it is a shovel. */
  needsTarget?: "da" | "en";
  /** Praise in front of a positive word: "pisse godt", "fucking amazing". */
  isIntensifier?: boolean;
};

export const lexicon: readonly LexiconEntry[] = [
  // --- Danish, mild ------------------------------------------------------------------
  {
    grade: "mild",
    forms: words("idiot idioten idioter idioterne idiots idiotisk idiotiske idiotiskt"),
    asSuffix: true,
  },
  {
    grade: "mild",
    forms: words("fjols fjolset fjolser fjolserne fjolsehoved"),
    asSuffix: true,
  },
  {
    grade: "mild",
    forms: words("tåbe tåben tåber tåberne tåbelig tåbelige tåbeligt"),
  },
  { grade: "mild", forms: words("nar narren narrehoved") },
  {
    grade: "mild",
    forms: words("tosse tossen tosser tossehoved kvajpande klaphat klaphatte"),
  },
  {
    grade: "mild",
    forms: words("skvadderhoved dumrian dumbo dummernik skiderik skiderikker"),
  },
  { grade: "mild", forms: words("åndssvag åndssvage åndssvagt") },
  { grade: "mild", forms: words("lort lorten lortet lorte"), asPrefix: true },
  { grade: "mild", forms: words("pis pisser pissede") },
  { grade: "mild", forms: words("pisse skide"), asPrefix: true, isIntensifier: true },
  { grade: "mild", forms: words("røv røven røvsyg røvsygt røvsyge røvballe") },
  {
    grade: "mild",
    forms: words("fanden fandme fandeme satan helvede kraftedeme kraftedme"),
  },
  { grade: "mild", forms: words("fandens satans helvedes"), isIntensifier: true },
  { grade: "mild", forms: words("taber taberen tabere taberne"), needsTarget: "da" },
  { grade: "mild", forms: words("klovn klovnen klovne klovnene"), needsTarget: "da" },
  {
    grade: "mild",
    forms: words("spade abe aben aber gris ko kvaj fæ"),
    needsTarget: "da",
  },
  // --- Danish, strong ----------------------------------------------------------------
  {
    grade: "strong",
    forms: words("kælling kællingen kællinger kællingerne luder ludder luderen"),
    asSuffix: true,
  },
  { grade: "strong", forms: words("hore horen horer horerne horeunge horeunger") },
  { grade: "strong", forms: words("fisse fissen fissehoved kusse kussen") },
  { grade: "strong", forms: words("pikhoved pikhoveder pikfjæs pikspiller") },
  { grade: "strong", forms: words("røvhul røvhullet røvhuller røvhullerne"), asSuffix: true },
  { grade: "strong", forms: words("spasser spasseren spassere spasserne møgsvin") },
  { grade: "strong", forms: words("svin svinet so soen"), needsTarget: "da" },
  { grade: "strong", forms: words("mongol mongoler"), needsTarget: "da" },
  // --- English, mild -----------------------------------------------------------------
  { grade: "mild", forms: words("moron morons dumbass jackass imbecile imbeciles") },
  { grade: "mild", forms: words("shit shitty bullshit crap crappy damned hell") },
  { grade: "mild", forms: words("damn"), isIntensifier: true },
  { grade: "mild", forms: words("piss pissed wtf fuck fucked fucks") },
  { grade: "mild", forms: words("fucking fuckin bloody"), isIntensifier: true },
  { grade: "mild", forms: words("stupid loser losers clown jerk"), needsTarget: "en" },
  // --- English, strong ---------------------------------------------------------------
  { grade: "strong", forms: words("fucker fuckers motherfucker motherfuckers fuckface") },
  {
    grade: "strong",
    forms: words("asshole assholes arsehole bastard bastards bastarder"),
  },
  { grade: "strong", forms: words("bitch bitches cunt cunts twat wanker wankers") },
  { grade: "strong", forms: words("whore whores slut sluts scumbag dickhead") },
  { grade: "strong", forms: words("dick prick"), needsTarget: "en" },
  // --- SLURS: kept short on purpose. Each is a word aimed at a group of people. --------
  {
    grade: "slur",
    forms: words("neger negeren negere negerne nigger niggers nigga niggas"),
  },
  { grade: "slur", forms: words("perker perkeren perkere perkerne paki pakis") },
  { grade: "slur", forms: words("faggot faggots bøsserøv bøsserøve tranny trannies") },
  { grade: "slur", forms: words("retard retards retarded") },
];

/** Word sequences graded as a whole; the first word is looked up, then the rest compared. */
export const phrases: readonly { grade: AbuseGrade; words: readonly string[] }[] = [
  { grade: "strong", words: ["fuck", "dig"] },
  { grade: "strong", words: ["fuck", "jer"] },
  { grade: "strong", words: ["fuck", "af"] },
  { grade: "strong", words: ["fuck", "you"] },
  { grade: "strong", words: ["fuck", "off"] },
  { grade: "mild", words: ["hold", "kæft"] },
  { grade: "mild", words: ["shut", "up"] },
  // Threats are strong whatever the words.
  { grade: "strong", words: ["slå", "dig", "ihjel"] },
  { grade: "strong", words: ["slår", "dig", "ihjel"] },
  { grade: "strong", words: ["slå", "jer", "ihjel"] },
  { grade: "strong", words: ["slår", "jer", "ihjel"] },
  { grade: "strong", words: ["kill", "you"] },
  { grade: "strong", words: ["kill", "yourself"] },
];

/** Words that aim a needsTarget word at someone: "din spade", "you loser". */
export const targetWords: Readonly<Record<"da" | "en", ReadonlySet<string>>> = {
  da: new Set(words("din dit dine dumme jeres lede klamme fede sådan")),
  en: new Set(words("you your ur ya stupid dumb such fat")),
};

/** After an intensifier these make praise: "pisse godt", "fucking amazing". */
export const positiveWords: ReadonlySet<string> = new Set(
  words(`
    god godt gode fed fedt fede flot flotte fantastisk fantastiske dejlig dejligt
    dejlige sød sødt søde sjov sjovt sjove lækker lækkert lækre sej sejt seje vild
    vildt vilde cool imponerende hjælpsom hjælpsomme venlig venligt venlige tilfreds
    glad glade hurtig hurtigt hurtige smuk smukt smukke professionel professionelt nice
    nemt nem effektiv effektivt super skøn skønt skønne genial genialt geniale perfekt
    bedste bedre imødekommende grundig grundigt rar rart rare dygtig dygtigt dygtige
    godt! velsmagende hyggeligt hyggelig sympatisk venner tak good great amazing
    awesome helpful kind fast beautiful brilliant excellent fantastic wonderful lovely
    best perfect delicious happy fun sweet well friendly impressive incredible
    outstanding superb quick nice gorgeous genius legendary love loved
  `),
);

/** May stand between an intensifier and the praise: "pisse mega godt", "fucking so good". */
export const fillerWords: ReadonlySet<string> = new Set(
  words("så mega vildt meget ret bare really so very just"),
);
