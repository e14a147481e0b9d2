import { z } from "zod";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import { responseFilterQuery, toFilter } from "../responses";
import type { AnalyticsService } from "./service";

const npsSummary = z.object({
  n: z.number(),
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
  nps: z.number().nullable(),
  marginOfError95: z.number().nullable(),
});

export function registerAnalyticsRoutes(app: HttpServer, deps: { analytics: AnalyticsService }) {
  const { analytics } = deps;

  app.get(
    "/api/v1/nps",
    {
      schema: {
        tags: ["analytics"],
        summary: "NPS with its 95% margin of error, optionally grouped",
        description:
          "`from`/`to` are ISO dates (Copenhagen midnight) or date-times; `to` is exclusive. n counts answered responses.",
        querystring: responseFilterQuery.extend({
          groupBy: z
            .enum(["team", "touchpoint", "employee", "channel", "day", "week", "month"])
            .optional(),
        }),
        response: {
          200: npsSummary.extend({
            groups: z.array(npsSummary.extend({ key: z.string() })).optional(),
          }),
        },
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { groupBy, ...filter } = request.query;
      return analytics.nps(toFilter(actor.orgId, filter), groupBy);
    },
  );

  app.get(
    "/api/v1/nps/compare",
    {
      schema: {
        tags: ["analytics"],
        summary:
          "Compare the period from/to with previousFrom/previousTo; says whether the change is significant",
        querystring: responseFilterQuery.extend({
          previousFrom: responseFilterQuery.shape.from,
          previousTo: responseFilterQuery.shape.to,
        }),
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const { previousFrom, previousTo, ...filter } = request.query;
      const current = toFilter(actor.orgId, filter);
      return analytics.compare(current, { ...current, from: previousFrom, to: previousTo });
    },
  );

  app.get(
    "/api/v1/nps/distribution",
    {
      schema: {
        tags: ["analytics"],
        summary: "How many answered each score 0-10",
        querystring: responseFilterQuery,
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      return analytics.distribution(toFilter(actor.orgId, request.query));
    },
  );
}
