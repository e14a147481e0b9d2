import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/app";
import { localDate, mondayOf } from "../../core/calendar";
import { buildRollupsForOrg } from "./rollups";

// Rollups must never change an answer: every query is checked against the raw rows in JS.
let app: TestApp;
let orgId: string;
let surveyIds: string[];
type Row = {
  surveyId: string;
  score: number;
  team: string | null;
  channel: string;
  sentiment: string | null;
  createdAt: Date;
};
const rows: Row[] = [];
// Around the October DST change, so days of 25 hours are in the range.
const first = Date.parse("2026-10-15T00:00:00Z");
const now = new Date("2026-11-05T12:00:00Z");

beforeAll(async () => {
  app = await createTestApp();
  const org = await app.createOrg("Rollup Kommune");
  orgId = org.orgId;
  surveyIds = [
    (await app.services.surveys.create(orgId, { name: "A", language: "da" })).id,
    (await app.services.surveys.create(orgId, { name: "B", language: "da" })).id,
  ];
  const samples = fc.sample(
    fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      s: fc.nat(1),
      team: fc.constantFrom("Borgerservice", "Jobcenter", null),
      channel: fc.constantFrom("link", "kiosk"),
      sentiment: fc.constantFrom("positive", "negative", null),
      minute: fc.integer({ min: 0, max: 22 * 24 * 60 }),
    }),
    { numRuns: 800, seed: 7 },
  );
  for (const x of samples) {
    rows.push({
      surveyId: surveyIds[x.s] as string,
      score: x.score,
      team: x.team,
      channel: x.channel,
      sentiment: x.sentiment,
      createdAt: new Date(first + x.minute * 60_000),
    });
  }
  await app.services.responses.repo.insertMany(
    rows.map((r) => ({
      orgId,
      surveyId: r.surveyId,
      score: r.score,
      team: r.team,
      channel: r.channel as never,
      sentiment: r.sentiment as never,
      createdAt: r.createdAt,
    })),
  );
  // Another organisation on the same days must not leak into the rollups.
  const other = await app.createOrg("Anden");
  const otherSurvey = await app.services.surveys.create(other.orgId, { name: "X", language: "da" });
  await app.services.responses.repo.insertMany(
    Array.from({ length: 40 }, (_, i) => ({
      orgId: other.orgId,
      surveyId: otherSurvey.id,
      score: 10,
      createdAt: new Date(first + i * 3_600_000),
    })),
  );
  await buildRollupsForOrg(app.database.db, other.orgId, now);
});
afterAll(() => app?.cleanup());

