// The composition root: builds the platform, the modules and the HTTP server from a Config.
import { createAnalyticsService, registerAnalyticsRoutes } from "./modules/analytics";
import { createOrgsService, registerOrgsRoutes } from "./modules/orgs";
import {
  createResponsesService,
  registerResponsesRoutes,
  type StoredResponse,
} from "./modules/responses";
import { createSurveysService, registerSurveysRoutes } from "./modules/surveys";
import { createAuth, sessionUser } from "./platform/auth";
import type { Config } from "./platform/config";
import { type Database, migrateDatabase, openDatabase } from "./platform/db";
import { sessionSecret } from "./platform/db/instance-settings";
import { createHttpServer, registerWebApp } from "./platform/http/server";
import { createLogger, type Logger } from "./platform/logger";

export type AppOptions = {
  config: Config;
  logger?: Logger;
  /** Reuse an open database (tests, CLI); otherwise one is opened from the config. */
  database?: Database;
  serveWeb?: boolean;
};

/** Opens the database and applies migrations: what the server and the CLI share. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function publicUrlOf(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

export function createServices(
  database: Database,
  config: Config,
  hooks: { onStored?: (r: StoredResponse) => void } = {},
) {
  const base = publicUrlOf(config);
  const publicUrl = (path: string) => `${base}${path}`;
  const db = database.db;
  const orgs = createOrgsService({ db });
  const surveys = createSurveysService({ db, publicUrl });
  const responses = createResponsesService({ db, surveys, onStored: hooks.onStored });
  const analytics = createAnalyticsService({ responses });
  return { db, orgs, surveys, responses, analytics, publicUrl };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(options: AppOptions) {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openMigratedDatabase(config));
  const services = createServices(database, config);
  const base = publicUrlOf(config);
  const auth = createAuth({
    db: database.db,
    secret: await sessionSecret(database.db, config.secret),
    baseUrl: base,
    trustedOrigins: [base, `http://localhost:${config.port}`, `http://127.0.0.1:${config.port}`],
  });

  const server = await createHttpServer({ logger, trustProxy: config.trustProxy });
  server.decorate("authenticate", async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      return match?.[1] ? services.orgs.actorForToken(match[1]) : null;
    }
    const user = await sessionUser(auth, request.headers);
    return user ? services.orgs.actorForUser(user.id) : null;
  });

  let isReady = false;
  server.get("/healthz", { schema: { hide: true } }, async (_request, reply) => {
    if (!isReady) return reply.status(503).send({ status: "starting" });
    await database.query("select 1");
    return { status: "ok", database: database.kind };
  });

  registerOrgsRoutes(server, { orgs: services.orgs, auth, publicUrl: services.publicUrl });
  registerSurveysRoutes(server, { surveys: services.surveys });
  registerResponsesRoutes(server, {
    responses: services.responses,
    surveys: services.surveys,
    publicRateLimit: config.publicRateLimit,
  });
  registerAnalyticsRoutes(server, { analytics: services.analytics });
  if (options.serveWeb !== false) await registerWebApp(server);
  await server.ready();
  isReady = true;

  return {
    server,
    database,
    services,
    logger,
    async close() {
      await server.close();
      if (!options.database) await database.close();
    },
  };
}

export type AnbefalApp = Awaited<ReturnType<typeof createApp>>;
