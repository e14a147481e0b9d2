import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabaseUrl, testDatabaseKind } from "../../test/support/db";
import { startServer } from "../../test/support/server";

const root = new URL("../..", import.meta.url).pathname;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function anbefal(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(root, "bin/anbefal.mjs"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.trim().split("\n");
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    lastLine: lines[lines.length - 1] ?? "",
  };
}

async function databaseEnv(): Promise<Record<string, string>> {
  if (testDatabaseKind() === "postgres") {
    const { url, drop } = await createTestDatabaseUrl();
    cleanups.push(drop);
    return { DATABASE_URL: url };
  }
  const dir = mkdtempSync(join(tmpdir(), "anbefal-cli-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { ANBEFAL_DATA_DIR: dir };
}

describe("anbefal CLI", () => {
  it("creates an organisation and a token that the API accepts", async () => {
    const env = await databaseEnv();
    const org = anbefal(
      [
        "org",
        "create",
        "--name",
        "Ærø Kommune",
        "--admin-email",
        "admin@aeroe.dk",
        "--admin-password",
        "a long password",
      ],
      env,
    );
    expect(org.stderr).toBe("");
    expect(org.status).toBe(0);
    expect(org.lastLine).toBe("aeroe-kommune");

    const token = anbefal(["token", "create", "--org", "aeroe-kommune"], env);
    expect(token.status).toBe(0);
    expect(token.lastLine).toMatch(/^anb_[A-Za-z0-9_-]{43}$/);

    const unknown = anbefal(["token", "create", "--org", "nope"], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No organisation with slug "nope"/);

    const server = await startServer({
      env: env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {},
      ...(env.ANBEFAL_DATA_DIR ? { dataDir: env.ANBEFAL_DATA_DIR } : {}),
    });
    cleanups.push(() => server.stop());
    const created = await fetch(`${server.baseUrl}/api/v1/surveys`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.lastLine}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "CLI", language: "da" }),
    });
    expect(created.status).toBe(201);

    // While the server runs: PGlite refuses a second process clearly; PostgreSQL just works.
    const during = anbefal(["token", "create", "--org", "aeroe-kommune"], env);
    if (testDatabaseKind() === "postgres") {
      expect(during.status).toBe(0);
      expect(during.lastLine).toMatch(/^anb_/);
    } else {
      expect(during.status).toBe(1);
      expect(during.stderr).toMatch(/in use by another anbefal process \(pid \d+\)/);
      const second = await startServer({ dataDir: env.ANBEFAL_DATA_DIR, timeoutMs: 15_000 }).catch(
        (e: Error) => e,
      );
      expect(second).toBeInstanceOf(Error);
      expect(String(second)).toMatch(/in use by another anbefal process/);
    }
  });

  it("rejects a short admin password and missing flags", async () => {
    const env = await databaseEnv();
    const short = anbefal(
      ["org", "create", "--name", "X", "--admin-email", "a@b.dk", "--admin-password", "short"],
      env,
    );
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(anbefal(["org", "create", "--name", "X"], env).stderr).toMatch(
      /needs --name, --admin-email and --admin-password/,
    );
  });
});
