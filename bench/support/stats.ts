// Pure figures for the benchmarks: percentiles, medians, rounding. Unit-tested in
// bench/support.test.ts; no I/O here.

/**
 * The p-th percentile (0-100) by the nearest-rank method: the smallest value that at
 * least p% of the samples are less than or equal to. Always one of the samples, so a p99
 * over 100 samples is the 99th smallest, never an interpolation between two.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be within 0-100, got ${p}`);
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type LatencySummary = { count: number; p50: number; p99: number; max: number };

export function summariseLatencies(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
  };
}

/** Rounds to `digits` decimals (figures in results.json stay readable). */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Memory a server added per 1000 open connections, from its resident set size before and
 * after they were opened. Negative growth (the GC ran in between) is reported as is.
 */
export function perThousand(beforeMb: number, afterMb: number, connections: number): number {
  if (connections <= 0) throw new Error("connections must be positive");
  return ((afterMb - beforeMb) / connections) * 1000;
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) {
    if ((values[i] as number) < (values[i - 1] as number)) return false;
  }
  return true;
}
