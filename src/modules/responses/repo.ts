import { randomUUID } from "node:crypto";
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  isNotNull,
  isNull,
  lt,
  type SQL,
  sql,
} from "drizzle-orm";
import { localDate, TIME_ZONE } from "../../core/calendar";
import type { NpsCategory, NpsCounts } from "../../core/nps";
import type { DbOrTx } from "../../platform/db";
import { canUseRollups, invalidateRollupDays, rolledCounts, rolledCountsBy } from "./rollups";
import { responses } from "./schema";

export type ResponseRow = typeof responses.$inferSelect;
export type NewResponse = typeof responses.$inferInsert;

/** Everything an answer is stored with, all fields present (the insert's own shape). */
export type NewAnswer = Omit<ResponseRow, "id" | "seq" | "invitationId" | "hiddenAt" | "updatedAt">;

/** Everything analytics and the comment list can filter on; orgId is never optional. */
export type ResponseFilter = {
  orgId: string;
  surveyId?: string;
  /** ISO date (Copenhagen midnight) or date-time; inclusive. */
  from?: string;
  /** Exclusive. */
  to?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel?: string;
  sentiment?: "positive" | "neutral" | "negative";
  category?: NpsCategory;
  q?: string;
  hasComment?: boolean;
  /** Only answers that arrived after this wall event id. */
  afterSeq?: number;
  /** Leave out answers an admin hid from the walls. */
  visibleOnly?: boolean;
};

export type GroupBy = "team" | "touchpoint" | "employee" | "channel" | "day" | "week" | "month";

// Inlined, not a parameter: GROUP BY must see the very same expression as SELECT.
const tz = sql.raw(`'${TIME_ZONE}'`);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only bound means midnight in Copenhagen, where our users' days begin. */
function instant(value: string): SQL {
  return DATE_ONLY.test(value)
    ? sql`(${value}::date::timestamp at time zone ${TIME_ZONE})`
    : sql`${value}::timestamptz`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function filterConditions(filter: ResponseFilter): SQL {
  const conditions: Array<SQL | undefined> = [eq(responses.orgId, filter.orgId)];
  if (filter.surveyId) conditions.push(eq(responses.surveyId, filter.surveyId));
  if (filter.from) conditions.push(gte(responses.createdAt, instant(filter.from) as never));
  if (filter.to) conditions.push(lt(responses.createdAt, instant(filter.to) as never));
  if (filter.team) conditions.push(eq(responses.team, filter.team));
  if (filter.touchpoint) conditions.push(eq(responses.touchpoint, filter.touchpoint));
  if (filter.employee) conditions.push(eq(responses.employee, filter.employee));
  if (filter.channel) conditions.push(eq(responses.channel, filter.channel as never));
  if (filter.sentiment) conditions.push(eq(responses.sentiment, filter.sentiment));
  if (filter.category === "promoter") conditions.push(gte(responses.score, 9));
  if (filter.category === "passive") conditions.push(sql`${responses.score} between 7 and 8`);
  if (filter.category === "detractor") conditions.push(lt(responses.score, 7));
  if (filter.hasComment) conditions.push(isNotNull(responses.comment));
  if (filter.afterSeq !== undefined) conditions.push(gt(responses.seq, filter.afterSeq));
  if (filter.visibleOnly) conditions.push(isNull(responses.hiddenAt));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(
      sql`(${ilike(responses.comment, pattern)} or ${ilike(responses.respondentName, pattern)})`,
    );
  }
  return and(...conditions) as SQL;
}

export function groupKey(groupBy: GroupBy): SQL<string> {
  switch (groupBy) {
    case "team":
    case "touchpoint":
    case "employee":
    case "channel":
      return sql<string>`coalesce(${responses[groupBy]}, '(none)')`;
    case "day":
      return sql<string>`to_char(date_trunc('day', ${responses.createdAt} at time zone ${tz}), 'YYYY-MM-DD')`;
    case "week":
      // ISO weeks start on Monday, as Danish calendars do; the key is the Monday's date.
      return sql<string>`to_char(date_trunc('week', ${responses.createdAt} at time zone ${tz}), 'YYYY-MM-DD')`;
    case "month":
      return sql<string>`to_char(date_trunc('month', ${responses.createdAt} at time zone ${tz}), 'YYYY-MM')`;
  }
}

const countColumns = {
  n: sql<number>`count(*)::int`,
  promoters: sql<number>`(count(*) filter (where ${responses.score} >= 9))::int`,
  passives: sql<number>`(count(*) filter (where ${responses.score} between 7 and 8))::int`,
  detractors: sql<number>`(count(*) filter (where ${responses.score} <= 6))::int`,
};

/** Answers with a comment, of one organisation, not yet analysed by a given version. */
function commentConditions(orgId?: string, notVersion?: string): SQL[] {
  const conditions: SQL[] = [isNotNull(responses.comment)];
  if (orgId) conditions.push(eq(responses.orgId, orgId));
  if (notVersion) {
    conditions.push(sql`coalesce(${responses.analysis}->>'version', '') <> ${notVersion}`);
  }
  return conditions;
}

