import { and, asc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { addDays, localDate, startOfDay, TIME_ZONE } from "../../core/calendar";
import { emptyCounts, mergeCounts, type NpsCounts } from "../../core/nps";
import type { Db, DbOrTx } from "../../platform/db";
import { organisations } from "../orgs/schema";
import type { GroupBy, ResponseFilter } from "./repo";
import { filterConditions, groupKey } from "./repo";
import { npsRollupDays, npsRollups, responses } from "./schema";

/**
 * Daily rollups keep NPS queries proportional to buckets, not answers, and exact: a day is
 * read from nps_rollups only when nps_rollup_days says it was built from the rows as they
 * are now; every other instant in the range is counted from the raw rows.
 *
 * Days are built once they are two days old, so an answer stamped just before midnight
 * and committed just after can never land in a day that was already built. Edits to old
 * answers (invitation re-submits, re-analysis, back-filled imports) drop the day's
 * "built" mark in the same transaction, under the organisation's advisory lock that the
 * builder also takes.
 */

const tz = sql.raw(`'${TIME_ZONE}'`);

/** Filters that only the raw rows can answer (they are not rollup dimensions). */
export function canUseRollups(filter: ResponseFilter): boolean {
  return (
    !filter.category &&
    !filter.q &&
    !filter.hasComment &&
    filter.afterSeq === undefined &&
    !filter.visibleOnly
  );
}

function lockKey(orgId: string): SQL {
  return sql`pg_advisory_xact_lock(hashtextextended(${`rollup:${orgId}`}, 0))`;
}

/** Marks days as not built; call inside the transaction that changes their answers. */
export async function invalidateRollupDays(
  tx: DbOrTx,
  orgId: string,
  days: string[],
): Promise<void> {
  if (days.length === 0) return;
  await tx.execute(sql`select ${lockKey(orgId)}`);
  await tx
    .delete(npsRollupDays)
    .where(and(eq(npsRollupDays.orgId, orgId), inArray(npsRollupDays.day, [...new Set(days)])));
}

/** The newest day the builder may roll up, given today's Copenhagen date. */
export const lastBuildableDay = (today: string) => addDays(today, -2);

/** Builds every missing or invalidated day up to lastBuildableDay for one organisation. */
export async function buildRollupsForOrg(db: Db, orgId: string, today: string): Promise<number> {
  const lastDay = lastBuildableDay(today);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ${lockKey(orgId)}`);
    const [first] = await tx
      .select({ at: responses.createdAt })
      .from(responses)
      .where(eq(responses.orgId, orgId))
      .orderBy(asc(responses.createdAt))
      .limit(1);
    if (!first) return 0;
    const firstDay = localDate(first.at);
    if (firstDay > lastDay) return 0;
    const built = await tx
      .select({ day: npsRollupDays.day })
      .from(npsRollupDays)
      .where(
        and(
          eq(npsRollupDays.orgId, orgId),
          gte(npsRollupDays.day, firstDay),
          lt(npsRollupDays.day, addDays(lastDay, 1)),
        ),
      );
    const builtDays = new Set(built.map((b) => b.day));
    const missing: string[] = [];
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1))
      if (!builtDays.has(day)) missing.push(day);
    if (missing.length === 0) return 0;
    const from = startOfDay(missing[0] as string);
    const to = startOfDay(addDays(missing[missing.length - 1] as string, 1));
    const localDay = sql`((${responses.createdAt} at time zone ${tz})::date)`;
    await tx
      .delete(npsRollups)
      .where(and(eq(npsRollups.orgId, orgId), inArray(npsRollups.day, missing)));
    await tx.execute(sql`
      insert into nps_rollups (org_id, day, survey_id, team, touchpoint, employee, channel, sentiment, n, promoters, passives, detractors)
      select org_id, ${localDay}, survey_id, coalesce(team, ''), coalesce(touchpoint, ''), coalesce(employee, ''),
             channel, coalesce(sentiment, ''), count(*),
             count(*) filter (where score >= 9), count(*) filter (where score between 7 and 8), count(*) filter (where score <= 6)
      from responses
      where org_id = ${orgId} and created_at >= ${from.toISOString()}::timestamptz and created_at < ${to.toISOString()}::timestamptz
        and ${localDay}::text in (${sql.join(
          missing.map((d) => sql`${d}`),
          sql`, `,
        )})
      group by org_id, ${localDay}, survey_id, coalesce(team, ''), coalesce(touchpoint, ''), coalesce(employee, ''), channel, coalesce(sentiment, '')`);
    for (let i = 0; i < missing.length; i += 1000) {
      await tx
        .insert(npsRollupDays)
        .values(missing.slice(i, i + 1000).map((day) => ({ orgId, day })))
        .onConflictDoUpdate({
          target: [npsRollupDays.orgId, npsRollupDays.day],
          set: { builtAt: new Date() },
        });
    }
    return missing.length;
  });
}

/** Builds all organisations' missing days; returns how many days it built. */
export async function buildAllRollups(db: Db, now: Date): Promise<number> {
  const today = localDate(now);
  let built = 0;
  for (const { id } of await db.select({ id: organisations.id }).from(organisations)) {
    built += await buildRollupsForOrg(db, id, today);
  }
  return built;
}

type Interval = { from: Date | null; to: Date | null };

/**
 * Splits [from, to) into the whole built days inside it (read from rollups) and the
 * instants around and between them (read raw).
 */
async function plan(
  db: DbOrTx,
  filter: ResponseFilter,
): Promise<{ rolled: string[]; raw: Interval[] }> {
  const from = filter.from ? toInstant(filter.from) : null;
  const to = filter.to ? toInstant(filter.to) : null;
  const firstWhole = from
    ? startOfDay(localDate(from)).getTime() === from.getTime()
      ? localDate(from)
      : addDays(localDate(from), 1)
    : null;
  // Whole days end before the day `to` falls in (that day is whole only past `to`).
  const endExclusive = to ? localDate(to) : null;
  const conditions = [eq(npsRollupDays.orgId, filter.orgId)];
  if (firstWhole) conditions.push(gte(npsRollupDays.day, firstWhole));
  if (endExclusive) conditions.push(lt(npsRollupDays.day, endExclusive));
  const rolled = (
    await db
      .select({ day: npsRollupDays.day })
      .from(npsRollupDays)
      .where(and(...conditions))
      .orderBy(asc(npsRollupDays.day))
  ).map((r) => r.day);
  const raw: Interval[] = [];
  let cursor: Date | null = from;
  let i = 0;
  while (i < rolled.length) {
    let j = i;
    while (j + 1 < rolled.length && rolled[j + 1] === addDays(rolled[j] as string, 1)) j++;
    const runStart = startOfDay(rolled[i] as string);
    const runEnd = startOfDay(addDays(rolled[j] as string, 1));
    if (cursor === null || cursor.getTime() < runStart.getTime())
      raw.push({ from: cursor, to: runStart });
    cursor = runEnd;
    i = j + 1;
  }
  if (rolled.length === 0) raw.push({ from, to });
  else if (to === null || (cursor as Date).getTime() < to.getTime()) raw.push({ from: cursor, to });
  return { rolled, raw };
}

function toInstant(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDay(value) : new Date(value);
}

function rawCondition(filter: ResponseFilter, intervals: Interval[]): SQL {
  const { from: _from, to: _to, ...rest } = filter;
  const ranges = intervals.map(({ from, to }) => {
    const parts: SQL[] = [];
    if (from) parts.push(gte(responses.createdAt, from));
    if (to) parts.push(lt(responses.createdAt, to));
    return parts.length ? (and(...parts) as SQL) : sql`true`;
  });
  return and(filterConditions(rest), sql`(${sql.join(ranges, sql` or `)})`) as SQL;
}

function rollupConditions(filter: ResponseFilter, days: string[]): SQL {
  const conditions: SQL[] = [eq(npsRollups.orgId, filter.orgId), inArray(npsRollups.day, days)];
  if (filter.surveyId) conditions.push(eq(npsRollups.surveyId, filter.surveyId));
  if (filter.team) conditions.push(eq(npsRollups.team, filter.team));
  if (filter.touchpoint) conditions.push(eq(npsRollups.touchpoint, filter.touchpoint));
  if (filter.employee) conditions.push(eq(npsRollups.employee, filter.employee));
  if (filter.channel) conditions.push(eq(npsRollups.channel, filter.channel));
  if (filter.sentiment) conditions.push(eq(npsRollups.sentiment, filter.sentiment));
  return and(...conditions) as SQL;
}

function rollupKey(groupBy: GroupBy): SQL<string> {
  switch (groupBy) {
    case "team":
    case "touchpoint":
    case "employee":
      return sql<string>`(case when ${npsRollups[groupBy]} = '' then '(none)' else ${npsRollups[groupBy]} end)`;
    case "channel":
      return sql<string>`${npsRollups.channel}`;
    case "day":
      return sql<string>`to_char(${npsRollups.day}, 'YYYY-MM-DD')`;
    case "week":
      return sql<string>`to_char(date_trunc('week', ${npsRollups.day}::timestamp), 'YYYY-MM-DD')`;
    case "month":
      return sql<string>`to_char(${npsRollups.day}, 'YYYY-MM')`;
  }
}

const rollupSums = {
  n: sql<number>`coalesce(sum(${npsRollups.n}), 0)::int`,
  promoters: sql<number>`coalesce(sum(${npsRollups.promoters}), 0)::int`,
  passives: sql<number>`coalesce(sum(${npsRollups.passives}), 0)::int`,
  detractors: sql<number>`coalesce(sum(${npsRollups.detractors}), 0)::int`,
};

const rawCounts = {
  n: sql<number>`count(*)::int`,
  promoters: sql<number>`(count(*) filter (where ${responses.score} >= 9))::int`,
  passives: sql<number>`(count(*) filter (where ${responses.score} between 7 and 8))::int`,
  detractors: sql<number>`(count(*) filter (where ${responses.score} <= 6))::int`,
};

/** NPS counts for a filter: built days from rollups, the rest from raw rows. */
export async function rolledCounts(db: DbOrTx, filter: ResponseFilter): Promise<NpsCounts> {
  const { rolled, raw } = await plan(db, filter);
  const [fromRollups, fromRaw] = await Promise.all([
    rolled.length
      ? db.select(rollupSums).from(npsRollups).where(rollupConditions(filter, rolled))
      : Promise.resolve([]),
    raw.length
      ? db.select(rawCounts).from(responses).where(rawCondition(filter, raw))
      : Promise.resolve([]),
  ]);
  return mergeCounts(fromRollups[0] ?? emptyCounts(), fromRaw[0] ?? emptyCounts());
}

export async function rolledCountsBy(
  db: DbOrTx,
  filter: ResponseFilter,
  groupBy: GroupBy,
): Promise<Array<NpsCounts & { key: string }>> {
  const { rolled, raw } = await plan(db, filter);
  const rollupKeyExpr = rollupKey(groupBy);
  const rawKeyExpr = groupKey(groupBy);
  const [fromRollups, fromRaw] = await Promise.all([
    rolled.length
      ? db
          .select({ key: rollupKeyExpr, ...rollupSums })
          .from(npsRollups)
          .where(rollupConditions(filter, rolled))
          .groupBy(rollupKeyExpr)
      : Promise.resolve([]),
    raw.length
      ? db
          .select({ key: rawKeyExpr, ...rawCounts })
          .from(responses)
          .where(rawCondition(filter, raw))
          .groupBy(rawKeyExpr)
      : Promise.resolve([]),
  ]);
  const merged = new Map<string, NpsCounts>();
  for (const { key, ...counts } of [...fromRollups, ...fromRaw])
    merged.set(key, mergeCounts(merged.get(key) ?? emptyCounts(), counts));
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counts]) => ({ key, ...counts }));
}
