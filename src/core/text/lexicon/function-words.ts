/**
 * Frequent words that tell Danish from English in short texts. Words both languages
 * share ("i", "to", "for", "at", "men", "hun", "god", "super", "top") are left out.
 */
export const DA_MARKERS: ReadonlySet<string> = new Set(
  (
    "og ikke ik jeg det er var har på med til af den et som meget tak hej godt gode mig vi der så også " +
    "kan skal vil hvor hvad hvorfor hvornår hvordan hvem nej ja fra efter lige bare rigtig helt nogen " +
    "ingen intet alle min mit mine jer jeres han os blev være været fik får gik kom hos hvis når " +
    "fordi sig sin sit sine dem jo nu end mere mest lidt altid aldrig dårlig dårligt fint nok hjælp " +
    "hjælpen personalet kundeservice tiden dag dage uger havde skulle kunne ville må sådan dejlig " +
    "virkelig oplevelse venlig venligt sød søde tusind mange flot hurtigt hurtig ventetid ventetiden " +
    "rigtigt jeres øh også selvom desværre dejligt tilfreds glad utilfreds elendig skuffet svar " +
    "spørgsmål herfra derfra stjerner borgerservice kommunen sagen ansøgning mvh hilsen venlige godt fedt sygt mega pisse"
  ).split(" "),
);

export const EN_MARKERS: ReadonlySet<string> = new Set(
  (
    "the and is was were are be been of a an in it for not with you your my me this that very " +
    "thank thanks but have had has they she he we our really great good so just from on what " +
    "when how why where who would could should will did do does don't didn't i'm it's i've " +
    "can't won't wasn't isn't nice staff help helped helpful friendly again never nobody " +
    "always wait terrible awful excellent best worst there their them by about because if or " +
    "any some more much too than then experience awesome amazing lovely rude " +
    "please hi hello everything anything nothing everyone anyone no yes were being"
  ).split(" "),
);

/** Single words that settle the language on their own ("Tak", "Thanks"). */
export const DA_SINGLE: ReadonlySet<string> = new Set([
  "tak",
  "takk",
  "tusind",
  "hej",
  "fedt",
  "godt",
  "dejligt",
  "elendigt",
  "dårligt",
  "skuffende",
  "fantastisk",
  "toppen",
  "nej",
  "ja",
]);
export const EN_SINGLE: ReadonlySet<string> = new Set([
  "thanks",
  "thank",
  "thx",
  "terrible",
  "awful",
  "awesome",
  "amazing",
  "excellent",
  "great",
  "lovely",
  "yes",
  "no",
]);
