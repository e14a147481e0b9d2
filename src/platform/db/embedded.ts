import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

// Light on purpose: the CLI imports this before the rest of the app, so that the embedded
// database boots while the app's modules load (docs/benchmarks.md, start-up).

/** Thrown when another process already holds the embedded database directory. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another anbefal process (pid ${pid}). ` +
        "PGlite allows one process per data directory: stop that process first, or use " +
        "PostgreSQL (DATABASE_URL) to run the CLI and several servers at the same time.",
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock file beside the embedded database. A stale lock (its process is gone)
 * is taken over; a live one stops this process with a clear message.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "anbefal.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {}
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseLockedError(dataDir, pid);
      }
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** An embedded database being opened: its directory is locked already. */
export type EmbeddedStart = { ready: Promise<PGlite>; release: () => void };

/**
 * Locks the data directory (throwing DatabaseLockedError at once if another process has
 * it) and starts PGlite without waiting for it. `memory://` opens a throwaway database.
 */
export function startEmbedded(dataDir: string): EmbeddedStart {
  const isMemory = dataDir.startsWith("memory://");
  const release = isMemory ? () => {} : lockDataDir(dataDir);
  const ready = import("@electric-sql/pglite").then(async ({ PGlite }) => {
    const pglite = isMemory ? new PGlite() : new PGlite(join(dataDir, "pgdata"));
    await pglite.waitReady;
    return pglite;
  });
  // Whoever takes the start over sees a failure; until then it must not crash the process.
  ready.catch(() => {});
  return { ready, release };
}
