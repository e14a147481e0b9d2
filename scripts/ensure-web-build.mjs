// Builds the web app when web/dist is missing or older than its sources, so that
// `npm install && npm start` works on a fresh clone and a rebuilt checkout stays current.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const webDir = join(root, "web");
const stamp = join(webDir, "dist", ".build-stamp");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.env.ANBEFAL_SKIP_WEB_BUILD === "1") process.exit(0);
if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestMtime(webDir)) process.exit(0);

console.log("Building the web app (first start or changed sources)...");
const result = spawnSync(
  process.execPath,
  [
    join(root, "node_modules/vite/bin/vite.js"),
    "build",
    "--config",
    join(webDir, "vite.config.ts"),
    "--logLevel",
    "warn",
  ],
  { stdio: "inherit", cwd: root },
);
if (result.status !== 0) process.exit(result.status ?? 1);
const { writeFileSync } = await import("node:fs");
writeFileSync(stamp, new Date().toISOString());
