// Runs the real product for a benchmark: a fresh embedded data directory or a scratch
// PostgreSQL database, an organisation and API token made with the CLI (before the server
// starts: PGlite allows one process per data directory), then `anbefal serve` as a child.
import { join } from "node:path";
import type { BenchContext } from "../types";
import { createScratchDatabase } from "./postgres";
import {
  type Child,
  type Cleanup,
  childEnv,
  freePort,
  repoRoot,
  runNodeToEnd,
  spawnNode,
  tempDir,
  waitForHealthy,
} from "./processes";

export type ProductDatabase =
  | { db: "pglite"; dataDir: string }
  | { db: "postgres"; databaseUrl: string };

export type PreparedProduct = { database: ProductDatabase; slug: string; token: string };

export type RunningProduct = { baseUrl: string; port: number; child: Child };

/** The environment the brief prescribes for the server and the CLI. */
export function productEnv(database: ProductDatabase, port?: number): Record<string, string> {
  return childEnv({
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    ANBEFAL_PUBLIC_RATE_LIMIT: "0",
    ANBEFAL_PUBLIC_URL: port ? `http://127.0.0.1:${port}` : undefined,
    ANBEFAL_DATA_DIR: database.db === "pglite" ? database.dataDir : undefined,
    DATABASE_URL: database.db === "postgres" ? database.databaseUrl : undefined,
  });
}

/** A fresh, empty database for this run: a temp data dir, or a scratch PostgreSQL database. */
export async function freshDatabase(ctx: BenchContext, cleanup: Cleanup): Promise<ProductDatabase> {
  if (ctx.db === "postgres") {
    if (!ctx.databaseUrl) throw new Error("postgres run without a database URL");
    return { db: "postgres", databaseUrl: await createScratchDatabase(ctx.databaseUrl, cleanup) };
  }
  return { db: "pglite", dataDir: join(tempDir("pglite", cleanup), "data") };
}

const cli = join(repoRoot, "bin/anbefal.mjs");

/**
 * Runs `anbefal org create` (which also applies the migrations) and `anbefal token create`
 * on `database`; returns the organisation's slug and an admin API token.
 */
export async function createOrgAndToken(database: ProductDatabase): Promise<PreparedProduct> {
  const env = productEnv(database);
  const org = await runNodeToEnd(
    "anbefal org create",
    [
      cli,
      "org",
      "create",
      "--name",
      "Bench",
      "--admin-email",
      "b@x.dk",
      "--admin-password",
      "bench password",
    ],
    env,
  );
  const slug = org.lastLine;
  const token = (
    await runNodeToEnd("anbefal token create", [cli, "token", "create", "--org", slug], env)
  ).lastLine;
  if (!slug || !token.startsWith("anb"))
    throw new Error(`unexpected CLI output: ${slug} / ${token}`);
  return { database, slug, token };
}

/**
 * Starts `node --import tsx src/cli/main.ts serve` and waits for /healthz 200. With
 * BENCH_CPU_PROF=DIR in the bench's environment the server writes a V8 CPU profile there
 * when it stops (open it in Chrome DevTools or speedscope).
 */
export async function startProduct(
  name: string,
  database: ProductDatabase,
  cleanup: Cleanup,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<RunningProduct & { startMs: number }> {
  const port = await freePort();
  const profileDir = process.env.BENCH_CPU_PROF;
  const args = [
    ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
    "--import",
    "tsx",
    join(repoRoot, "src/cli/main.ts"),
    "serve",
    "--port",
    String(port),
    ...(database.db === "pglite" ? ["--data-dir", database.dataDir] : []),
  ];
  const since = performance.now();
  const child = spawnNode(name, args, productEnv(database, port), cleanup);
  const baseUrl = `http://127.0.0.1:${port}`;
  const startMs = await waitForHealthy(`${baseUrl}/healthz`, child, {
    since,
    timeoutMs: options.timeoutMs ?? 120_000,
    intervalMs: options.intervalMs ?? 25,
  });
  return { baseUrl, port, child, startMs };
}

/** JSON over HTTP to 127.0.0.1 for set-up calls; throws on an unexpected status. */
export async function callJson<T>(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (response.status !== (options.expect ?? 200)) {
    throw new Error(`${method} ${url} -> ${response.status}: ${text.slice(0, 500)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function createSurvey(baseUrl: string, token: string): Promise<string> {
  const { id } = await callJson<{ id: string }>("POST", `${baseUrl}/api/v1/surveys`, {
    token,
    body: { name: "Bench", language: "da" },
    expect: 201,
  });
  return id;
}

export async function createWall(
  baseUrl: string,
  token: string,
): Promise<{ id: string; url: string; streamUrl: string }> {
  return callJson("POST", `${baseUrl}/api/v1/walls`, { token, body: {}, expect: 201 });
}

/** How many answers the product has stored for a survey (via the analytics API). */
export async function storedCount(baseUrl: string, token: string, surveyId: string) {
  const { n } = await callJson<{ n: number }>(
    "GET",
    `${baseUrl}/api/v1/nps?surveyId=${encodeURIComponent(surveyId)}`,
    { token },
  );
  return n;
}

/** Starts one of the bare baselines in bench/support (`node --import tsx FILE`); BENCH_CPU_PROF as above. */
export async function startBare(
  file: string,
  env: Record<string, string | undefined>,
  cleanup: Cleanup,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<RunningProduct & { startMs: number }> {
  const port = await freePort();
  const since = performance.now();
  const profileDir = process.env.BENCH_CPU_PROF;
  const child = spawnNode(
    file,
    [
      ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
      "--import",
      "tsx",
      join(repoRoot, "bench/support", file),
    ],
    childEnv({ ...env, BARE_PORT: String(port) }),
    cleanup,
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const startMs = await waitForHealthy(`${baseUrl}/healthz`, child, {
    since,
    timeoutMs: options.timeoutMs ?? 120_000,
    intervalMs: options.intervalMs ?? 25,
  });
  return { baseUrl, port, child, startMs };
}
