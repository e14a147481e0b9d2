import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../../../test/support/app";
import { summarise } from "../../core/nps";

let app: TestApp;
let org: Awaited<ReturnType<TestApp["createOrg"]>>;
let surveyIds: string[];

type Row = {
  surveyId: string;
  score: number;
  team: string | null;
  channel: string;
  createdAt: Date;
};
const rows: Row[] = [];
const teams = ["Borgerservice", "Jobcenter", null];
const channels = ["link", "qr", "kiosk"];
const start = Date.UTC(2026, 0, 1);

const get = (url: string) => app.server.inject({ method: "GET", url, headers: bearer(org.token) });

/** Brute force over the in-memory copy: the definitions, no shared SQL. */
function reference(filter: (r: Row) => boolean) {
  const picked = rows.filter(filter);
  const promoters = picked.filter((r) => r.score >= 9).length;
  const detractors = picked.filter((r) => r.score <= 6).length;
  return {
    n: picked.length,
    promoters,
    passives: picked.length - promoters - detractors,
    detractors,
  };
}

beforeAll(async () => {
  app = await createTestApp({ ANBEFAL_PUBLIC_RATE_LIMIT: "0" });
  org = await app.createOrg("Analyse Kommune");
  surveyIds = [];
  for (const name of ["A", "B"]) {
    const r = await get("/api/v1/surveys");
    expect(r.statusCode).toBe(200);
    const created = await app.server.inject({
      method: "POST",
      url: "/api/v1/surveys",
      headers: bearer(org.token),
      payload: { name, language: "da" },
    });
    surveyIds.push(created.json().id);
  }
  // 600 answers over 60 days, written straight to the table with known timestamps.
  const random = fc.sample(
    fc.tuple(
      fc.integer({ min: 0, max: 10 }),
      fc.nat(),
      fc.nat(),
      fc.nat(),
      fc.nat({ max: 60 * 24 * 60 }),
    ),
    { numRuns: 600, seed: 42 },
  );
  for (const [score, s, t, c, minute] of random) {
    rows.push({
      surveyId: surveyIds[s % 2] as string,
      score,
      team: teams[t % 3] ?? null,
      channel: channels[c % 3] as string,
      createdAt: new Date(start + minute * 60_000),
    });
  }
  await app.services.responses.repo.insertMany(
    rows.map((r) => ({
      orgId: org.orgId,
      surveyId: r.surveyId,
      score: r.score,
      team: r.team,
      channel: r.channel as never,
      createdAt: r.createdAt,
    })),
  );
  // Another organisation's answers must never count.
  const other = await app.createOrg("Anden Kommune");
  const otherSurvey = await app.services.surveys.create(other.orgId, { name: "X", language: "da" });
  await app.services.responses.repo.insertMany(
    Array.from({ length: 50 }, () => ({
      orgId: other.orgId,
      surveyId: otherSurvey.id,
      score: 0,
      createdAt: new Date(start + 86_400_000),
    })),
  );
});
afterAll(() => app?.cleanup());

