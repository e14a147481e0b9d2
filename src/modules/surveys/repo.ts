import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db";
import { organisations } from "../orgs/schema";
import { responses } from "../responses/schema";
import { type SurveyLanguage, type SurveyQuestions, surveyInvitations, surveys } from "./schema";

export type SurveyRow = typeof surveys.$inferSelect;

export function createSurveysRepo(db: DbOrTx) {
  return {
    async insert(values: {
      orgId: string;
      name: string;
      language: SurveyLanguage;
      questions: SurveyQuestions;
      askConsent: boolean;
      askName: boolean;
    }): Promise<SurveyRow> {
      const [row] = await db.insert(surveys).values(values).returning();
      return row as SurveyRow;
    },
    async update(
      orgId: string,
      id: string,
      values: Partial<
        Pick<SurveyRow, "name" | "language" | "questions" | "askConsent" | "askName">
      >,
    ) {
      const [row] = await db
        .update(surveys)
        .set(values)
        .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)))
        .returning();
      return row ?? null;
    },
    async byId(orgId: string, id: string): Promise<SurveyRow | null> {
      const [row] = await db
        .select()
        .from(surveys)
        .where(and(eq(surveys.orgId, orgId), eq(surveys.id, id)));
      return row ?? null;
    },
    /** The public view: any organisation's open survey, by its unguessable id. */
    async publicById(id: string) {
      const [row] = await db
        .select({ survey: surveys, organisationName: organisations.name })
        .from(surveys)
        .innerJoin(organisations, eq(organisations.id, surveys.orgId))
        .where(and(eq(surveys.id, id), sql`${surveys.closedAt} is null`));
      return row ?? null;
    },
    async list(orgId: string) {
      return db
        .select()
        .from(surveys)
        .where(eq(surveys.orgId, orgId))
        .orderBy(desc(surveys.createdAt));
    },
    async responseCounts(orgId: string, surveyIds: string[]): Promise<Map<string, number>> {
      if (surveyIds.length === 0) return new Map();
      const rows = await db
        .select({ surveyId: responses.surveyId, n: sql<number>`count(*)::int` })
        .from(responses)
        .where(and(eq(responses.orgId, orgId), inArray(responses.surveyId, surveyIds)))
        .groupBy(responses.surveyId);
      return new Map(rows.map((r) => [r.surveyId, r.n]));
    },
    async insertInvitations(rows: Array<typeof surveyInvitations.$inferInsert>) {
      return db
        .insert(surveyInvitations)
        .values(rows)
        .returning({ id: surveyInvitations.id, token: surveyInvitations.token });
    },
    async invitationByToken(surveyId: string, token: string) {
      const [row] = await db
        .select()
        .from(surveyInvitations)
        .where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.token, token)));
      return row ?? null;
    },
  };
}

export type SurveysRepo = ReturnType<typeof createSurveysRepo>;
