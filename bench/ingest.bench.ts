// Answers stored per second through the public submit endpoint, under 100 concurrent
// connections, beside a bare node:http server that does the least an answer needs: parse
// the JSON and INSERT the row into the same `responses` table with the same driver.
// value = 2xx responses/s of the product; baseline = the same of the bare server;
// ratio = value / baseline (higher is better). The bare server writes one row per request;
// the product groups answers that arrive together into one statement (docs/decisions/0008),
// so its ratio can exceed 1. See docs/benchmarks.md.
import { answerBodies } from "./support/answers";
import { type LoadResult, postLoad, RAMP_CAP_S } from "./support/load";
import { Cleanup } from "./support/processes";
import {
  callJson,
  createOrgAndToken,
  createSurvey,
  freshDatabase,
  startBare,
  startProduct,
  storedCount,
} from "./support/product";
import { round } from "./support/stats";
import type { Bench, BenchContext, BenchResult } from "./types";

const CONNECTIONS = 100;
const WARMUP_S = 2;
const bodies = answerBodies(44);

/** When every connection had its first answer; the window opens only then (see load.ts). */
const ramp = (ms: number) =>
  Number.isNaN(ms) ? `not within ${WARMUP_S + RAMP_CAP_S} s` : round(ms, 0);

type Measured = { run: LoadResult; stored: number };

/** One continuous run, warm-up first; throws (loudly) on any non-2xx or connection error. */
async function load(label: string, origin: string, path: string, seconds: number) {
  const run = await postLoad({
    origin,
    path,
    bodies,
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    durationS: seconds,
  });
  if (run.non2xx > 0 || run.errors > 0 || run.ok === 0) {
    throw new Error(
      `ingest ${label}: ${run.non2xx} non-2xx, ${run.errors} errors (${run.timeouts} timeouts), ` +
        `${run.okTotal} ok; status codes ${run.statusCodes}`,
    );
  }
  return run;
}

async function measureProduct(ctx: BenchContext, seconds: number): Promise<Measured> {
  const cleanup = new Cleanup();
  try {
    const database = await freshDatabase(ctx, cleanup);
    const { token } = await createOrgAndToken(database);
    const server = await startProduct("anbefal serve (ingest)", database, cleanup);
    const surveyId = await createSurvey(server.baseUrl, token);
    const path = `/api/v1/surveys/${surveyId}/responses`;
    const run = await load("product", server.baseUrl, path, seconds);
    return { run, stored: await storedCount(server.baseUrl, token, surveyId) };
  } finally {
    await cleanup.run();
  }
}

async function measureBare(ctx: BenchContext, seconds: number): Promise<Measured> {
  const cleanup = new Cleanup();
  try {
    // Its own database, migrated and given an organisation by the product's CLI.
    const database = await freshDatabase(ctx, cleanup);
    await createOrgAndToken(database);
    const server = await startBare(
      "bare-ingest-server.ts",
      database.db === "pglite"
        ? { BARE_DATA_DIR: database.dataDir }
        : { DATABASE_URL: database.databaseUrl, BARE_POOL_SIZE: "10" },
      cleanup,
    );
    const { surveyId } = await callJson<{ surveyId: string }>("GET", `${server.baseUrl}/healthz`);
    const path = `/api/v1/surveys/${surveyId}/responses`;
    const run = await load("baseline", server.baseUrl, path, seconds);
    const { n } = await callJson<{ n: number }>("GET", `${server.baseUrl}/count`);
    return { run, stored: n };
  } finally {
    await cleanup.run();
  }
}

const bench: Bench = {
  name: "ingest",
  async run(ctx): Promise<BenchResult[]> {
    const seconds = ctx.quick ? 3 : 10;
    const product = await measureProduct(ctx, seconds);
    const bare = await measureBare(ctx, seconds);
    for (const [label, m] of [
      ["product", product],
      ["baseline", bare],
    ] as const) {
      // Every 201 must be a stored row: the count may only exceed it (answers in flight
      // when autocannon stopped were stored but not counted as 2xx).
      if (m.stored < m.run.okTotal) {
        throw new Error(
          `ingest ${label}: ${m.run.okTotal} answers got 201 but only ${m.stored} are stored`,
        );
      }
    }
    const value = product.run.okPerSecond;
    const baseline = bare.run.okPerSecond;
    return [
      {
        name: "ingest",
        db: ctx.db,
        value: round(value, 0),
        unit: "responses/s",
        baseline: round(baseline, 0),
        ratio: round(value / baseline, 3),
        details: {
          connections: CONNECTIONS,
          windowS: round(product.run.windowS, 2),
          warmupS: WARMUP_S,
          allConnectionsAnsweredAfterMs: ramp(product.run.rampMs),
          responses2xx: product.run.ok,
          responses2xxWithWarmup: product.run.okTotal,
          non2xx: product.run.non2xx,
          errors: product.run.errors,
          p50Ms: round(product.run.p50, 1),
          p99Ms: round(product.run.p99, 1),
          storedRows: product.stored,
          baselineResponses2xx: bare.run.ok,
          baselineNon2xx: bare.run.non2xx,
          baselineAllConnectionsAnsweredAfterMs: ramp(bare.run.rampMs),
          baselineP50Ms: round(bare.run.p50, 1),
          baselineP99Ms: round(bare.run.p99, 1),
          target: ctx.db === "postgres" ? "ratio >= 0.7 and >= 5000 responses/s" : "ratio >= 0.7",
          ratioMeaning: "value / baseline, higher is better",
        },
      },
    ];
  },
};

export default bench;
