import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";
import { openSse, type SseConnection } from "../../../test/support/sse";

let app: TestApp;
let org: Awaited<ReturnType<TestApp["createOrg"]>>;
let surveyId: string;
let base: string;
const open: SseConnection[] = [];

const submit = (payload: object) =>
  app.server.inject({ method: "POST", url: `/api/v1/surveys/${surveyId}/responses`, payload });
const createWall = async (payload: object = {}) => {
  const response = await app.server.inject({
    method: "POST",
    url: "/api/v1/walls",
    headers: bearer(org.token),
    payload,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; url: string; streamUrl: string };
};
/** The public URLs point at the configured host; tests reach the same paths on the listening port. */
const local = (url: string) => `${base}${new URL(url).pathname}${new URL(url).search}`;
async function stream(url: string, headers: Record<string, string> = {}) {
  const connection = await openSse(local(url), headers);
  open.push(connection);
  await connection.next((e) => e.event === "stats");
  return connection;
}
const responseEvents = (c: SseConnection) =>
  c.events.filter((e) => e.event === "response").map((e) => JSON.parse(e.data));

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
  await app.server.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.server.address() as { port: number }).port}`;
  org = await app.createOrg("Væg Kommune");
  surveyId = (
    await app.server.inject({
      method: "POST",
      url: "/api/v1/surveys",
      headers: bearer(org.token),
      payload: { name: "S", language: "da" },
    })
  ).json().id;
});
afterAll(async () => {
  for (const c of open) c.close();
  await app?.cleanup();
});

describe("wall links", () => {
  it("POST /api/v1/walls returns {id, url, streamUrl}, usable without other credentials", async () => {
    const wall = await createWall({ goalPerWeek: 25 });
    expect(wall.url).toMatch(/^http:\/\/anbefal\.test\/w\/[A-Za-z0-9_-]{32}$/);
    expect(wall.streamUrl).toBe(`${wall.url.replace("/w/", "/api/walls/")}/stream`);
    const token = wall.url.split("/w/")[1];
    const config = await app.server.inject({ method: "GET", url: `/api/walls/${token}` });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({
      organisationName: "Væg Kommune",
      goalPerWeek: 25,
      theme: "dark",
      language: "da",
    });
    const state = await app.server.inject({ method: "GET", url: `/api/walls/${token}/state` });
    expect(state.json()).toMatchObject({ promotersToday: 0, goal: { perWeek: 25, progress: 0 } });
    expect(state.json().nps.trend).toHaveLength(8);
  });

  it("another organisation cannot revoke or see a wall; an unknown token is 404", async () => {
    const wall = await createWall();
    const other = await app.createOrg("Fremmed");
    expect(
      (
        await app.server.inject({
          method: "DELETE",
          url: `/api/v1/walls/${wall.id}`,
          headers: bearer(other.token),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.server.inject({
          method: "GET",
          url: "/api/v1/walls",
          headers: bearer(other.token),
        })
      ).json().items,
    ).toEqual([]);
    expect(
      (await app.server.inject({ method: "GET", url: "/api/walls/not-a-real-token-000000" }))
        .statusCode,
    ).toBe(404);
  });
});

describe("the stream", () => {
  it("sends each new promoter in scope, with the comment only when consented, and a shout-out", async () => {
    const wall = await createWall();
    const borgerservice = await createWall({ touchpoint: "Borgerservice" });
    const all = await stream(wall.streamUrl);
    const scoped = await stream(borgerservice.streamUrl);

    const withConsent = (
      await submit({
        score: 10,
        comment: "Fantastisk hjælp!",
        consentToDisplay: true,
        touchpoint: "Borgerservice",
        employee: "Julie Hansen",
      })
    ).json().id;
    const noConsent = (
      await submit({ score: 9, comment: "Hemmelig kommentar", touchpoint: "Jobcenter" })
    ).json().id;
    await submit({ score: 7, comment: "Passiv", consentToDisplay: true });
    await submit({ score: 2, comment: "Dårligt", consentToDisplay: true });

    const first = JSON.parse(
      (await all.next((e) => e.event === "response" && e.data.includes(withConsent))).data,
    );
    expect(first).toMatchObject({
      id: withConsent,
      score: 10,
      comment: "Fantastisk hjælp!",
      employee: "Julie",
      touchpoint: "Borgerservice",
    });
    expect(new Date(first.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const second = JSON.parse(
      (await all.next((e) => e.event === "response" && e.data.includes(noConsent))).data,
    );
    expect(second).toEqual({ id: noConsent, score: 9, touchpoint: "Jobcenter", at: second.at });
    expect(second.comment).toBeUndefined();

    // The stats event that follows the burst counts all four answers in the NPS.
    const stats = await all.next(
      (e) => e.event === "stats" && JSON.parse(e.data).nps.current.n === 4,
    );
    expect(JSON.parse(stats.data)).toMatchObject({ promotersToday: 2, promotersThisWeek: 2 });

    await scoped.next((e) => e.event === "response" && e.data.includes(withConsent));
    expect(responseEvents(scoped).map((e) => e.id)).toEqual([withConsent]);
    expect(responseEvents(all).map((e) => e.id)).toEqual([withConsent, noConsent]);
    // Every event has an id, and they increase.
    const ids = all.events.filter((e) => e.event === "response").map((e) => Number(e.id));
    expect(ids[1]).toBeGreaterThan(ids[0] as number);
  });

  it("keeps personal data and abuse off the wall", async () => {
    const wall = await createWall();
    const connection = await stream(wall.streamUrl);
    const cpr = (
      await submit({
        score: 10,
        comment: "Tak! Mit cpr er 010190-1234, ring på 20 30 40 50",
        consentToDisplay: true,
      })
    ).json().id;
    const abusive = (
      await submit({
        score: 10,
        comment: "I er nogle fucking idioter og kællinger",
        consentToDisplay: true,
      })
    ).json().id;
    const cprEvent = JSON.parse((await connection.next((e) => e.data.includes(cpr))).data);
    expect(cprEvent.comment).toBeDefined();
    expect(cprEvent.comment).not.toMatch(/010190|1234|20 30 40 50/);
    expect(cprEvent.comment).toContain("[CPR-nummer skjult]");
    const abuseEvent = JSON.parse((await connection.next((e) => e.data.includes(abusive))).data);
    expect(abuseEvent.comment).toBeUndefined();
  });

  it("resumes after Last-Event-ID with what was missed, in order, without duplicates", async () => {
    const wall = await createWall();
    const first = await stream(wall.streamUrl);
    const a = (await submit({ score: 10 })).json().id;
    const eventA = await first.next((e) => e.data.includes(a));
    first.close();
    const missed = [];
    for (let i = 0; i < 3; i++)
      missed.push(
        (await submit({ score: 9, comment: `Savnet ${i}`, consentToDisplay: true })).json().id,
      );
    await submit({ score: 3 });
    const resumed = await openSse(local(wall.streamUrl), { "last-event-id": String(eventA.id) });
    open.push(resumed);
    const live = (await submit({ score: 10 })).json().id;
    await resumed.next((e) => e.data.includes(live));
    expect(responseEvents(resumed).map((e) => e.id)).toEqual([...missed, live]);
  });

  it("an admin hides one item from all walls at once", async () => {
    const wall = await createWall();
    const connection = await stream(wall.streamUrl);
    const id = (await submit({ score: 10, comment: "Skjul mig", consentToDisplay: true })).json()
      .id;
    await connection.next((e) => e.data.includes(id));
    const hide = await app.server.inject({
      method: "POST",
      url: `/api/v1/responses/${id}/hide`,
      headers: bearer(org.token),
    });
    expect(hide.statusCode).toBe(204);
    const hideEvent = await connection.next((e) => e.event === "hide");
    expect(JSON.parse(hideEvent.data)).toEqual({ id });
    const token = wall.url.split("/w/")[1];
    const state = (
      await app.server.inject({ method: "GET", url: `/api/walls/${token}/state` })
    ).json();
    expect(state.recent.map((e: { id: string }) => e.id)).not.toContain(id);
  });

  it("DELETE revokes the link and closes its open streams", async () => {
    const wall = await createWall();
    const connection = await stream(wall.streamUrl);
    const revoke = await app.server.inject({
      method: "DELETE",
      url: `/api/v1/walls/${wall.id}`,
      headers: bearer(org.token),
    });
    expect(revoke.statusCode).toBe(204);
    await connection.next((e) => e.event === "revoked");
    await connection.ended;
    const again = await openSse(local(wall.streamUrl));
    expect(again.status).toBe(404);
    again.close();
  });
});

describe("why an answer is or is not on the wall", () => {
  it("the comment list says it for each answer", async () => {
    const ids = {
      shown: (await submit({ score: 10, comment: "Super service", consentToDisplay: true })).json()
        .id,
      scoreOnly: (await submit({ score: 9, comment: "Ikke til skærmen" })).json().id,
      redacted: (
        await submit({ score: 10, comment: "Tak! Ring 20 30 40 50", consentToDisplay: true })
      ).json().id,
      heldBack: (
        await submit({
          score: 10,
          comment: "I er nogle fucking idioter og kællinger",
          consentToDisplay: true,
        })
      ).json().id,
      passive: (await submit({ score: 8, comment: "Fint", consentToDisplay: true })).json().id,
    };
    const list = (
      await app.server.inject({
        method: "GET",
        url: "/api/v1/responses?limit=100",
        headers: bearer(org.token),
      })
    ).json();
    const status = (id: string) => list.items.find((i: { id: string }) => i.id === id)?.wallStatus;
    expect(status(ids.shown)).toBe("shown");
    expect(status(ids.scoreOnly)).toBe("score-only");
    expect(status(ids.redacted)).toBe("redacted");
    expect(status(ids.heldBack)).toBe("held-back");
    expect(status(ids.passive)).toBe("not-promoter");
    const item = list.items.find((i: { id: string }) => i.id === ids.redacted);
    expect(item.guard).toEqual({ phone: 1 });
  });
});
