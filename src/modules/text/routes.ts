import { z } from "zod";
import { guardText } from "../../core/guard";
import { requireActor } from "../../platform/http/actor";
import type { HttpServer } from "../../platform/http/server";
import type { TextService } from "./service";

/** Anything longer is not a comment or a reply; it is a document. */
export const MAX_TEXT_BYTES = 20 * 1024;

const text = z
  .string()
  .refine((t) => t.trim().length > 0, "must not be empty")
  .refine((t) => Buffer.byteLength(t) < MAX_TEXT_BYTES, "must be under 20 kB");

export function registerTextRoutes(app: HttpServer, deps: { text: TextService }) {
  app.post(
    "/api/v1/text/analyze",
    {
      schema: {
        tags: ["text"],
        summary:
          "Language, sentiment with evidence, and the organisation's employees the text names",
        body: z.object({ text, language: z.enum(["da", "en"]).optional() }),
      },
    },
    async (request) => {
      const actor = await requireActor(request);
      const insight = await deps.text.analyse(
        actor.orgId,
        request.body.text,
        request.body.language,
      );
      return {
        language: insight.language,
        sentiment: insight.sentiment,
        employees: insight.employees,
      };
    },
  );

  app.post(
    "/api/v1/text/guard",
    {
      schema: {
        tags: ["text"],
        summary:
          "Personal data and abuse in a text, redacted, with the verdict for the wall or a public reply",
        description: "`start`/`end` are UTF-16 offsets into `text`, end exclusive.",
        body: z.object({ text, purpose: z.enum(["wall", "reply"]) }),
      },
    },
    async (request) => {
      await requireActor(request);
      const result = guardText(request.body.text, request.body.purpose);
      return {
        allowed: result.allowed,
        redacted: result.redacted,
        findings: result.findings,
        reasons: result.reasons,
      };
    },
  );
}
