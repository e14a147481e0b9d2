import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabaseUrl, testDatabaseKind } from "../support/db";
import { type RunningServer, startServer } from "../support/server";
import { openSse, type SseConnection } from "../support/sse";

// Two app processes on one PostgreSQL database, as behind a load balancer.
const onPostgres = testDatabaseKind() === "postgres";
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.skipIf(!onPostgres)("walls across instances", () => {
  it("an answer submitted to one instance reaches walls on both, once each", async () => {
    const { url, drop } = await createTestDatabaseUrl();
    cleanups.push(drop);
    const env = { DATABASE_URL: url };
    const a: RunningServer = await startServer({ env });
    cleanups.push(() => a.stop());
    const b: RunningServer = await startServer({ env });
    cleanups.push(() => b.stop());

    const setup = await fetch(`${a.baseUrl}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        organisationName: "To Instanser",
        name: "Admin",
        email: "admin@to.dk",
        password: "a long password",
      }),
    });
    expect(setup.status).toBe(201);
    const cookie = (setup.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    const post = (server: RunningServer, path: string, body: object) =>
      fetch(`${server.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
      });
    const survey = await (await post(a, "/api/v1/surveys", { name: "S", language: "da" })).json();
    // The wall is created on B; the sessions and links work on both instances.
    const wall = await (await post(b, "/api/v1/walls", {})).json();
    const path = new URL(wall.streamUrl).pathname;

    const streams: SseConnection[] = [
      await openSse(`${a.baseUrl}${path}`),
      await openSse(`${b.baseUrl}${path}`),
    ];
    for (const s of streams) {
      cleanups.push(() => s.close());
      await s.next((e) => e.event === "stats");
    }
    const ids: string[] = [];
    for (const [server, score] of [
      [a, 10],
      [b, 9],
      [a, 10],
    ] as const) {
      const response = await post(server, `/api/v1/surveys/${survey.id}/responses`, { score });
      expect(response.status).toBe(201);
      ids.push((await response.json()).id);
    }
    for (const s of streams) {
      await s.next((e) => e.event === "response" && e.data.includes(ids[2] as string));
      const received = s.events
        .filter((e) => e.event === "response")
        .map((e) => JSON.parse(e.data).id);
      expect(received).toEqual(ids);
    }

    // Revoking on A closes the stream held by B.
    const revoke = await fetch(`${a.baseUrl}/api/v1/walls/${wall.id}`, {
      method: "DELETE",
      headers: { cookie },
    });
    expect(revoke.status).toBe(204);
    await streams[1]?.next((e) => e.event === "revoked");
  });
});
