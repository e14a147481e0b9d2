/**
 * A lexicon value on the AFINN scale (-5..5). A pair is `[alone, whenNegated]` for words
 * whose negation means more than the word itself: "svarer" is neutral, "ingen svarer" is
 * a complaint.
 */
export type LexValue = number | readonly [number, number];

export type Lexicon = Readonly<Record<string, LexValue>>;
