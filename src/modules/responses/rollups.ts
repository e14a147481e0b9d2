import { and, asc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { addDays, localDate, startOfDay, TIME_ZONE } from "../../core/calendar";
import { emptyCounts, mergeCounts, type NpsCounts } from "../../core/nps";
import type { Db, DbOrTx } from "../../platform/db";
import { organisations } from "../orgs/schema";
import type { GroupBy, ResponseFilter } from "./repo";
import { filterConditions, groupKey } from "./repo";
import { npsRollupDays, npsRollups, npsRollupsByDimension, responses } from "./schema";

/**
 * Daily rollups keep NPS queries proportional to buckets, not answers, and exact: a day is
 * read from nps_rollups only when nps_rollup_days says it was built from the rows as they
 * are now; every other instant in the range is counted from the raw rows.
 *
 * The builder runs every minute and covers answers up to five minutes old (today's day
 * partly), so a transaction that stamped its answer just before the builder looked has
 * long committed. Edits to older answers (invitation re-submits, re-analysis, back-filled
 * imports) drop the day's mark in the same transaction, under the organisation's advisory
 * lock that the builder also takes; the day is read raw until it is rebuilt.
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

/**
 * Answers younger than this are left to the raw side: a transaction that stamped its
 * answer just before the builder looked commits well within it.
 */
export const COMMIT_GRACE_MS = 5 * 60_000;

/**
 * Brings one organisation's rollups up to `now - COMMIT_GRACE_MS`: builds missing or
 * invalidated days and extends today's partial day. Returns how many days it (re)built.
 */
export async function buildRollupsForOrg(db: Db, orgId: string, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - COMMIT_GRACE_MS);
  const lastDay = localDate(cutoff);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select ${lockKey(orgId)}`);
    const [first] = await tx
      .select({ at: responses.createdAt })
      .from(responses)
      .where(eq(responses.orgId, orgId))
      .orderBy(asc(responses.createdAt))
      .limit(1);
    if (!first || first.at.getTime() >= cutoff.getTime()) return 0;
    const firstDay = localDate(first.at);
    const built = await tx
      .select({ day: npsRollupDays.day, builtUntil: npsRollupDays.builtUntil })
      .from(npsRollupDays)
      .where(and(eq(npsRollupDays.orgId, orgId), gte(npsRollupDays.day, firstDay)));
    const coveredUntil = new Map(built.map((b) => [b.day, b.builtUntil.getTime()]));
    const todo: Array<{ day: string; until: Date }> = [];
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      const end = startOfDay(addDays(day, 1));
      const until = end.getTime() <= cutoff.getTime() ? end : cutoff;
      if ((coveredUntil.get(day) ?? Number.NEGATIVE_INFINITY) < until.getTime())
        todo.push({ day, until });
    }
    if (todo.length === 0) return 0;
    const days = todo.map((t) => t.day);
    const from = startOfDay(days[0] as string);
    const localDay = sql`((${responses.createdAt} at time zone ${tz})::date)`;
    const dayList = sql.join(
      days.map((d) => sql`${d}::date`),
      sql`, `,
    );
    await tx
      .delete(npsRollups)
      .where(and(eq(npsRollups.orgId, orgId), inArray(npsRollups.day, days)));
    await tx
      .delete(npsRollupsByDimension)
      .where(and(eq(npsRollupsByDimension.orgId, orgId), inArray(npsRollupsByDimension.day, days)));
    await tx.execute(sql`
      insert into nps_rollups (org_id, day, survey_id, team, touchpoint, employee, channel, sentiment, n, promoters, passives, detractors)
      select org_id, ${localDay}, survey_id, coalesce(team, ''), coalesce(touchpoint, ''), coalesce(employee, ''),
             channel, coalesce(sentiment, ''), count(*),
             count(*) filter (where score >= 9), count(*) filter (where score between 7 and 8), count(*) filter (where score <= 6)
      from responses
      where org_id = ${orgId} and created_at >= ${from.toISOString()}::timestamptz and created_at < ${cutoff.toISOString()}::timestamptz
        and ${localDay} in (${dayList})
      group by org_id, ${localDay}, survey_id, coalesce(team, ''), coalesce(touchpoint, ''), coalesce(employee, ''), channel, coalesce(sentiment, '')`);
    for (const dimension of projectedDimensions) {
      const key = dimension === "none" ? sql`''` : sql.raw(dimension);
      await tx.execute(sql`
        insert into nps_rollups_by_dimension (org_id, day, survey_id, dimension, key, n, promoters, passives, detractors)
        select org_id, day, survey_id, ${dimension}, ${key}, sum(n), sum(promoters), sum(passives), sum(detractors)
        from nps_rollups where org_id = ${orgId} and day in (${dayList})
        group by org_id, day, survey_id${dimension === "none" ? sql`` : sql`, ${key}`}`);
    }
    for (let i = 0; i < todo.length; i += 1000) {
      await tx
        .insert(npsRollupDays)
        .values(
          todo.slice(i, i + 1000).map(({ day, until }) => ({ orgId, day, builtUntil: until })),
        )
        .onConflictDoUpdate({
          target: [npsRollupDays.orgId, npsRollupDays.day],
          set: { builtUntil: sql`excluded.built_until`, builtAt: new Date() },
        });
    }
    return todo.length;
  });
}

/** Builds all organisations' missing days; returns how many days it built. */
export async function buildAllRollups(db: Db, now: Date): Promise<number> {
  let built = 0;
  for (const { id } of await db.select({ id: organisations.id }).from(organisations)) {
    built += await buildRollupsForOrg(db, id, now);
  }
  return built;
}

const projectedDimensions = [
  "none",
  "team",
  "touchpoint",
  "employee",
  "channel",
  "sentiment",
] as const;
type Projected = (typeof projectedDimensions)[number];

/** The projection that answers a query without dimension filters, if one does. */
function projectionFor(filter: ResponseFilter, groupBy?: GroupBy): Projected | null {
  if (filter.team || filter.touchpoint || filter.employee || filter.channel || filter.sentiment)
    return null;
  if (
    groupBy === "team" ||
    groupBy === "touchpoint" ||
    groupBy === "employee" ||
    groupBy === "channel"
  )
    return groupBy;
  return "none";
}

function projectionConditions(filter: ResponseFilter, days: string[], dimension: Projected): SQL {
  const conditions: SQL[] = [
    eq(npsRollupsByDimension.orgId, filter.orgId),
    eq(npsRollupsByDimension.dimension, dimension),
    inArray(npsRollupsByDimension.day, days),
  ];
  if (filter.surveyId) conditions.push(eq(npsRollupsByDimension.surveyId, filter.surveyId));
  return and(...conditions) as SQL;
}

function projectionKey(groupBy: GroupBy): SQL<string> {
  const t = npsRollupsByDimension;
  switch (groupBy) {
    case "team":
    case "touchpoint":
    case "employee":
      return sql<string>`(case when ${t.key} = '' then '(none)' else ${t.key} end)`;
    case "channel":
      return sql<string>`${t.key}`;
    case "day":
      return sql<string>`to_char(${t.day}, 'YYYY-MM-DD')`;
    case "week":
      return sql<string>`to_char(date_trunc('week', ${t.day}::timestamp), 'YYYY-MM-DD')`;
    case "month":
      return sql<string>`to_char(${t.day}, 'YYYY-MM')`;
  }
}

const projectionSums = {
  n: sql<number>`coalesce(sum(${npsRollupsByDimension.n}), 0)::int`,
  promoters: sql<number>`coalesce(sum(${npsRollupsByDimension.promoters}), 0)::int`,
  passives: sql<number>`coalesce(sum(${npsRollupsByDimension.passives}), 0)::int`,
  detractors: sql<number>`coalesce(sum(${npsRollupsByDimension.detractors}), 0)::int`,
};

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
  const conditions = [eq(npsRollupDays.orgId, filter.orgId)];
  if (from) conditions.push(gte(npsRollupDays.day, localDate(from)));
  if (to) conditions.push(lt(npsRollupDays.day, addDays(localDate(to), 1)));
  const days = await db
    .select({ day: npsRollupDays.day, builtUntil: npsRollupDays.builtUntil })
    .from(npsRollupDays)
    .where(and(...conditions))
    .orderBy(asc(npsRollupDays.day));
  // A built day covers [its midnight, builtUntil); use it only when that lies inside the range.
  const rolled: string[] = [];
  const covered: Array<{ from: number; to: number }> = [];
  for (const { day, builtUntil } of days) {
    const start = startOfDay(day).getTime();
    const end = builtUntil.getTime();
    if ((from && start < from.getTime()) || (to && end > to.getTime()) || end <= start) continue;
    rolled.push(day);
    const last = covered[covered.length - 1];
    if (last && last.to === start) last.to = end;
    else covered.push({ from: start, to: end });
  }
  const raw: Interval[] = [];
  let cursor: Date | null = from;
  for (const c of covered) {
    if (cursor === null || cursor.getTime() < c.from)
      raw.push({ from: cursor, to: new Date(c.from) });
    cursor = new Date(c.to);
  }
  if (covered.length === 0) raw.push({ from, to });
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
  const projection = projectionFor(filter);
  const [fromRollups, fromRaw] = await Promise.all([
    !rolled.length
      ? Promise.resolve([])
      : projection
        ? db
            .select(projectionSums)
            .from(npsRollupsByDimension)
            .where(projectionConditions(filter, rolled, projection))
        : db.select(rollupSums).from(npsRollups).where(rollupConditions(filter, rolled)),
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
  const projection = projectionFor(filter, groupBy);
  const rollupKeyExpr = projection ? projectionKey(groupBy) : rollupKey(groupBy);
  const rawKeyExpr = groupKey(groupBy);
  const [fromRollups, fromRaw] = await Promise.all([
    !rolled.length
      ? Promise.resolve([])
      : projection
        ? db
            .select({ key: rollupKeyExpr, ...projectionSums })
            .from(npsRollupsByDimension)
            .where(projectionConditions(filter, rolled, projection))
            .groupBy(rollupKeyExpr)
        : db
            .select({ key: rollupKeyExpr, ...rollupSums })
            .from(npsRollups)
            .where(rollupConditions(filter, rolled))
            .groupBy(rollupKeyExpr),
    raw.length
      ? db
          .select({ key: rawKeyExpr, ...rawCounts })
          .from(responses)
          .where(rawCondition(filter, raw))
          .groupBy(rawKeyExpr)
      : Promise.resolve([]),
  ]);
  const merged = new Map<string, NpsCounts>();
  for (const { key, ...counts } of [...fromRollups, ...fromRaw]) {
    merged.set(key, mergeCounts(merged.get(key) ?? emptyCounts(), counts));
  }
  return [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, counts]) => ({ key, ...counts }));
}
