// NPS query: GET /api/v1/nps with each groupBy over a 90-day range, on 1,000,000 answers in
// one organisation and another 1,000,000 spread over 100 others (--quick: 100,000 + 100,000).
// Baseline: the same counts as one bare SQL aggregate over the raw rows on the same
// database, i.e. what the query costs without rollups. ratio = baseline p95 / our p95.
import type { AddressInfo } from "node:net";
import { createApp } from "../src/app";
import { addDays, localDate, startOfDay } from "../src/core/calendar";
import { buildAllRollups } from "../src/modules/responses";
import { loadConfig } from "../src/platform/config";
import { migrateDatabase, openDatabase } from "../src/platform/db";
import { createScratchDatabase } from "./support/postgres";
import { Cleanup, tempDir } from "./support/processes";
import { percentile, round } from "./support/stats";
import type { Bench, BenchResult } from "./types";

const groupBys = [
  "none",
  "team",
  "touchpoint",
  "employee",
  "channel",
  "day",
  "week",
  "month",
] as const;

/** Realistic shape: employees belong to teams, each team has two touchpoints. */
const seedSql = (orgSql: string, surveys: string, count: number, days: number) => `
  with t as (select i, abs(hashint4(i)) as h, abs(hashint4(i * 31 + 7)) as g from generate_series(1, ${count}) as i)
  insert into responses (org_id, survey_id, score, team, touchpoint, employee, channel, sentiment, language, consent_to_display, created_at, updated_at)
  select ${orgSql}, (${surveys})[1 + h % array_length(${surveys}, 1)],
    (array[0,1,2,3,4,5,6,6,7,7,8,8,8,9,9,9,9,10,10,10,10,10])[1 + (g % 22)],
    (array['Borgerservice','Jobcenter','Teknik og Miljø','Ældre og Sundhed','Kultur'])[1 + (h / 7) % 5],
    (array['Skranke','Telefon','Jobsamtale','Telefon','Byggesag','Mail','Hjemmepleje','Telefon','Bibliotek','Web'])[1 + ((h / 7) % 5) * 2 + (g / 11) % 2],
    case when g % 3 = 0 then null else 'Medarbejder ' || ((h / 7) % 5) || '-' || ((g / 5) % 4) end,
    (array['link','email','qr','kiosk','widget'])[1 + (g / 3) % 5],
    (array['positive','neutral','negative'])[1 + (h / 13) % 3],
    'da', g % 2 = 0,
    now() - ((h % (${days} * 86400)) * interval '1 second'),
    now()
  from t`;

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const bench: Bench = {
  name: "nps-query",
  async run(ctx) {
    const cleanup = new Cleanup();
    const results: BenchResult[] = [];
    const mainCount = ctx.quick ? 100_000 : 1_000_000;
    const otherOrgs = 100;
    const runs = ctx.quick ? 10 : 40;
    try {
      const databaseUrl =
        ctx.db === "postgres" && ctx.databaseUrl
          ? await createScratchDatabase(ctx.databaseUrl, cleanup)
          : undefined;
      const dataDir = databaseUrl ? "memory://" : tempDir("anbefal-bench-nps-", cleanup);
      const database = await openDatabase({ databaseUrl, dataDir, poolSize: 4 });
      cleanup.add("close database", () => database.close());
      await migrateDatabase(database);
      const config = loadConfig({
        LOG_LEVEL: "warn",
        ANBEFAL_PUBLIC_RATE_LIMIT: "0",
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      });
      const app = await createApp({ config, database, serveWeb: false, rollups: false });
      cleanup.add("close app", () => app.close());
      const { services } = app;

      const seedStart = performance.now();
      const main = await services.orgs.createOrganisation({
        organisationName: "Bench",
        adminName: "B",
        adminEmail: "bench@x.dk",
        adminPassword: "bench password",
      });
      const orgId = main.organisation.id;
      const surveyIds = [];
      for (const name of ["A", "B", "C"])
        surveyIds.push((await services.surveys.create(orgId, { name, language: "da" })).id);
      const surveysSql = `array[${surveyIds.map((id) => `'${id}'::uuid`).join(",")}]`;
      for (let done = 0; done < mainCount; done += 100_000) {
        await database.query(
          seedSql(`'${orgId}'::uuid`, surveysSql, Math.min(100_000, mainCount - done), 90),
        );
      }
      for (let i = 0; i < otherOrgs; i++) {
        const other = await services.orgs.createOrganisation({
          organisationName: `Other ${i}`,
          adminName: "O",
          adminEmail: `o${i}@x.dk`,
          adminPassword: "bench password",
        });
        const survey = await services.surveys.create(other.organisation.id, {
          name: "S",
          language: "da",
        });
        await database.query(
          seedSql(
            `'${other.organisation.id}'::uuid`,
            `array['${survey.id}'::uuid]`,
            Math.round(mainCount / otherOrgs),
            90,
          ),
        );
      }
      await database.query("analyze");
      const seedMs = performance.now() - seedStart;
      const rollupMs = await timeIt(() => buildAllRollups(database.db, new Date()));
      const [{ n: rollupRows } = { n: 0 }] = await database.query<{ n: number }>(
        "select count(*)::int as n from nps_rollups where org_id = $1",
        [orgId],
      );

      const { token } = await services.orgs.createApiToken(orgId, "bench");
      await app.server.listen({ port: 0, host: "127.0.0.1" });
      const base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
      const today = localDate(new Date());
      const from = addDays(today, -89);
      const to = addDays(today, 1);
      const fromInstant = startOfDay(from).toISOString();
      const toInstant = startOfDay(to).toISOString();

      for (const groupBy of groupBys) {
        const url = `${base}/api/v1/nps?from=${from}&to=${to}${groupBy === "none" ? "" : `&groupBy=${groupBy}`}`;
        const ours: number[] = [];
        const bare: number[] = [];
        const rawGroup =
          groupBy === "none"
            ? ""
            : ["day", "week", "month"].includes(groupBy)
              ? `group by date_trunc('${groupBy}', created_at at time zone 'Europe/Copenhagen')`
              : `group by ${groupBy}`;
        const rawSql = `select count(*), count(*) filter (where score >= 9), count(*) filter (where score <= 6)
          from responses where org_id = $1 and created_at >= $2 and created_at < $3 ${rawGroup}`;
        let groups = 0;
        for (let i = 0; i < runs + 2; i++) {
          const t = await timeIt(async () => {
            const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
            if (response.status !== 200)
              throw new Error(`nps ${groupBy}: HTTP ${response.status} ${await response.text()}`);
            const body = (await response.json()) as { n: number; groups?: unknown[] };
            if (body.n === 0) throw new Error("nps bench: no answers in range");
            groups = body.groups?.length ?? 0;
          });
          const b = await timeIt(() => database.query(rawSql, [orgId, fromInstant, toInstant]));
          if (i >= 2) {
            ours.push(t);
            bare.push(b);
          }
        }
        const value = percentile(ours, 95);
        const baseline = percentile(bare, 95);
        results.push({
          name: `nps-query:${groupBy}`,
          db: ctx.db,
          value: round(value, 2),
          unit: "ms p95",
          baseline: round(baseline, 2),
          ratio: round(baseline / value, 2),
          details: {
            answersInOrg: mainCount,
            answersInOtherOrgs: mainCount,
            groups,
            rollupRowsInOrg: rollupRows,
            p50: round(percentile(ours, 50), 2),
            target: ctx.db === "postgres" ? "<= 50 ms" : "<= 200 ms",
            seedSeconds: round(seedMs / 1000, 1),
            rollupBuildSeconds: round(rollupMs / 1000, 1),
          },
        });
      }
    } finally {
      await cleanup.run();
    }
    return results;
  },
};

export default bench;
