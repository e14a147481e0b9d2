/** One line of `npm run bench` output; see docs/benchmarks.md. */
export type BenchResult = {
  name: string;
  db: "pglite" | "postgres" | "none";
  value: number;
  unit: string;
  /** The same measure for the bare baseline, run in the same process tree. */
  baseline?: number;
  /** value / baseline (or baseline / value for latency-like units, stated per bench). */
  ratio?: number;
  /** Free-form extra figures (p50, p99, rss...). */
  details?: Record<string, number | string>;
};

export type BenchContext = {
  quick: boolean;
  db: "pglite" | "postgres";
  /** Set when db is "postgres". */
  databaseUrl?: string;
};

/**
 * A benchmark module: `bench/<name>.bench.ts` with a default export of this type.
 * CPU-only benchmarks set `dbIndependent` so they run once, not once per database.
 */
export type Bench = {
  name: string;
  dbIndependent?: boolean;
  run(ctx: BenchContext): Promise<BenchResult[]>;
};
