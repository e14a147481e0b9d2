// Times `node scripts/ensure-web-build.mjs` when it has nothing to do (npm start runs it
// before every start). It must never build from a bench: other work may be using web/dist,
// so we first check, with the script's own rule, that web/dist is current.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { childEnv, repoRoot, runNodeToEnd } from "./processes";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The rule in scripts/ensure-web-build.mjs: the build stamp is newer than every web source. */
export function webDistIsCurrent(root = repoRoot): boolean {
  const webDir = join(root, "web");
  const stamp = join(webDir, "dist", ".build-stamp");
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(webDir);
}

/**
 * Milliseconds from spawn to exit of each of `runs` no-op runs, or why none were taken.
 * ANBEFAL_SKIP_WEB_BUILD is not set (children get a clean environment).
 */
export async function timeEnsureWebBuild(runs: number): Promise<number[] | string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (!webDistIsCurrent()) return "not measured: web/dist is not current (npm run build first)";
    const { ms, output } = await runNodeToEnd(
      "ensure-web-build",
      [join(repoRoot, "scripts/ensure-web-build.mjs")],
      childEnv({}),
      60_000,
    );
    if (output.includes("Building")) return "not measured: the script started a build";
    times.push(ms);
  }
  return times;
}
