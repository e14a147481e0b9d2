import { z } from "zod";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import type { SurveysService } from "../surveys";
import type { ResponseFilter } from "./repo";
import { channels } from "./schema";
import { type ResponsesService, responsesCsv, toResponseDto } from "./service";

export const MAX_COMMENT_LENGTH = 5000;
const CSV_MAX_ROWS = 100_000;

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    y >= 1970 &&
    y <= 9999
  );
}

const isoInstant = z
  .string()
  .refine(
    (v) =>
      isRealDate(v) ||
      (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(v) &&
        isRealDate(v.slice(0, 10)) &&
        !Number.isNaN(Date.parse(v))),
    "must be an ISO date (2026-01-31) or date-time with offset (2026-01-31T08:00:00Z)",
  );
const contextText = z.string().trim().min(1, "must not be empty").max(120);

/** Filters shared by analytics, the comment list and the CSV export. */
export const responseFilterQuery = z.object({
  surveyId: z.string().uuid("must be a UUID").optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  team: contextText.optional(),
  touchpoint: contextText.optional(),
  employee: contextText.optional(),
  channel: z.enum(channels).optional(),
  sentiment: z.enum(["positive", "neutral", "negative"]).optional(),
});

export type ResponseFilterQuery = z.infer<typeof responseFilterQuery>;

export function toFilter(
  orgId: string,
  query: ResponseFilterQuery & Partial<ResponseFilter>,
): ResponseFilter {
  return { ...query, orgId };
}

const listQuery = responseFilterQuery.extend({
  category: z.enum(["promoter", "passive", "detractor"]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  hasComment: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const responseBody = z
  .object({
    score: z
      .number()
      .int("must be a whole number")
      .min(0, "must be 0 or more")
      .max(10, "must be 10 or less"),
    comment: z
      .string()
      .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
      .optional(),
    consentToDisplay: z.boolean().optional(),
    name: z.string().trim().max(120, "must be at most 120 characters").optional(),
    team: z.string().max(120, "must be at most 120 characters").optional(),
    touchpoint: z.string().max(120, "must be at most 120 characters").optional(),
    employee: z.string().max(120, "must be at most 120 characters").optional(),
    channel: z.enum(channels).optional(),
    invitation: z.string().min(10).max(64).optional(),
    language: z.enum(["da", "en"]).optional(),
  })
  .strict();

export function registerResponsesRoutes(
  app: HttpServer,
  deps: { responses: ResponsesService; surveys: SurveysService; publicRateLimit: number },
) {
  const { responses, surveys } = deps;
  const surveyParams = z.object({ id: z.string() });
  const rateLimit =
    deps.publicRateLimit > 0 ? { max: deps.publicRateLimit, timeWindow: "1 minute" } : false;

  app.get(
    "/api/public/surveys/:id",
    {
      config: { rateLimit: rateLimit ? { ...rateLimit, max: rateLimit.max * 2 } : false },
      schema: {
        tags: ["respondent"],
        summary: "What the survey page shows (public)",
        security: [],
        params: surveyParams,
        querystring: z.object({ invitation: z.string().max(64).optional() }),
      },
    },
    async (request) => {
      const { survey, organisationName } = await surveys.publicView(request.params.id);
      const previous = request.query.invitation
        ? await responses.previousAnswer(survey.id, request.query.invitation)
        : null;
      return {
        id: survey.id,
        language: survey.language,
        questions: survey.questions,
        askConsent: survey.askConsent,
        askName: survey.askName,
        organisationName,
        ...(previous ? { previous } : {}),
      };
    },
  );

  app.post(
    "/api/v1/surveys/:id/responses",
    {
      config: { rateLimit },
      schema: {
        tags: ["respondent"],
        summary: "Submit an answer (public, no token); 201 only once it is stored",
        security: [],
        params: surveyParams,
        body: responseBody,
      },
    },
    async (request, reply) => {
      const { id } = await responses.submit(request.params.id, request.body);
      return reply.status(201).send({ id });
    },
  );

  app.get(
    "/api/v1/responses",
    {
      schema: {
        tags: ["analytics"],
        summary: "Answers with comments, filtered and searchable",
        querystring: listQuery,
      },
    },
    async (request) => {
      const actor = await requireActor(request, "manager");
      const { limit, offset, ...filter } = request.query;
      const page = await responses.list(toFilter(actor.orgId, filter), { limit, offset });
      return { total: page.total, items: page.items.map(toResponseDto) };
    },
  );

  for (const [action, hidden] of [
    ["hide", true],
    ["unhide", false],
  ] as const) {
    app.post(
      `/api/v1/responses/:id/${action}`,
      {
        schema: {
          tags: ["walls"],
          summary: hidden
            ? "Hide one answer from all walls at once"
            : "Show a hidden answer on the walls again",
          params: z.object({ id: z.string().uuid("must be a UUID") }),
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, "manager");
        await responses.setHidden(actor.orgId, request.params.id, hidden);
        return reply.status(204).send();
      },
    );
  }

  app.get(
    "/api/v1/responses.csv",
    {
      schema: {
        tags: ["analytics"],
        summary: "CSV export of the filtered answers",
        querystring: listQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      const page = await responses.list(toFilter(actor.orgId, request.query), {
        limit: CSV_MAX_ROWS,
        offset: 0,
      });
      const date = new Date().toISOString().slice(0, 10);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="anbefal-svar-${date}.csv"`)
          // A BOM makes Excel read æøå correctly.
          .send(`\uFEFF${responsesCsv(page.items)}`)
      );
    },
  );
}
