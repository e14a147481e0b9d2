import { eld } from "eld/small";
import { DA_MARKERS, DA_SINGLE, EN_MARKERS, EN_SINGLE } from "./lexicon/function-words";
import { inLexicon } from "./lookup";
import type { Token } from "./tokenize";
import { tokenize } from "./tokenize";

export type Language = "da" | "en" | "other";

/** A language guesser over n-grams; the default wraps `eld` (its data ships as a module). */
export type NgramDetector = (text: string) => Record<string, number>;

const eldDetector: NgramDetector = (text) => eld.detect(text).getScores();

const SCANDINAVIAN_NEIGHBOURS = new Set(["no", "nb", "nn", "sv"]);

/**
 * Danish, English or other, for short informal texts. Function words decide when they
 * clearly can (that is most texts, and it is fast); `eld` decides the rest. One word and
 * emoji-only texts are "other" unless the word itself settles it ("Tak", "Thanks").
 */
export function detectLanguage(
  text: string,
  detector: NgramDetector = eldDetector,
  tokens: Token[] = tokenize(text),
): Language {
  let words = 0;
  let da = 0;
  let en = 0;
  let lastWord = "";
  for (const token of tokens) {
    if (token.kind !== "word") continue;
    words++;
    lastWord = token.lower;
    if (DA_MARKERS.has(token.lower)) da++;
    if (EN_MARKERS.has(token.lower)) en++;
    // A sentiment word only one lexicon knows is a weaker hint ("brilliant", "alletiders").
    const inDa = inLexicon(token.lower, "da");
    const inEn = inLexicon(token.lower, "en");
    if (inDa && !inEn) da += 0.5;
    if (inEn && !inDa) en += 0.5;
  }
  if (words === 0) return "other";
  if (/[æøå]/i.test(text)) da += 2;
  if (words === 1) {
    if (DA_SINGLE.has(lastWord) || (da >= 1 && en === 0)) return "da";
    if (EN_SINGLE.has(lastWord) || (en >= 1 && da === 0)) return "en";
    return "other";
  }
  if (da >= 2 && da >= 2 * en + 1) return "da";
  if (en >= 2 && en >= 2 * da + 1) return "en";
  if (words <= 2) {
    if (da > en) return "da";
    if (en > da) return "en";
    return "other";
  }
  const scores = detector(text);
  const daScore = scores.da ?? 0;
  const enScore = scores.en ?? 0;
  let best = "";
  let bestScore = 0;
  for (const [code, score] of Object.entries(scores)) {
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  if (best === "da" || (SCANDINAVIAN_NEIGHBOURS.has(best) && (da > en || daScore > 0))) return "da";
  if (best === "en") return "en";
  if (da > en && daScore > 0) return "da";
  if (en > da && enScore > 0) return "en";
  return "other";
}
