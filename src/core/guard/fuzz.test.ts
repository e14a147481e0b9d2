import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardText } from "./index";

describe("guardText on arbitrary input", () => {
  it("never throws, whatever the string", () => {
    const arbitrary = fc.oneof(
      fc.string({ unit: "binary", maxLength: 500 }),
      fc.string({ unit: "grapheme", maxLength: 300 }),
      fc.string({ unit: "binary-ascii", maxLength: 500 }),
      fc.string({
        unit: fc.constantFrom(..."0123456789 -.,:/+()@*#_!|$€aAiIdoøæåÆØÅ\u00a0\n\t"),
        maxLength: 500,
      }),
    );
    fc.assert(
      fc.property(
        arbitrary,
        fc.constantFrom("wall" as const, "reply" as const),
        (text, purpose) => {
          const result = guardText(text, purpose);
          expect(typeof result.redacted).toBe("string");
        },
      ),
      { numRuns: 1000 },
    );
  }, 30_000);

  it("handles lone surrogates and astral characters", () => {
    for (const text of [
      "\ud800",
      "\udc00idiot",
      "idiot\ud83d",
      "😀 010190-1234 😀",
      "𝒊𝒅𝒊𝒐𝒕",
      "\u0000\uffff",
    ]) {
      expect(() => guardText(text, "wall")).not.toThrow();
    }
  });
});

// --- Linear time ------------------------------------------------------------------------

/** Patterns that would make a backtracking regex or a nested loop blow up. */
const adversarial: Record<string, string> = {
  digits: "1",
  "digits and spaces": "1 ",
  "digit pairs": "12 ",
  "digits and hyphens": "1-",
  "a's": "a",
  "a's and spaces": "a ",
  "single letters": "i d ",
  stars: "*",
  "at signs": "a@",
  "e-mail-ish": "a.b@c.",
  "disguised at": "a (at) ",
  "street words": "Vestergade ",
  "street and numbers": "Vestergade 1 ",
  "iban-ish": "DK50 0040 ",
  "account labels": "reg. 1234 konto ",
  "card groups": "4111 ",
  "cpr-ish": "010190-",
  "glued street and phone": "Vestergade 12 23456789 ",
  "phone after cpr": "12345678 0101901234 ",
  mixed: "Julie 12 34 a@ f*ck i d i o t 010190 ",
};

function build(pattern: string, length: number): string {
  return pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
}

/**
 * Milliseconds per call of guardText on `text`, the best of several trials of `calls`
 * calls each. The minimum filters out GC pauses and scheduler noise, which only add.
 */
function timePerCall(text: string, calls: number, trials: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) guardText(text, "wall");
    best = Math.min(best, (performance.now() - t0) / calls);
  }
  return best;
}

describe("guardText stays linear", () => {
  it.each(Object.entries(adversarial))("on repeated %s", (_name, pattern) => {
    const small = build(pattern, 2_000);
    const large = build(pattern, 20_000);
    // Warm up so the JIT has compiled everything before we measure.
    timePerCall(small, 10, 1);
    timePerCall(large, 1, 1);
    // 10x the input should take about 10x the time; 30x leaves room for noise while still
    // catching anything quadratic (about 100x). The small input runs ten times per trial,
    // so both sides do the same work and see the same garbage-collection pressure. Other
    // test files run in parallel and steal CPU, so a ratio gets three chances: noise
    // passes on a retry, a quadratic algorithm fails all three.
    let ratio = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3 && ratio >= 30; attempt++) {
      const smallTime = Math.max(timePerCall(small, 10, 5), 0.005);
      ratio = timePerCall(large, 1, 5) / smallTime;
    }
    expect(ratio).toBeLessThan(30);
  });
});
