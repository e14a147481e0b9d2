/**
 * Danish words that are first names or surnames; `NAME_WORDS_EN` has the English ones.
 * Names that are also ordinary Danish or English words. Such a name only matches when it
 * is capitalised, and at the start of a sentence only when a verb or preposition follows
 * ("Bo var sød", not "Glad for hjælpen"). Curated for this project (see LICENSES.md).
 */
export const NAME_WORDS_DA: ReadonlySet<string> = new Set(
  (
    "bo glad sol per mark kim hans rose sten ask aske birk dam lund skov holm bak by vang eng " +
    "storm vinter sommer høst lind dal mose strand bjerg fugl ravn ulv bjørn due svane krag " +
    "fisker smed bager post frost rask kvist blad gren tang bonde lykke fryd håb tro line lone " +
    "max ben tom kaj liv dag maj april august juni bent anker krog hjort falk ørn gram nord vest " +
    "lange kort bang bach hav flod sø skjold kilde mølle stær elm hauge have brink bæk kær " +
    "ager mark ege eg ros rosa vera klar stjerne engel karl ven " +
    "hvid sort brun grøn rød blå mørk lys frisk kold varm vind skytte rytter munk præst kok " +
    "søn else dan ask sten bent per mie kai kaj kirk brand ulla tage vibe søs stoffer " +
    "mus bamse held kit vilde skipper sejr saga turbo borg lærke gry ebbe eng bro hede hvidt " +
    "naja kamp elg lilje viol mynte frej bølge ulf tone sund viola salt skriver " +
    "lang kat stig malte basse"
  ).split(" "),
);

/** English words that are first names or surnames. */
export const NAME_WORDS_EN: ReadonlySet<string> = new Set(
  (
    "will bill grace hope joy faith may june rose lily iris ruby amber holly ivy dawn summer " +
    "autumn sky rain frank rich art don pat sue nick rob guy ray chase wade drew hunter mason " +
    "cook baker smith king young brown green white black gray grey long little small wood hill " +
    "park price bell gold silver stone lane case hall rice fox wolf bird swan crane bush penny " +
    "cookie sandy jack star miles hardy bond page carter porter marsh rose victory honey angel sunny " +
    "pepper river forest heath glen cliff dale field grant mercy noble hale sharp strong wise " +
    "bob matt eve gene buck al ed dean earl an van sterling major reed lance rusty sunny brook " +
    "kit held lone bright stamp post"
  ).split(" "),
);

/** Either language's: such a name demands a capital wherever the language is unknown. */
export const NAME_WORDS: ReadonlySet<string> = new Set([...NAME_WORDS_DA, ...NAME_WORDS_EN]);

/** Words that may follow a sentence-initial ambiguous name: "Bo var", "Rose helped". */
export const NAME_FOLLOWERS: ReadonlySet<string> = new Set(
  (
    "var er har havde hjalp gav tog sagde kom gik ringede svarede forklarede lagde lovede kunne " +
    "ville skulle blev fik løste reddede gjorde viste sørgede tjekkede fandt hørte lyttede " +
    "behandlede ekspederede modtog tog mødte er fra i på fra ved hos skal kan vil " +
    "gør tager hjælper ringer svarer sørger lover siger kører kommer står sidder " +
    "was is has had helped told said gave took explained went made did called answered showed " +
    "fixed sorted promised hung could would should never always really just also from at in " +
    "was were did didn't wasn't isn't has hasn't"
  ).split(" "),
);
