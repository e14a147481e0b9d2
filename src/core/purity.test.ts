import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// src/core is pure domain logic: the rule in ARCHITECTURE.md, checked on every test run.
const coreDir = new URL(".", import.meta.url).pathname;
const forbidden = [
  /^node:/,
  /^(fs|path|http|https|net|child_process|os|crypto|worker_threads)$/,
  /^drizzle-orm/,
  /^fastify/,
  /^pg$/,
  /^@electric-sql\//,
  /\/(platform|modules|connectors|cli)\//,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe("src/core purity", () => {
  it("imports no I/O, database, HTTP or feature module", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(coreDir)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(
        /(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
      )) {
        const spec = match[1] ?? match[2] ?? "";
        if (forbidden.some((rule) => rule.test(spec))) {
          offenders.push(`${relative(coreDir, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
