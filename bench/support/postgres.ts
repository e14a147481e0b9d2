// A scratch PostgreSQL database per benchmark run, created beside BENCH_DATABASE_URL's own
// and dropped (with force, so open connections are no obstacle) in clean-up.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Cleanup, onExitSync, repoRoot } from "./processes";

async function admin<T>(baseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `anbefal_bench_<random>` and returns its URL; clean-up drops it. */
export async function createScratchDatabase(baseUrl: string, cleanup: Cleanup): Promise<string> {
  const name = `anbefal_bench_${randomBytes(6).toString("hex")}`;
  const drop = `drop database if exists ${name} with (force)`;
  await admin(baseUrl, (client) => client.query(`create database ${name}`));
  // If the bench process dies first, a synchronous child drops it (bounded to 15 s).
  const forget = onExitSync(() => {
    const script = `const pg=require("pg");const c=new pg.Client(process.env.BENCH_ADMIN_URL);c.connect().then(()=>c.query(process.argv[1])).finally(()=>c.end())`;
    spawnSync(process.execPath, ["-e", script, drop], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", BENCH_ADMIN_URL: baseUrl },
      timeout: 15_000,
    });
  });
  cleanup.add(`drop database ${name}`, async () => {
    await admin(baseUrl, (client) => client.query(drop));
    forget();
  });
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
