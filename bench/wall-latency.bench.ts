// How fast a new promoter reaches every open wall: N concurrent SSE clients on one wall,
// promoters posted one at a time, each timed from the moment its POST is sent to the moment
// each client receives the `response` event carrying its id. value = p99 over all
// (client, event) pairs in ms; baseline = the same for a bare node:http SSE fan-out with no
// database (bench/support/bare-sse-server.ts); ratio = baseline / value (higher is better,
// at most about 1). On PostgreSQL also "wall-latency-2-instances": two servers on one
// database, half the clients on each, POSTs alternating, so half the events cross instances
// through LISTEN/NOTIFY (and all of them go through PostgreSQL, as the product always does).
import { Cleanup } from "./support/processes";
import {
  createOrgAndToken,
  createSurvey,
  createWall,
  freshDatabase,
  type RunningProduct,
  startBare,
  startProduct,
} from "./support/product";
import { round } from "./support/stats";
import { measureWall, type WallMeasure, type WallMeasureOptions } from "./support/wall-measure";
import type { Bench, BenchContext, BenchResult } from "./types";

type Shape = Pick<WallMeasureOptions, "posts" | "warmupPosts" | "spacingMs"> & { clients: number };

const shape = (quick: boolean): Shape =>
  quick
    ? { clients: 200, posts: 10, warmupPosts: 2, spacingMs: 100 }
    : { clients: 1000, posts: 50, warmupPosts: 3, spacingMs: 100 };

const fixed = {
  eventTimeoutMs: 10_000,
  connectConcurrency: 50,
  connectTimeoutMs: 120_000,
  postPhaseTimeoutMs: 300_000,
};

/** Client i goes to server i % servers.length: half on each for two instances. */
function spread(servers: string[], clients: number): string[] {
  return Array.from({ length: clients }, (_, i) => servers[i % servers.length] as string);
}

async function measureProduct(ctx: BenchContext, s: Shape, instances: number) {
  const cleanup = new Cleanup();
  try {
    const database = await freshDatabase(ctx, cleanup);
    const { token } = await createOrgAndToken(database);
    const servers: RunningProduct[] = [];
    for (let i = 0; i < instances; i++) {
      servers.push(await startProduct(`anbefal serve (wall ${i + 1})`, database, cleanup));
    }
    const first = servers[0] as RunningProduct;
    const surveyId = await createSurvey(first.baseUrl, token);
    const wall = await createWall(first.baseUrl, token);
    const streamPath = new URL(wall.streamUrl).pathname;
    return await withServerOutput(servers, () =>
      measureWall({
        ...s,
        ...fixed,
        streamUrls: spread(
          servers.map((server) => `${server.baseUrl}${streamPath}`),
          s.clients,
        ),
        postUrls: servers.map((server) => `${server.baseUrl}/api/v1/surveys/${surveyId}/responses`),
        serverPids: servers.map((server) => server.child.pid),
      }),
    );
  } finally {
    await cleanup.run();
  }
}

/** Adds what the servers printed to an error, which is often the only clue to it. */
async function withServerOutput<T>(servers: RunningProduct[], fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const outputs = servers.map((s) => `--- ${s.child.name}:\n${s.child.output().slice(-4000)}`);
    throw new Error(`${(error as Error).message}\n${outputs.join("\n")}`, { cause: error });
  }
}

async function measureBare(s: Shape) {
  const cleanup = new Cleanup();
  try {
    const server = await startBare("bare-sse-server.ts", {}, cleanup);
    return await measureWall({
      ...s,
      ...fixed,
      streamUrls: spread([`${server.baseUrl}/stream`], s.clients),
      postUrls: [`${server.baseUrl}/responses`],
      serverPids: [server.child.pid],
    });
  } finally {
    await cleanup.run();
  }
}

function failOnLoss(label: string, m: WallMeasure) {
  if (m.missed > 0 || m.lostStreams > 0) {
    throw new Error(
      `${label}: ${m.missed} of ${m.clients * m.posts} events did not arrive within ` +
        `${fixed.eventTimeoutMs} ms; ${m.lostStreams} streams closed early`,
    );
  }
}

function result(
  name: string,
  ctx: BenchContext,
  m: WallMeasure,
  bare: WallMeasure,
  target: string,
): BenchResult {
  return {
    name,
    db: ctx.db,
    value: round(m.p99, 1),
    unit: "ms p99",
    baseline: round(bare.p99, 1),
    ratio: round(bare.p99 / m.p99, 3),
    details: {
      clients: m.clients,
      posts: m.posts,
      pairs: m.count,
      p50Ms: round(m.p50, 1),
      maxMs: round(m.max, 1),
      connectMs: m.connectMs,
      rssBeforeMB: m.rssBeforeMb,
      rssAfterConnectMB: m.rssAfterConnectMb,
      rssAfterEventsMB: m.rssAfterEventsMb,
      rssPer1000ConnectionsMB: m.rssPer1000ConnectionsMb,
      baselineP50Ms: round(bare.p50, 1),
      baselineMaxMs: round(bare.max, 1),
      baselineRssPer1000ConnectionsMB: bare.rssPer1000ConnectionsMb,
      target,
      ratioMeaning: "baseline p99 / value p99, higher is better",
    },
  };
}

const bench: Bench = {
  name: "wall-latency",
  async run(ctx): Promise<BenchResult[]> {
    const s = shape(ctx.quick);
    const product = await measureProduct(ctx, s, 1);
    failOnLoss("wall-latency", product);
    const bare = await measureBare(s);
    failOnLoss("wall-latency baseline", bare);
    const results = [
      result("wall-latency", ctx, product, bare, "p99 <= 100 ms; <= 100 MB per 1000 connections"),
    ];
    if (ctx.db === "postgres") {
      const two = await measureProduct(ctx, s, 2);
      failOnLoss("wall-latency-2-instances", two);
      // The baseline is the single bare server measured above: it has no second instance.
      results.push(
        result(
          "wall-latency-2-instances",
          ctx,
          two,
          bare,
          "p99 <= 250 ms; <= 100 MB per 1000 connections (both instances together)",
        ),
      );
    }
    return results;
  },
};

export default bench;
