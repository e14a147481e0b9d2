import { randomBytes } from "node:crypto";
import type { Db } from "../../platform/db";
import { notFound } from "../../platform/errors";
import { createSurveysRepo, type SurveyRow } from "./repo";
import { defaultQuestions, type SurveyLanguage, type SurveyQuestions } from "./schema";

/** Other instances see an edited survey (wording, closing) within this long. */
const PUBLIC_VIEW_TTL_MS = 5_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LinkContext = {
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel?: string;
};

export type SurveyInput = {
  name: string;
  language: SurveyLanguage;
  questions?: Partial<Record<SurveyLanguage, Partial<{ score: string; why: string }>>>;
  askConsent?: boolean;
  askName?: boolean;
};

function mergeQuestions(base: SurveyQuestions, patch?: SurveyInput["questions"]): SurveyQuestions {
  return {
    da: { ...base.da, ...patch?.da },
    en: { ...base.en, ...patch?.en },
  };
}

export function createSurveysService(deps: { db: Db; publicUrl: (path: string) => string }) {
  const repo = createSurveysRepo(deps.db);
  const publicViews = new Map<
    string,
    { view: NonNullable<Awaited<ReturnType<typeof repo.publicById>>>; expires: number }
  >();

  function surveyUrl(
    id: string,
    context: LinkContext & { kiosk?: boolean; invitation?: string } = {},
  ): string {
    const params = new URLSearchParams();
    for (const key of ["team", "touchpoint", "employee", "channel"] as const) {
      const value = context[key];
      if (value) params.set(key, value);
    }
    if (context.invitation) params.set("i", context.invitation);
    if (context.kiosk) params.set("kiosk", "1");
    const query = params.toString();
    return deps.publicUrl(`/s/${id}${query ? `?${query}` : ""}`);
  }

  function toDto(row: SurveyRow, responseCount = 0) {
    return {
      id: row.id,
      name: row.name,
      language: row.language,
      questions: row.questions,
      askConsent: row.askConsent,
      askName: row.askName,
      publicUrl: surveyUrl(row.id),
      kioskUrl: surveyUrl(row.id, { kiosk: true, channel: "kiosk" }),
      createdAt: row.createdAt.toISOString(),
      responseCount,
    };
  }

  async function get(orgId: string, id: string) {
    const row = await repo.byId(orgId, id);
    if (!row) throw notFound("Survey");
    return row;
  }

  return {
    surveyUrl,
    async create(orgId: string, input: SurveyInput) {
      const row = await repo.insert({
        orgId,
        name: input.name,
        language: input.language,
        questions: mergeQuestions(defaultQuestions, input.questions),
        askConsent: input.askConsent ?? true,
        askName: input.askName ?? false,
      });
      return toDto(row);
    },
    async update(orgId: string, id: string, input: Partial<SurveyInput>) {
      const current = await get(orgId, id);
      publicViews.delete(id);
      const row = await repo.update(orgId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.questions !== undefined
          ? { questions: mergeQuestions(current.questions, input.questions) }
          : {}),
        ...(input.askConsent !== undefined ? { askConsent: input.askConsent } : {}),
        ...(input.askName !== undefined ? { askName: input.askName } : {}),
      });
      if (!row) throw notFound("Survey");
      const counts = await repo.responseCounts(orgId, [id]);
      return toDto(row, counts.get(id) ?? 0);
    },
    async get(orgId: string, id: string) {
      const row = await get(orgId, id);
      const counts = await repo.responseCounts(orgId, [id]);
      return toDto(row, counts.get(id) ?? 0);
    },
    async list(orgId: string) {
      const rows = await repo.list(orgId);
      const counts = await repo.responseCounts(
        orgId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toDto(r, counts.get(r.id) ?? 0));
    },
    /** Single-use links, each with a 128-bit token. */
    async createInvitations(
      orgId: string,
      surveyId: string,
      input: LinkContext & { count: number; email?: string },
    ) {
      await get(orgId, surveyId);
      const rows = Array.from({ length: input.count }, () => ({
        orgId,
        surveyId,
        token: randomBytes(16).toString("base64url"),
        email: input.email ?? null,
        team: input.team ?? null,
        touchpoint: input.touchpoint ?? null,
        employee: input.employee ?? null,
      }));
      const inserted = await repo.insertInvitations(rows);
      const context = { team: input.team, touchpoint: input.touchpoint, employee: input.employee };
      return inserted.map((r) => ({
        id: r.id,
        url: surveyUrl(surveyId, { ...context, invitation: r.token }),
      }));
    },
    /** What the respondent's page needs; no organisation data beyond its name. */
    /** Cached for a few seconds: every answer needs it, and surveys rarely change. */
    async publicView(id: string) {
      if (!UUID.test(id)) throw notFound("Survey");
      const cached = publicViews.get(id);
      if (cached && cached.expires > Date.now()) return cached.view;
      const row = await repo.publicById(id);
      if (!row) throw notFound("Survey");
      if (publicViews.size > 10_000) publicViews.clear();
      publicViews.set(id, { view: row, expires: Date.now() + PUBLIC_VIEW_TTL_MS });
      return row;
    },
    invitationByToken: (surveyId: string, token: string) =>
      UUID.test(surveyId) ? repo.invitationByToken(surveyId, token) : Promise.resolve(null),
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
