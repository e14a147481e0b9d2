import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categorise,
  compareNps,
  countScores,
  isValidScore,
  mergeCounts,
  normalCdf,
  summarise,
} from "./nps";

/** Brute-force reference: straight from the definitions, no shared code. */
function referenceNps(scores: number[]) {
  const n = scores.length;
  const promoters = scores.filter((s) => s === 9 || s === 10).length;
  const detractors = scores.filter((s) => s <= 6).length;
  const passives = scores.filter((s) => s === 7 || s === 8).length;
  if (n === 0) return { n, promoters, passives, detractors, nps: null, moe: null };
  const pp = promoters / n;
  const pd = detractors / n;
  // Per-answer NPS contribution is +1, 0 or -1; its sample variance (population form) / n.
  const values: number[] = scores.map((s) => (s >= 9 ? 1 : s <= 6 ? -1 : 0));
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n / n;
  return {
    n,
    promoters,
    passives,
    detractors,
    nps: (pp - pd) * 100,
    moe: 1.959963984540054 * Math.sqrt(variance) * 100,
  };
}

const scoresArb = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 400 });

describe("NPS", () => {
  it("categorises the scale boundaries", () => {
    expect([0, 6, 7, 8, 9, 10].map(categorise)).toEqual([
      "detractor",
      "detractor",
      "passive",
      "passive",
      "promoter",
      "promoter",
    ]);
  });

  it("accepts only integers 0-10", () => {
    expect([0, 10, 5].every(isValidScore)).toBe(true);
    expect([11, -1, 12.5, "7", Number.NaN, null].some(isValidScore)).toBe(false);
  });

  it("computes a worked example", () => {
    // 5 promoters, 3 passives, 2 detractors: NPS 30; var = (0.5+0.2-0.09)/10 = 0.061
    const s = summarise(countScores([10, 10, 9, 9, 9, 8, 7, 7, 3, 0]));
    expect(s.nps).toBeCloseTo(30, 10);
    expect(s.marginOfError95).toBeCloseTo(1.959963984540054 * Math.sqrt(0.061) * 100, 10);
  });

  it("has no score without answers", () => {
    expect(summarise(countScores([]))).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      marginOfError95: null,
    });
  });

  it("matches the brute-force reference (property)", () => {
    fc.assert(
      fc.property(scoresArb, (scores) => {
        const got = summarise(countScores(scores));
        const want = referenceNps(scores);
        expect(got.n).toBe(want.n);
        expect(got.promoters).toBe(want.promoters);
        expect(got.passives).toBe(want.passives);
        expect(got.detractors).toBe(want.detractors);
        if (want.nps === null) {
          expect(got.nps).toBeNull();
        } else {
          expect(got.nps).toBeCloseTo(want.nps, 9);
          expect(got.marginOfError95).toBeCloseTo(want.moe ?? Number.NaN, 9);
          expect(got.nps).toBeGreaterThanOrEqual(-100);
          expect(got.nps).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("merges counts exactly like counting the concatenation (property)", () => {
    fc.assert(
      fc.property(scoresArb, scoresArb, (a, b) => {
        expect(mergeCounts(countScores(a), countScores(b))).toEqual(countScores([...a, ...b]));
      }),
    );
  });

  it("normal CDF is accurate at known points", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.644853626951)).toBeCloseTo(0.05, 6);
  });

  it("calls a large shift significant and a tiny one not", () => {
    const before = countScores([...Array(200).fill(10), ...Array(200).fill(3)]); // NPS 0
    const after = countScores([...Array(320).fill(10), ...Array(80).fill(3)]); // NPS 60
    const big = compareNps(after, before);
    expect(big.difference).toBeCloseTo(60, 9);
    expect(big.significant).toBe(true);
    expect(big.pValue).toBeLessThan(0.001);
    const small = compareNps(countScores([10, 3, 10]), countScores([10, 3, 3]));
    expect(small.significant).toBe(false);
  });

  it("comparison is antisymmetric (property)", () => {
    fc.assert(
      fc.property(scoresArb, scoresArb, (a, b) => {
        const ab = compareNps(countScores(a), countScores(b));
        const ba = compareNps(countScores(b), countScores(a));
        if (ab.difference === null) {
          expect(ba.difference).toBeNull();
          return;
        }
        expect(ba.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba.pValue).toBeCloseTo(ab.pValue ?? Number.NaN, 9);
        expect(ba.significant).toBe(ab.significant);
      }),
    );
  });
});