describe("GET /api/v1/nps", () => {
  it("matches the brute-force reference for random filters (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          survey: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
          fromDay: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          days: fc.integer({ min: 1, max: 61 }),
          team: fc.option(fc.constantFrom("Borgerservice", "Jobcenter"), { nil: undefined }),
          channel: fc.option(fc.constantFrom(...channels), { nil: undefined }),
        }),
        async (f) => {
          const params = new URLSearchParams();
          const surveyId = f.survey === undefined ? undefined : surveyIds[f.survey];
          if (surveyId) params.set("surveyId", surveyId);
          let fromMs = Number.NEGATIVE_INFINITY;
          let toMs = Number.POSITIVE_INFINITY;
          if (f.fromDay !== undefined) {
            fromMs = start + f.fromDay * 86_400_000;
            toMs = fromMs + f.days * 86_400_000;
            params.set("from", new Date(fromMs).toISOString());
            params.set("to", new Date(toMs).toISOString());
          }
          if (f.team) params.set("team", f.team);
          if (f.channel) params.set("channel", f.channel);
          const response = await get(`/api/v1/nps?${params}`);
          expect(response.statusCode).toBe(200);
          const want = summarise(
            reference(
              (r) =>
                (!surveyId || r.surveyId === surveyId) &&
                r.createdAt.getTime() >= fromMs &&
                r.createdAt.getTime() < toMs &&
                (!f.team || r.team === f.team) &&
                (!f.channel || r.channel === f.channel),
            ),
          );
          const got = response.json();
          expect(got).toMatchObject({
            n: want.n,
            promoters: want.promoters,
            passives: want.passives,
            detractors: want.detractors,
          });
          if (want.nps === null) expect(got.nps).toBeNull();
          else {
            expect(got.nps).toBeCloseTo(want.nps, 9);
            expect(got.marginOfError95).toBeCloseTo(want.marginOfError95 ?? 0, 9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("groups by team, channel and month, with groups adding up to the total", async () => {
    for (const groupBy of ["team", "channel", "month", "week", "day", "touchpoint", "employee"]) {
      const body = (await get(`/api/v1/nps?groupBy=${groupBy}`)).json();
      expect(body.n).toBe(rows.length);
      const sum = (body.groups as Array<{ n: number }>).reduce((a, g) => a + g.n, 0);
      expect(sum).toBe(rows.length);
    }
    const byTeam = (await get("/api/v1/nps?groupBy=team")).json().groups as Array<{
      key: string;
      n: number;
    }>;
    const jobcenter = byTeam.find((g) => g.key === "Jobcenter");
    expect(jobcenter?.n).toBe(reference((r) => r.team === "Jobcenter").n);
    expect(byTeam.find((g) => g.key === "(none)")?.n).toBe(reference((r) => r.team === null).n);
  });

  it("buckets days in Copenhagen time and treats date-only bounds as Copenhagen midnight", async () => {
    // 23:30 UTC on 31 Jan is 00:30 on 1 Feb in Copenhagen.
    const lateOrg = await app.createOrg("Midnat");
    const s = await app.services.surveys.create(lateOrg.orgId, { name: "M", language: "da" });
    await app.services.responses.repo.insertMany([
      {
        orgId: lateOrg.orgId,
        surveyId: s.id,
        score: 10,
        createdAt: new Date("2026-01-31T23:30:00Z"),
      },
    ]);
    const inject = (url: string) =>
      app.server.inject({ method: "GET", url, headers: bearer(lateOrg.token) });
    expect((await inject("/api/v1/nps?groupBy=day")).json().groups[0].key).toBe("2026-02-01");
    expect((await inject("/api/v1/nps?from=2026-02-01&to=2026-02-02")).json().n).toBe(1);
    expect((await inject("/api/v1/nps?from=2026-01-31&to=2026-02-01")).json().n).toBe(0);
  });

  it("states no score for an empty period", async () => {
    const body = (await get("/api/v1/nps?from=2030-01-01")).json();
    expect(body).toEqual({
      n: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      marginOfError95: null,
    });
  });

  it.each([
    ["from=2026-02-31", "from"],
    ["to=yesterday", "to"],
    ["groupBy=year", "groupBy"],
    ["surveyId=123", "surveyId"],
    ["channel=fax", "channel"],
  ])("rejects %s with 400 naming %s", async (query, field) => {
    const response = await get(`/api/v1/nps?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe(field);
  });
});

describe("distribution and comparison", () => {
  it("counts each score 0-10", async () => {
    const body = (await get("/api/v1/nps/distribution")).json();
    expect(body.n).toBe(rows.length);
    for (let s = 0; s <= 10; s++)
      expect(body.counts[s]).toBe(rows.filter((r) => r.score === s).length);
  });

  it("compares two periods and says whether the change is significant", async () => {
    const body = (
      await get(
        "/api/v1/nps/compare?from=2026-01-31&to=2026-03-03&previousFrom=2026-01-01&previousTo=2026-01-31",
      )
    ).json();
    expect(body.current.n + body.previous.n).toBe(rows.length);
    expect(body.difference).toBeCloseTo(body.current.nps - body.previous.nps, 9);
    expect(typeof body.significant).toBe("boolean");
    expect(body.pValue).toBeGreaterThanOrEqual(0);
  });
});