export function createResponsesRepo(db: DbOrTx) {
  return {
    /**
     * The hot path of every answer: one plain parameterised INSERT. Built by hand because
     * the query builder's per-call work was a fifth of the ingest CPU (docs/benchmarks.md).
     */
    async insert(values: NewAnswer): Promise<ResponseRow> {
      const result = await db.execute<{ id: string; seq: string | number }>(sql`
        insert into responses (org_id, survey_id, score, comment, consent_to_display, respondent_name, team, touchpoint,
          employee, channel, language, sentiment, sentiment_score, analysis, guard, created_at, updated_at)
        values (${values.orgId}, ${values.surveyId}, ${values.score}, ${values.comment}, ${values.consentToDisplay},
          ${values.respondentName}, ${values.team}, ${values.touchpoint}, ${values.employee}, ${values.channel},
          ${values.language}, ${values.sentiment}, ${values.sentimentScore},
          ${values.analysis ? JSON.stringify(values.analysis) : null}::jsonb, ${values.guard ? JSON.stringify(values.guard) : null}::jsonb,
          ${values.createdAt.toISOString()}::timestamptz, ${values.createdAt.toISOString()}::timestamptz)
        returning id, seq`);
      const row = (result as unknown as { rows: Array<{ id: string; seq: string | number }> })
        .rows[0];
      if (!row) throw new Error("insert returned no row");
      return {
        ...values,
        id: row.id,
        seq: Number(row.seq),
        invitationId: null,
        hiddenAt: null,
        updatedAt: values.createdAt,
      };
    },
    /**
     * Several live answers in one statement: one round trip and one commit for all of them.
     * The statement text is the same for any number of rows (columns travel as arrays), so
     * the server plans it once. Ids are made here, so each caller gets its own row back
     * whatever order RETURNING keeps.
     */
    async insertAnswers(batch: NewAnswer[]): Promise<ResponseRow[]> {
      if (batch.length === 0) return [];
      const ids = batch.map(() => randomUUID());
      const column = <T>(pick: (v: NewAnswer) => T) => sql.param(batch.map(pick));
      const result = await db.execute<{ id: string; seq: string | number }>(sql`
        insert into responses (id, org_id, survey_id, score, comment, consent_to_display, respondent_name, team,
          touchpoint, employee, channel, language, sentiment, sentiment_score, analysis, guard, created_at, updated_at)
        select id, org_id, survey_id, score, comment, consent_to_display, respondent_name, team,
          touchpoint, employee, channel, language, sentiment, sentiment_score, analysis::jsonb, guard::jsonb,
          created_at, created_at
        from unnest(${sql.param(ids)}::uuid[], ${column((v) => v.orgId)}::uuid[], ${column((v) => v.surveyId)}::uuid[],
          ${column((v) => v.score)}::smallint[], ${column((v) => v.comment)}::text[],
          ${column((v) => v.consentToDisplay)}::boolean[], ${column((v) => v.respondentName)}::text[],
          ${column((v) => v.team)}::text[], ${column((v) => v.touchpoint)}::text[], ${column((v) => v.employee)}::text[],
          ${column((v) => v.channel)}::text[], ${column((v) => v.language)}::text[], ${column((v) => v.sentiment)}::text[],
          ${column((v) => v.sentimentScore)}::real[],
          ${column((v) => (v.analysis ? JSON.stringify(v.analysis) : null))}::text[],
          ${column((v) => (v.guard ? JSON.stringify(v.guard) : null))}::text[],
          ${column((v) => v.createdAt.toISOString())}::timestamptz[])
          as t(id, org_id, survey_id, score, comment, consent_to_display, respondent_name, team, touchpoint,
            employee, channel, language, sentiment, sentiment_score, analysis, guard, created_at)
        returning id, seq`);
      const seqById = new Map(
        (result as unknown as { rows: Array<{ id: string; seq: string | number }> }).rows.map(
          (r) => [r.id, Number(r.seq)],
        ),
      );
      return batch.map((values, i) => {
        const id = ids[i] as string;
        const seq = seqById.get(id);
        if (seq === undefined) throw new Error("insert returned no row for an answer");
        return {
          ...values,
          id,
          seq,
          invitationId: null,
          hiddenAt: null,
          updatedAt: values.createdAt,
        };
      });
    },
    /** Bulk import with set timestamps (demo, back-fill): days it touches are rolled up afresh. */
    async insertMany(values: NewResponse[]): Promise<number> {
      if (values.length === 0) return 0;
      return db.transaction(async (tx) => {
        const rows = await tx
          .insert(responses)
          .values(values)
          .returning({ orgId: responses.orgId, createdAt: responses.createdAt });
        const daysByOrg = new Map<string, Set<string>>();
        for (const row of rows)
          daysByOrg.set(
            row.orgId,
            (daysByOrg.get(row.orgId) ?? new Set()).add(localDate(row.createdAt)),
          );
        for (const [orgId, days] of daysByOrg) await invalidateRollupDays(tx, orgId, [...days]);
        return rows.length;
      });
    },
    /** One answer per invitation: a second submit replaces the first. */
    async upsertByInvitation(values: NewResponse & { invitationId: string }): Promise<ResponseRow> {
      const { id: _ignored, createdAt: _created, ...rest } = values;
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(responses)
          .values(values)
          .onConflictDoUpdate({
            target: responses.invitationId,
            set: { ...rest, updatedAt: new Date() },
          })
          .returning();
        const stored = row as ResponseRow;
        // An edit keeps the first answer's time; that day's rollup no longer holds.
        if (stored.createdAt.getTime() !== values.createdAt?.getTime()) {
          await invalidateRollupDays(tx, stored.orgId, [localDate(stored.createdAt)]);
        }
        return stored;
      });
    },
    async byInvitation(invitationId: string) {
      const [row] = await db
        .select()
        .from(responses)
        .where(eq(responses.invitationId, invitationId));
      return row ?? null;
    },
    async counts(filter: ResponseFilter): Promise<NpsCounts> {
      if (canUseRollups(filter)) return rolledCounts(db, filter);
      const [row] = await db.select(countColumns).from(responses).where(filterConditions(filter));
      return row ?? { n: 0, promoters: 0, passives: 0, detractors: 0 };
    },
    async countsBy(
      filter: ResponseFilter,
      groupBy: GroupBy,
    ): Promise<Array<NpsCounts & { key: string }>> {
      if (canUseRollups(filter)) return rolledCountsBy(db, filter, groupBy);
      const key = groupKey(groupBy);
      return db
        .select({ key, ...countColumns })
        .from(responses)
        .where(filterConditions(filter))
        .groupBy(key)
        .orderBy(key);
    },
    async distribution(filter: ResponseFilter): Promise<Array<{ score: number; n: number }>> {
      return db
        .select({ score: responses.score, n: sql<number>`count(*)::int` })
        .from(responses)
        .where(filterConditions(filter))
        .groupBy(responses.score);
    },
    /**
     * Answers with comments, in id order, for re-analysis in batches: optionally one
     * organisation, and optionally only those not analysed by `notVersion`.
     */
    async commentBatch(afterId: string | null, limit: number, orgId?: string, notVersion?: string) {
      const conditions = commentConditions(orgId, notVersion);
      if (afterId) conditions.push(gt(responses.id, afterId));
      return db
        .select({
          id: responses.id,
          orgId: responses.orgId,
          comment: responses.comment,
          language: responses.language,
        })
        .from(responses)
        .where(and(...conditions))
        .orderBy(asc(responses.id))
        .limit(limit);
    },
    async countWithComments(orgId?: string, notVersion?: string): Promise<number> {
      const conditions = commentConditions(orgId, notVersion);
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(responses)
        .where(and(...conditions));
      return row?.n ?? 0;
    },
    async updateAnalysis(
      orgId: string,
      id: string,
      values: Pick<NewResponse, "sentiment" | "sentimentScore" | "analysis" | "guard">,
    ) {
      await db.transaction(async (tx) => {
        const rows = await tx
          .update(responses)
          .set(values)
          .where(and(eq(responses.orgId, orgId), eq(responses.id, id)))
          .returning({ createdAt: responses.createdAt });
        // Sentiment is a rollup dimension: the day is rebuilt from the new values.
        await invalidateRollupDays(
          tx,
          orgId,
          rows.map((r) => localDate(r.createdAt)),
        );
      });
    },
    /** Oldest first: for replaying missed wall events in order. */
    async listBySeq(filter: ResponseFilter, limit: number) {
      return db
        .select()
        .from(responses)
        .where(filterConditions(filter))
        .orderBy(asc(responses.seq))
        .limit(limit);
    },
    async hide(orgId: string, id: string, hidden: boolean): Promise<boolean> {
      const rows = await db
        .update(responses)
        .set({ hiddenAt: hidden ? new Date() : null })
        .where(and(eq(responses.orgId, orgId), eq(responses.id, id)))
        .returning({ id: responses.id });
      return rows.length > 0;
    },
    async list(filter: ResponseFilter, page: { limit: number; offset: number }) {
      const where = filterConditions(filter);
      const [total] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(responses)
        .where(where);
      const items = await db
        .select()
        .from(responses)
        .where(where)
        .orderBy(desc(responses.createdAt), desc(responses.id))
        .limit(page.limit)
        .offset(page.offset);
      return { total: total?.n ?? 0, items };
    },
  };
}

export type ResponsesRepo = ReturnType<typeof createResponsesRepo>;
