import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/support/app";
import type { BusMessage } from "../platform/realtime/bus";
import { DEMO_EMAIL, DEMO_SLUG, seedDemo, startSimulator } from ".";

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
});
afterAll(() => app?.cleanup());

describe("the demo", () => {
  it("creates Demo Kommune with teams, named employees, touchpoints, three surveys and ~2,000 answers over 90 days", async () => {
    const login = await seedDemo(app.services, app.database);
    expect(login).toMatchObject({ email: DEMO_EMAIL, created: true });
    expect(login.password.length).toBeGreaterThanOrEqual(10);
    const org = await app.services.orgs.organisationBySlug(DEMO_SLUG);
    expect(org?.name).toBe("Demo Kommune");
    const orgId = org?.id as string;
    expect((await app.services.surveys.list(orgId)).length).toBe(3);
    expect((await app.services.orgs.repo.listTeams(orgId)).length).toBeGreaterThanOrEqual(4);
    expect((await app.services.orgs.repo.listEmployees(orgId)).length).toBeGreaterThanOrEqual(10);
    const touchpoints = (await app.services.orgs.repo.listTouchpoints(orgId)).map((t) => t.name);
    expect(touchpoints).toEqual(expect.arrayContaining(["Borgerservice", "Jobcenter", "Telefon"]));
    const [stats] = await app.database.query<{
      n: number;
      days: number;
      with_comment: number;
      en: number;
    }>(
      `select count(*)::int as n, count(distinct (created_at at time zone 'Europe/Copenhagen')::date)::int as days,
              count(comment)::int as with_comment, count(*) filter (where language = 'en')::int as en
       from responses where org_id = $1`,
      [orgId],
    );
    expect(stats?.n).toBe(2000);
    expect(stats?.days).toBeGreaterThanOrEqual(85);
    expect(stats?.with_comment).toBeGreaterThan(1000);
    expect(stats?.en).toBeGreaterThan(50);
    // Comments carry text insight like live answers do, so the sentiment filter works on the demo.
    const [analysed] = await app.database.query<{ n: number }>(
      "select count(*)::int as n from responses where org_id = $1 and comment is not null and sentiment is null",
      [orgId],
    );
    expect(analysed?.n).toBe(0);
    // The sign-in it prints works.
    const signIn = await app.server.inject({
      method: "POST",
      url: "/api/auth/sign-in/email",
      headers: { origin: "http://anbefal.test" },
      payload: { email: DEMO_EMAIL, password: login.password },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it("on a later start keeps the data and only issues a new password", async () => {
    const again = await seedDemo(app.services, app.database);
    expect(again.created).toBe(false);
    const [row] = await app.database.query<{ n: number }>(
      "select count(*)::int as n from responses where org_id = $1",
      [again.orgId],
    );
    expect(row?.n).toBe(2000);
  });

  it("the simulator submits answers through the normal path, so the wall hears them", async () => {
    const org = await app.services.orgs.organisationBySlug(DEMO_SLUG);
    const heard: BusMessage[] = [];
    const gotTwo = new Promise<void>((resolve) => {
      const off = app.services.bus.subscribe((m) => {
        if (m.type !== "response.stored") return;
        heard.push(m);
        if (heard.length === 2) {
          off();
          resolve();
        }
      });
    });
    const stop = startSimulator(app.services, org?.id as string, app.logger, { min: 5, max: 10 });
    await gotTwo;
    stop();
    expect(heard.every((m) => m.orgId === org?.id)).toBe(true);
    const [row] = await app.database.query<{ n: number }>(
      "select count(*)::int as n from responses where org_id = $1",
      [org?.id],
    );
    expect(row?.n).toBeGreaterThanOrEqual(2002);
  });
});
