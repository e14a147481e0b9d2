// `npm run bench [-- --quick] [-- --only NAME]`: runs every bench/*.bench.ts on PGlite and,
// when BENCH_DATABASE_URL is set, on PostgreSQL; prints one JSON object per result and
// writes them all to bench/results.json.
import { readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Bench, BenchResult } from "./types";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" } },
});

const files = (await readdir(here)).filter((f) => f.endsWith(".bench.ts")).sort();
const postgresUrl = process.env.BENCH_DATABASE_URL;
const results: BenchResult[] = [];

for (const file of files) {
  const bench = (await import(pathToFileURL(join(here, file)).href)).default as Bench;
  if (values.only && !bench.name.includes(values.only)) continue;
  const targets: Array<{ db: "pglite" | "postgres"; databaseUrl?: string }> = [{ db: "pglite" }];
  if (postgresUrl && !bench.dbIndependent)
    targets.push({ db: "postgres", databaseUrl: postgresUrl });
  for (const target of targets) {
    for (const result of await bench.run({ quick: values.quick, ...target })) {
      console.log(JSON.stringify(result));
      results.push(result);
    }
  }
}

await writeFile(join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
