import { guardText } from "../../core/guard";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import type { SurveysService } from "../surveys";
import { type BatcherOptions, createBatcher } from "./batcher";
import { createResponsesRepo, type NewAnswer, type ResponseFilter, type ResponseRow } from "./repo";
import type { Channel, GuardSummary, ResponseAnalysis } from "./schema";

export type SubmitResponseInput = {
  score: number;
  comment?: string;
  consentToDisplay?: boolean;
  name?: string;
  team?: string;
  touchpoint?: string;
  employee?: string;
  channel?: Channel;
  invitation?: string;
  language?: "da" | "en";
};

/** Text insight and the guard, computed before the row is written (pure, no I/O). */
export type CommentAnalyser = (
  orgId: string,
  comment: string,
  language?: "da" | "en",
) => Promise<{
  language: string;
  sentiment: "positive" | "neutral" | "negative";
  sentimentScore: number;
  analysis: ResponseAnalysis;
  guard: GuardSummary;
}>;

/** A response as it was stored, for listeners such as the wall. */
export type StoredResponse = ResponseRow;

export type ResponsesDeps = {
  db: Db;
  surveys: SurveysService;
  analyseComment?: CommentAnalyser;
  /** Called after the write committed (never inside the transaction). */
  onStored?: (response: StoredResponse, meta: { edited: boolean }) => void;
  /** Called after an admin hid or showed an answer on the walls. */
  onHiddenChanged?: (orgId: string, responseId: string, hidden: boolean) => void;
  clock?: () => Date;
  /**
   * Group commit of new answers (batcher.ts). Default: up to 200 answers a statement and one
   * statement at a time, which suits PGlite; give a pool more in flight.
   */
  batching?: Partial<BatcherOptions>;
};

const blankToUndefined = (value?: string) => (value?.trim() ? value.trim() : undefined);

export function createResponsesService(deps: ResponsesDeps) {
  const repo = createResponsesRepo(deps.db);
  const clock = deps.clock ?? (() => new Date());
  const inserts = createBatcher<NewAnswer, ResponseRow>((batch) => repo.insertAnswers(batch), {
    maxBatch: deps.batching?.maxBatch ?? 200,
    maxInFlight: deps.batching?.maxInFlight ?? 1,
  });

  async function submit(
    surveyId: string,
    input: SubmitResponseInput,
  ): Promise<{ id: string; edited: boolean }> {
    const { survey } = await deps.surveys.publicView(surveyId);
    const invitation = input.invitation
      ? await deps.surveys.invitationByToken(surveyId, input.invitation)
      : null;
    if (input.invitation && !invitation) {
      throw new AppError("invalid", "invitation: unknown or not for this survey", {
        field: "invitation",
        reason: "unknown_invitation",
      });
    }
    const comment = blankToUndefined(input.comment);
    const analysed =
      comment && deps.analyseComment
        ? await deps.analyseComment(survey.orgId, comment, input.language)
        : undefined;
    const now = clock();
    const values = {
      orgId: survey.orgId,
      surveyId: survey.id,
      score: input.score,
      comment: comment ?? null,
      // Consent to show a comment only means something when there is a comment.
      consentToDisplay: Boolean(comment && input.consentToDisplay),
      respondentName: survey.askName ? (blankToUndefined(input.name) ?? null) : null,
      // An invitation's own context wins over what the query string claims.
      team: invitation?.team ?? blankToUndefined(input.team) ?? null,
      touchpoint: invitation?.touchpoint ?? blankToUndefined(input.touchpoint) ?? null,
      employee: invitation?.employee ?? blankToUndefined(input.employee) ?? null,
      channel: input.channel ?? (invitation ? "email" : "link"),
      language: input.language ?? analysed?.language ?? survey.language,
      sentiment: analysed?.sentiment ?? null,
      sentimentScore: analysed?.sentimentScore ?? null,
      analysis: analysed?.analysis ?? null,
      guard: analysed?.guard ?? null,
      createdAt: now,
      updatedAt: now,
    } as const;
    let stored: StoredResponse;
    let edited = false;
    if (invitation) {
      edited = Boolean(await repo.byInvitation(invitation.id));
      stored = await repo.upsertByInvitation({ ...values, invitationId: invitation.id });
    } else {
      stored = await inserts.submit(values);
    }
    deps.onStored?.(stored, { edited });
    return { id: stored.id, edited };
  }

  /** The answer given through an invitation so far; 404 for a link that is not this survey's. */
  async function previousAnswer(surveyId: string, token: string) {
    const invitation = await deps.surveys.invitationByToken(surveyId, token);
    if (!invitation) throw notFound("Invitation");
    const row = await repo.byInvitation(invitation.id);
    return row
      ? {
          score: row.score,
          comment: row.comment,
          consentToDisplay: row.consentToDisplay,
          name: row.respondentName,
        }
      : null;
  }

  async function setHidden(orgId: string, id: string, hidden: boolean) {
    if (!(await repo.hide(orgId, id, hidden))) throw notFound("Response");
    deps.onHiddenChanged?.(orgId, id, hidden);
  }

  return {
    repo,
    submit,
    setHidden,
    previousAnswer,
    /** Waits for answers still being written (shutdown, tests). */
    drain: () => inserts.drain(),
    insertStats: () => inserts.stats(),
    list: (filter: ResponseFilter, page: { limit: number; offset: number }) =>
      repo.list(filter, page),
  };
}

