import QRCode from "qrcode";
import { z } from "zod";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import { surveyLanguages } from "./schema";
import type { SurveysService } from "./service";

const questionText = z.string().trim().min(1, "must not be empty").max(300);
const questionsPatch = z
  .object({
    da: z.object({ score: questionText, why: questionText }).partial().optional(),
    en: z.object({ score: questionText, why: questionText }).partial().optional(),
  })
  .strict();
const contextField = z.string().trim().min(1, "must not be empty").max(120);

export const surveyBody = z.object({
  name: z.string().trim().min(1, "must not be empty").max(120),
  language: z.enum(surveyLanguages),
  questions: questionsPatch.optional(),
  askConsent: z.boolean().optional(),
  askName: z.boolean().optional(),
});

export function registerSurveysRoutes(app: HttpServer, deps: { surveys: SurveysService }) {
  const { surveys } = deps;
  const idParams = z.object({ id: z.string().uuid("must be a UUID") });

  app.get(
    "/api/v1/surveys",
    { schema: { tags: ["surveys"], summary: "List surveys" } },
    async (request) => {
      const actor = await requireActor(request);
      return { items: await surveys.list(actor.orgId) };
    },
  );

  app.post(
    "/api/v1/surveys",
    { schema: { tags: ["surveys"], summary: "Create an NPS survey", body: surveyBody } },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      const survey = await surveys.create(actor.orgId, request.body);
      return reply.status(201).send({ ...survey, id: survey.id, publicUrl: survey.publicUrl });
    },
  );

  app.get(
    "/api/v1/surveys/:id",
    { schema: { tags: ["surveys"], summary: "One survey", params: idParams } },
    async (request) => {
      const actor = await requireActor(request);
      return surveys.get(actor.orgId, request.params.id);
    },
  );

  app.patch(
    "/api/v1/surveys/:id",
    {
      schema: {
        tags: ["surveys"],
        summary: "Edit a survey",
        params: idParams,
        body: surveyBody.partial(),
      },
    },
    async (request) => {
      const actor = await requireActor(request, "manager");
      return surveys.update(actor.orgId, request.params.id, request.body);
    },
  );

  app.post(
    "/api/v1/surveys/:id/invitations",
    {
      schema: {
        tags: ["surveys"],
        summary: "Create single-use survey links (one answer each; a second submit edits it)",
        params: idParams,
        body: z.object({
          count: z.number().int().min(1).max(500).default(1),
          email: z.string().trim().email("must be an e-mail address").max(254).optional(),
          team: contextField.optional(),
          touchpoint: contextField.optional(),
          employee: contextField.optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, "manager");
      const items = await surveys.createInvitations(actor.orgId, request.params.id, request.body);
      return reply.status(201).send({ items });
    },
  );

  app.get(
    "/api/v1/qr",
    {
      schema: {
        tags: ["surveys"],
        summary: "QR code (SVG or PNG) for any link",
        querystring: z.object({
          text: z.string().min(1, "must not be empty").max(2000),
          format: z.enum(["svg", "png"]).default("svg"),
          size: z.coerce.number().int().min(64).max(2048).default(512),
        }),
      },
    },
    async (request, reply) => {
      await requireActor(request);
      const { text, format, size } = request.query;
      reply.header("cache-control", "private, max-age=3600");
      if (format === "png") {
        const png = await QRCode.toBuffer(text, {
          type: "png",
          width: size,
          margin: 2,
          errorCorrectionLevel: "M",
        });
        return reply.type("image/png").send(png);
      }
      const svg = await QRCode.toString(text, {
        type: "svg",
        width: size,
        margin: 2,
        errorCorrectionLevel: "M",
      });
      return reply.type("image/svg+xml").send(svg);
    },
  );
}