function expected(filter: (r: Row) => boolean) {
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

const filterArb = fc.record({
  fromMinute: fc.option(fc.integer({ min: -60, max: 23 * 24 * 60 }), { nil: undefined }),
  span: fc.integer({ min: 1, max: 23 * 24 * 60 }),
  dateOnly: fc.boolean(),
  survey: fc.option(fc.nat(1), { nil: undefined }),
  team: fc.option(fc.constantFrom("Borgerservice", "Jobcenter"), { nil: undefined }),
  sentiment: fc.option(fc.constantFrom("positive", "negative"), { nil: undefined }),
});

async function checkAll(runs: number) {
  await fc.assert(
    fc.asyncProperty(
      filterArb,
      fc.constantFrom("day", "week", "team", "channel", "month"),
      async (f, groupBy) => {
        let from: string | undefined;
        let to: string | undefined;
        let fromMs = Number.NEGATIVE_INFINITY;
        let toMs = Number.POSITIVE_INFINITY;
        if (f.fromMinute !== undefined) {
          const a = new Date(first + f.fromMinute * 60_000);
          const b = new Date(a.getTime() + f.span * 60_000);
          if (f.dateOnly) {
            from = localDate(a);
            to = localDate(b);
            fromMs = Number.NEGATIVE_INFINITY;
            toMs = Number.POSITIVE_INFINITY;
          } else {
            from = a.toISOString();
            to = b.toISOString();
            fromMs = a.getTime();
            toMs = b.getTime();
          }
        }
        const surveyId = f.survey === undefined ? undefined : surveyIds[f.survey];
        const filter = { orgId, from, to, surveyId, team: f.team, sentiment: f.sentiment as never };
        const inRange = (r: Row) =>
          f.dateOnly && from && to
            ? localDate(r.createdAt) >= from && localDate(r.createdAt) < to
            : r.createdAt.getTime() >= fromMs && r.createdAt.getTime() < toMs;
        const match = (r: Row) =>
          inRange(r) &&
          (!surveyId || r.surveyId === surveyId) &&
          (!f.team || r.team === f.team) &&
          (!f.sentiment || r.sentiment === f.sentiment);
        expect(await app.services.responses.repo.counts(filter)).toEqual(expected(match));
        const groups = await app.services.responses.repo.countsBy(filter, groupBy);
        const keyOf = (r: Row) => {
          const day = localDate(r.createdAt);
          if (groupBy === "day") return day;
          if (groupBy === "week") return mondayOf(day);
          if (groupBy === "month") return day.slice(0, 7);
          if (groupBy === "team") return r.team ?? "(none)";
          return r.channel;
        };
        const keys = [...new Set(rows.filter(match).map(keyOf))].sort();
        expect(groups.map((g) => g.key)).toEqual(keys);
        for (const g of groups)
          expect({
            n: g.n,
            promoters: g.promoters,
            passives: g.passives,
            detractors: g.detractors,
          }).toEqual(expected((r) => match(r) && keyOf(r) === g.key));
      },
    ),
    { numRuns: runs },
  );
}

describe("NPS rollups", () => {
  it("answers exactly before any day is built", async () => {
    await checkAll(15);
  });

  it("builds every day up to five minutes ago (today partly) and still answers exactly", async () => {
    const built = await buildRollupsForOrg(app.database.db, orgId, now);
    expect(built).toBe(22); // 2026-10-15 .. 2026-11-05, the last one up to 11:55 UTC
    const days = await app.database.query<{ day: string; until: string }>(
      "select day::text, built_until as until from nps_rollup_days where org_id = $1 order by day",
      [orgId],
    );
    expect(days[0]?.day).toBe("2026-10-15");
    expect(days.at(-1)?.day).toBe("2026-11-05");
    expect(new Date(days.at(-1)?.until ?? 0).toISOString()).toBe("2026-11-05T11:55:00.000Z");
    expect(new Date(days.at(-2)?.until ?? 0).toISOString()).toBe("2026-11-04T23:00:00.000Z");
    expect(await buildRollupsForOrg(app.database.db, orgId, now)).toBe(0);
    await checkAll(40);
    // An hour later only today is extended.
    expect(
      await buildRollupsForOrg(app.database.db, orgId, new Date(now.getTime() + 3_600_000)),
    ).toBe(1);
    await checkAll(15);
  });

  it("stays exact after an old day's answers change (invalidated, then rebuilt)", async () => {
    const row = rows[5] as Row;
    const day = localDate(row.createdAt);
    const extra = {
      surveyId: row.surveyId,
      score: 10,
      team: "Jobcenter",
      channel: "link",
      sentiment: "positive",
      createdAt: new Date(row.createdAt.getTime() + 1000),
    };
    await app.services.responses.repo.insertMany([
      { orgId, ...extra, channel: "link", sentiment: "positive" },
    ]);
    rows.push(extra);
    const marked = await app.database.query(
      "select 1 from nps_rollup_days where org_id = $1 and day = $2",
      [orgId, day],
    );
    expect(marked).toHaveLength(0);
    await checkAll(15);
    expect(await buildRollupsForOrg(app.database.db, orgId, now)).toBe(1);
    await checkAll(15);
  });
});