export type ResponsesService = ReturnType<typeof createResponsesService>;

/**
 * How an answer appears on the walls, and why not when it does not. The one place that
 * decides: the wall shows what this returns, and admins read the same status.
 */
export type WallStatus =
  | "shown"
  | "score-only"
  | "redacted"
  | "held-back"
  | "hidden"
  | "not-promoter";

/** A TV reads a comment from across the room; more than this is not a wall comment. */
export const WALL_COMMENT_MAX = 400;

/**
 * Only promoters; the comment only with consent and only as the guard lets it through
 * (personal data redacted, strong abuse withheld), shortened for the screen.
 */
export function wallVerdict(row: ResponseRow): { status: WallStatus; comment?: string } {
  if (row.score < 9) return { status: "not-promoter" };
  if (row.hiddenAt) return { status: "hidden" };
  if (!row.comment || !row.consentToDisplay) return { status: "score-only" };
  const guarded = guardText(row.comment, "wall");
  if (!guarded.allowed) return { status: "held-back" };
  const status = guarded.findings.length > 0 ? "redacted" : "shown";
  const text = guarded.redacted.trim();
  if (!text) return { status };
  const comment = text.length > WALL_COMMENT_MAX ? `${text.slice(0, WALL_COMMENT_MAX - 1)}…` : text;
  return { status, comment };
}

export function toResponseDto(row: ResponseRow) {
  return {
    id: row.id,
    surveyId: row.surveyId,
    score: row.score,
    comment: row.comment,
    name: row.respondentName,
    consentToDisplay: row.consentToDisplay,
    team: row.team,
    touchpoint: row.touchpoint,
    employee: row.employee,
    channel: row.channel,
    language: row.language,
    sentiment: row.sentiment,
    employeesNamed: row.analysis?.employees ?? [],
    guard: row.guard?.counts ?? {},
    hidden: row.hiddenAt !== null,
    wallStatus: wallVerdict(row).status,
    createdAt: row.createdAt.toISOString(),
  };
}

const csvColumns = [
  "id",
  "createdAt",
  "surveyId",
  "score",
  "category",
  "comment",
  "consentToDisplay",
  "name",
  "team",
  "touchpoint",
  "employee",
  "channel",
  "language",
  "sentiment",
] as const;

/** RFC 4180 quoting, plus a leading apostrophe so spreadsheets never run a cell as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function responsesCsv(rows: ResponseRow[]): string {
  const lines = [csvColumns.join(",")];
  for (const r of rows) {
    const category = r.score >= 9 ? "promoter" : r.score >= 7 ? "passive" : "detractor";
    const cells = [
      r.id,
      r.createdAt.toISOString(),
      r.surveyId,
      r.score,
      category,
      r.comment,
      r.consentToDisplay,
      r.respondentName,
      r.team,
      r.touchpoint,
      r.employee,
      r.channel,
      r.language,
      r.sentiment,
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
