import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyReply, LogController } from "fastify";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Logger } from "pino";
import { AppError, httpStatusFor } from "../errors";

export const webDist = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Big enough for a 100 kB comment to reach validation (a clear 400), small enough to refuse floods. */
export const BODY_LIMIT = 256 * 1024;

type ErrorBody = { error: { code: string; message: string; field?: string; details?: unknown } };

function errorBody(code: string, message: string, field?: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) } };
}

/** Human path for a zod issue: body.score -> "score", items.0.name -> "items[0].name". */
function fieldName(instancePath: string | undefined, params: unknown): string {
  const fromPath = (instancePath ?? "").replace(/^\//, "").split("/").filter(Boolean);
  const issue = (params as { issue?: { path?: Array<string | number> } })?.issue;
  const parts = fromPath.length ? fromPath : (issue?.path ?? []).map(String);
  return parts.reduce<string>(
    (acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p),
    "",
  );
}

/**
 * What kind of problem a zod issue is, without the input itself (it can be personal data):
 * enough for a client to say it in the user's language ("at least 2 characters").
 */
function issueSummary(
  validation: { keyword?: string; params?: unknown } | undefined,
): Record<string, string | number | boolean> | undefined {
  if (!validation || typeof validation.keyword !== "string") return undefined;
  const issue = (validation.params ?? {}) as Record<string, unknown>;
  const summary: Record<string, string | number | boolean> = { code: validation.keyword };
  for (const key of ["origin", "format", "expected", "inclusive"] as const) {
    const value = issue[key];
    if (typeof value === "string" || typeof value === "boolean") summary[key] = value;
  }
  for (const key of ["minimum", "maximum"] as const) {
    const value = issue[key];
    if (typeof value === "number" || typeof value === "bigint") summary[key] = Number(value);
  }
  return summary;
}

export async function createHttpServer(options: { logger: Logger; trustProxy: boolean }) {
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: BODY_LIMIT,
    // One log line per request costs more than the request at burst rates; errors still log.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = fieldName(first?.instancePath, first?.params);
      const message = `${field || error.validationContext || "request"}: ${first?.message ?? "is invalid"}`;
      const issue = issueSummary(first);
      return reply
        .status(400)
        .send(errorBody("invalid", message, field || undefined, issue ? { issue } : undefined));
    }
    if (error instanceof AppError) {
      const status = httpStatusFor(error.code);
      if (error.code === "rate_limited" && typeof error.details.retryAfter === "number") {
        reply.header("retry-after", String(error.details.retryAfter));
      }
      const { field, ...rest } = error.details;
      return reply
        .status(status)
        .send(
          errorBody(error.code, error.message, field, Object.keys(rest).length ? rest : undefined),
        );
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply
        .status(413)
        .send(errorBody("too_large", `The request body is larger than ${BODY_LIMIT / 1024} kB`));
    }
    if (status === 429) {
      return reply.status(429).send(errorBody("rate_limited", error.message));
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, empty body.
      return reply.status(status).send(errorBody("invalid", `body: ${error.message}`, "body"));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .status(500)
      .send(errorBody("internal", "Something went wrong on our side; it has been logged"));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .send(errorBody("not_found", `No route for ${request.method} ${request.url.split("?")[0]}`));
  });

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "anbefal API",
        version: "1",
        description:
          "Net Promoter Score, the happy-customer wall and text insight. Authenticate with `Authorization: Bearer <token>` (create one with `npx anbefal token create --org SLUG`).",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  return app;
}

export type HttpServer = Awaited<ReturnType<typeof createHttpServer>>;

/**
 * Serves the built web app: the survey page at /s/*, the wall at /w/*, the React app for
 * every other non-API path (client-side routing).
 */
export async function registerWebApp(app: HttpServer) {
  if (!existsSync(join(webDist, "index.html"))) {
    app.log.warn("web/dist is missing: run `npm run build` (npm start does it for you)");
    return;
  }
  await app.register(fastifyStatic, { root: webDist, index: false, wildcard: false, maxAge: "1h" });
  // Read once at start: the build is immutable while the server runs (npm start rebuilds first).
  const pages = new Map<string, string>();
  for (const name of ["index.html", "survey.html", "wall.html"]) {
    const path = join(webDist, name);
    if (existsSync(path)) pages.set(name, await readFile(path, "utf8"));
  }
  const html = (name: string) => async (_request: unknown, reply: FastifyReply) =>
    reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .header("x-content-type-options", "nosniff")
      .header("referrer-policy", "same-origin")
      .send(pages.get(name) ?? pages.get("index.html"));
  app.get("/s/*", { schema: { hide: true } }, html("survey.html"));
  app.get("/w/*", { schema: { hide: true } }, html("wall.html"));
  app.get("/", { schema: { hide: true } }, html("index.html"));
  app.get("/*", { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith("/api/")) {
      return reply
        .status(404)
        .send(
          errorBody("not_found", `No route for ${request.method} ${request.url.split("?")[0]}`),
        );
    }
    return html("index.html")(request, reply);
  });
}
