/**
 * Net Promoter Score maths. Promoters score 9-10, passives 7-8, detractors 0-6;
 * NPS = %promoters - %detractors, in points from -100 to +100.
 *
 * The margin of error uses the variance of a difference of two proportions from one
 * multinomial sample: Var(NPS) = (p+ + p- - (p+ - p-)^2) / n, scaled to points.
 */

export type NpsCategory = "promoter" | "passive" | "detractor";

export type NpsCounts = { n: number; promoters: number; passives: number; detractors: number };

export type NpsSummary = NpsCounts & {
  /** null when n = 0: there is no score without answers. */
  nps: number | null;
  /** Half-width of the 95% confidence interval, in points; null when n = 0. */
  marginOfError95: number | null;
};

export type NpsComparison = {
  current: NpsSummary;
  previous: NpsSummary;
  /** current.nps - previous.nps in points; null when either period has no answers. */
  difference: number | null;
  /** Half-width of the 95% interval of the difference, in points. */
  marginOfError95: number | null;
  /** Two-sided p-value of a z-test on the difference (independent samples). */
  pValue: number | null;
  significant: boolean;
};

const Z95 = 1.959963984540054;

export function isValidScore(score: unknown): score is number {
  return typeof score === "number" && Number.isInteger(score) && score >= 0 && score <= 10;
}

export function categorise(score: number): NpsCategory {
  if (score >= 9) return "promoter";
  if (score >= 7) return "passive";
  return "detractor";
}

export function emptyCounts(): NpsCounts {
  return { n: 0, promoters: 0, passives: 0, detractors: 0 };
}

export function countScores(scores: Iterable<number>): NpsCounts {
  const counts = emptyCounts();
  for (const score of scores) addScore(counts, score);
  return counts;
}

/** Mutates counts: the hot path of rollups and simulators. */
export function addScore(counts: NpsCounts, score: number): NpsCounts {
  counts.n += 1;
  const category = categorise(score);
  if (category === "promoter") counts.promoters += 1;
  else if (category === "passive") counts.passives += 1;
  else counts.detractors += 1;
  return counts;
}

export function mergeCounts(a: NpsCounts, b: NpsCounts): NpsCounts {
  return {
    n: a.n + b.n,
    promoters: a.promoters + b.promoters,
    passives: a.passives + b.passives,
    detractors: a.detractors + b.detractors,
  };
}

/** Variance of the NPS as a fraction (not points) for one sample; 0 when n = 0. */
export function npsVariance(counts: NpsCounts): number {
  if (counts.n === 0) return 0;
  const pPlus = counts.promoters / counts.n;
  const pMinus = counts.detractors / counts.n;
  const diff = pPlus - pMinus;
  // Clamp tiny negative results of floating-point cancellation.
  return Math.max(0, pPlus + pMinus - diff * diff) / counts.n;
}

export function summarise(counts: NpsCounts): NpsSummary {
  if (counts.n === 0) return { ...counts, nps: null, marginOfError95: null };
  const nps = ((counts.promoters - counts.detractors) * 100) / counts.n;
  const marginOfError95 = Z95 * Math.sqrt(npsVariance(counts)) * 100;
  return { ...counts, nps, marginOfError95 };
}

/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26 via erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Compares two independent periods; "significant" means p < alpha (default 0.05). */
export function compareNps(current: NpsCounts, previous: NpsCounts, alpha = 0.05): NpsComparison {
  const a = summarise(current);
  const b = summarise(previous);
  if (a.nps === null || b.nps === null) {
    return {
      current: a,
      previous: b,
      difference: null,
      marginOfError95: null,
      pValue: null,
      significant: false,
    };
  }
  const difference = a.nps - b.nps;
  const standardError = Math.sqrt(npsVariance(current) + npsVariance(previous)) * 100;
  if (standardError === 0) {
    // Both periods are unanimous: any difference is certain, none is none.
    const pValue = difference === 0 ? 1 : 0;
    return {
      current: a,
      previous: b,
      difference,
      marginOfError95: 0,
      pValue,
      significant: difference !== 0,
    };
  }
  const z = difference / standardError;
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return {
    current: a,
    previous: b,
    difference,
    marginOfError95: Z95 * standardError,
    pValue,
    significant: pValue < alpha,
  };
}
