import { z } from "zod";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import type { WallHub } from "./hub";
import { wallThemes } from "./schema";
import type { WallsService } from "./service";

const scopeText = z.string().trim().min(1, "must not be empty").max(120);
const wallSettings = z.object({
  name: z.string().trim().min(1, "must not be empty").max(80).optional(),
  goalPerWeek: z.number().int().min(1, "must be at least 1").max(100_000).nullable().optional(),
  theme: z.enum(wallThemes).optional(),
  language: z.enum(["da", "en"]).optional(),
});
const tokenParams = z.object({ token: z.string().max(100) });
const idParams = z.object({ id: z.string().uuid("must be a UUID") });

export function registerWallsRoutes(app: HttpServer, deps: { walls: WallsService; hub: WallHub }) {
  const { walls, hub } = deps;

  app.post(
    "/api/v1/walls",
    {
      schema: {
        tags: ["walls"],
        summary:
          "Create a wall link for an office TV (read-only, revocable, optionally for one team or touchpoint)",
        body: wallSettings.extend({ team: scopeText.optional(), touchpoint: scopeText.optional() }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      const wall = await walls.create(actor.orgId, request.body);
      return reply.status(201).send(wall);
    },
  );

  app.get(
    "/api/v1/walls",
    { schema: { tags: ["walls"], summary: "Active wall links" } },
    async (request) => {
      const actor = await requireActor(request);
      return { items: await walls.list(actor.orgId) };
    },
  );

  app.patch(
    "/api/v1/walls/:id",
    {
      schema: {
        tags: ["walls"],
        summary: "Change a wall's name, goal, theme or language",
        params: idParams,
        body: wallSettings,
      },
    },
    async (request) => {
      const actor = await requireActor(request, "manager");
      return walls.update(actor.orgId, request.params.id, request.body);
    },
  );

  app.delete(
    "/api/v1/walls/:id",
    {
      schema: {
        tags: ["walls"],
        summary: "Revoke a wall link; its open streams close on every instance",
        params: idParams,
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      await walls.revoke(actor.orgId, request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/walls/:token",
    {
      schema: {
        tags: ["walls"],
        summary: "A wall's settings (public by link)",
        security: [],
        params: tokenParams,
      },
    },
    async (request) => {
      const { wall, organisationName } = await walls.byToken(request.params.token);
      return {
        name: wall.name,
        organisationName,
        team: wall.team,
        touchpoint: wall.touchpoint,
        theme: wall.theme,
        language: wall.language,
        goalPerWeek: wall.goalPerWeek,
      };
    },
  );

  app.get(
    "/api/walls/:token/state",
    {
      schema: {
        tags: ["walls"],
        summary: "Totals, trend and recent promoters (public by link)",
        security: [],
        params: tokenParams,
      },
    },
    async (request, reply) => {
      const { wall } = await walls.byToken(request.params.token);
      reply.header("cache-control", "no-store");
      return walls.state(wall);
    },
  );

  app.get(
    "/api/walls/:token/stream",
    {
      schema: {
        tags: ["walls"],
        summary:
          "Server-Sent Events: `response` for each new promoter in scope, `stats`, `hide`, `revoked`",
        description:
          "Reconnect with the Last-Event-ID header (or ?lastEventId=) to receive what was missed, up to 200 events.",
        security: [],
        params: tokenParams,
        querystring: z.object({ lastEventId: z.coerce.number().int().min(0).optional() }),
      },
    },
    async (request, reply) => {
      const { wall } = await walls.byToken(request.params.token);
      const header = request.headers["last-event-id"];
      const fromHeader =
        typeof header === "string" && /^\d{1,15}$/.test(header) ? Number(header) : null;
      const lastEventId = fromHeader ?? request.query.lastEventId ?? null;
      reply.hijack();
      await hub.attach(wall, reply.raw, lastEventId);
    },
  );
}
