// Child processes, temporary directories and clean-up for the benchmarks that run the real
// server. Everything a bench starts is registered here, so it is stopped and removed in the
// bench's `finally` and, as a last resort, when the bench process itself exits.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

const liveChildren = new Set<ChildProcess>();
const liveDirs = new Set<string>();
const exitActions = new Set<() => void>();
let exitHookInstalled = false;

/**
 * The last resort when the bench process ends without reaching its `finally` blocks
 * (process.exit, Ctrl-C, SIGTERM): children are SIGKILLed, directories removed and the
 * registered synchronous actions run. Ctrl-C and SIGTERM are turned into an exit for that.
 */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of liveChildren) {
      try {
        child.kill("SIGKILL");
      } catch {}
    }
    for (const dir of liveDirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {}
    }
    for (const action of exitActions) {
      try {
        action();
      } catch {}
    }
  });
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));
}

/** Registers a synchronous action for the exit hook; call the returned function once done. */
export function onExitSync(action: () => void): () => void {
  installExitHook();
  exitActions.add(action);
  return () => exitActions.delete(action);
}

/**
 * Clean-up actions run in reverse order of registration, each one even if an earlier one
 * failed. `run()` never throws, so it cannot hide the error that sent us to `finally`.
 */
export class Cleanup {
  private readonly actions: Array<{ label: string; action: () => unknown }> = [];

  add(label: string, action: () => unknown): void {
    this.actions.push({ label, action });
  }

  async run(): Promise<void> {
    while (this.actions.length) {
      const { label, action } = this.actions.pop() as { label: string; action: () => unknown };
      try {
        await action();
      } catch (error) {
        console.error(`bench clean-up "${label}" failed:`, error);
      }
    }
  }
}

/** A fresh directory under the system temp dir, removed by `cleanup` (or on exit). */
export function tempDir(prefix: string, cleanup: Cleanup): string {
  installExitHook();
  const name = prefix.replace(/^anbefal-bench-/, "").replace(/-+$/, "");
  const dir = mkdtempSync(join(tmpdir(), `anbefal-bench-${name}-`));
  liveDirs.add(dir);
  cleanup.add(`remove ${dir}`, () => {
    rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  });
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** The environment children get: nothing of ours leaks in except PATH, HOME and TMPDIR. */
export function childEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
  };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

export type Child = {
  name: string;
  process: ChildProcess;
  pid: number;
  /** The last 64 kB the child printed (stdout and stderr interleaved). */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
};

const OUTPUT_KEEP = 64 * 1024;

/** Spawns `node ...args` from the repository root, registered for clean-up. */
export function spawnNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  cleanup: Cleanup,
): Child {
  installExitHook();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  liveChildren.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > OUTPUT_KEEP * 2) output = output.slice(-OUTPUT_KEEP);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code, signal) => {
      liveChildren.delete(child);
      resolve(code ?? (signal ? -1 : null));
    });
    child.once("error", () => {
      liveChildren.delete(child);
      resolve(-1);
    });
  });
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  };
  cleanup.add(`stop ${name}`, () => stop());
  if (!child.pid) throw new Error(`could not spawn ${name}`);
  return {
    name,
    process: child,
    pid: child.pid,
    output: () => output.slice(-OUTPUT_KEEP),
    exited,
    stop,
  };
}

/** Runs `node ...args` to completion (bounded by `timeoutMs`) and returns its last line. */
export async function runNodeToEnd(
  name: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<{ lastLine: string; output: string; ms: number }> {
  const cleanup = new Cleanup();
  const started = performance.now();
  try {
    const child = spawnNode(name, args, env, cleanup);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.process.kill("SIGKILL");
    }, timeoutMs);
    const code = await child.exited;
    clearTimeout(timer);
    const ms = performance.now() - started;
    const output = child.output();
    if (timedOut) throw new Error(`${name} took more than ${timeoutMs} ms:\n${output}`);
    if (code !== 0) throw new Error(`${name} exited with ${code}:\n${output}`);
    const lines = output.trimEnd().split("\n");
    return { lastLine: (lines[lines.length - 1] ?? "").trim(), output, ms };
  } finally {
    await cleanup.run();
  }
}

/** One GET to 127.0.0.1 with a short timeout; resolves with the status, 0 on any error. */
export function getStatus(url: string, timeoutMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: "GET", agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(0));
    req.end();
  });
}

/**
 * Polls `url` every `intervalMs` until it answers 200; returns the milliseconds from
 * `since` (a performance.now() value) to that answer. Throws with the child's output if
 * the child exits or `timeoutMs` passes first.
 */
export async function waitForHealthy(
  url: string,
  child: Child,
  options: { since?: number; timeoutMs?: number; intervalMs?: number } = {},
): Promise<number> {
  const since = options.since ?? performance.now();
  const deadline = performance.now() + (options.timeoutMs ?? 60_000);
  const interval = options.intervalMs ?? 50;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited before it was healthy:\n${child.output()}`);
    }
    if ((await getStatus(url)) === 200) return performance.now() - since;
    await sleep(interval);
  }
  throw new Error(`${child.name} was not healthy on ${url} in time:\n${child.output()}`);
}

/** Resident set size of a process in MB, from /proc/PID/status (Linux). */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) / 1024;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
