// The composition root: builds the platform, the modules and the HTTP server from a Config.
import { createAnalyticsService, registerAnalyticsRoutes } from "./modules/analytics";
import { createOrgsService, registerOrgsRoutes } from "./modules/orgs";
import {
  buildAllRollups,
  createResponsesService,
  registerResponsesRoutes,
} from "./modules/responses";
import { createSurveysService, registerSurveysRoutes } from "./modules/surveys";
import { createTextService, registerTextRoutes } from "./modules/text";
import {
  createWallHub,
  createWallsService,
  registerWallsRoutes,
  type WallsService,
} from "./modules/walls";
import { lazyAuth } from "./platform/auth";
import type { Config } from "./platform/config";
import { type Database, type EmbeddedStart, migrateDatabase, openDatabase } from "./platform/db";
import { sessionSecret } from "./platform/db/instance-settings";
import { createHttpServer, registerWebApp } from "./platform/http/server";
import { createLogger, type Logger } from "./platform/logger";
import { type Bus, createLocalBus, createPostgresBus } from "./platform/realtime/bus";

export type AppOptions = {
  config: Config;
  logger?: Logger;
  /** Reuse an open database (tests, CLI); otherwise one is opened from the config. */
  database?: Database;
  /** The embedded database the CLI started opening before the app loaded; owned by the app. */
  embedded?: EmbeddedStart;
  serveWeb?: boolean;
  /** Build NPS rollups in the background (on by default; tests build them explicitly). */
  rollups?: boolean;
};

/** Opens the database and applies migrations: what the server and the CLI share. */
export async function openMigratedDatabase(
  config: Config,
  embedded?: EmbeddedStart,
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    embedded,
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

export function createServices(database: Database, config: Config, bus: Bus = createLocalBus()) {
  const base = publicUrlOf(config);
  const publicUrl = (path: string) => `${base}${path}`;
  const db = database.db;
  const orgs = createOrgsService({ db });
  const surveys = createSurveysService({ db, publicUrl });
  const text = createTextService({ orgs });
  // The wall hears of answers after they are stored; bound late because walls read responses.
  let walls: WallsService | undefined;
  const responses = createResponsesService({
    db,
    surveys,
    analyseComment: text.analyseComment,
    onStored: (row) => walls?.publishStored(row),
    onHiddenChanged: (orgId, id, hidden) => walls?.publishHidden(orgId, id, hidden),
    // PGlite runs one statement at a time; on a pool, a few batches overlap so that one
    // waiting for its commit does not hold the next back, and the rest stay free for reads.
    batching: {
      maxInFlight: database.kind === "pglite" ? 1 : Math.max(1, Math.floor(config.poolSize / 2)),
    },
  });
  walls = createWallsService({ db, bus, responses, publicUrl });
  const analytics = createAnalyticsService({ responses });
  return { db, bus, orgs, surveys, text, responses, analytics, walls, publicUrl };
}

export type Services = ReturnType<typeof createServices>;

export async function createApp(options: AppOptions) {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = options.database ?? (await openMigratedDatabase(config, options.embedded));
  const bus =
    database.kind === "postgres" && database.pool && config.databaseUrl
      ? await createPostgresBus({
          pool: database.pool,
          connectionString: config.databaseUrl,
          logger,
        })
      : createLocalBus();
  const services = createServices(database, config, bus);
  const hub = createWallHub({ walls: services.walls, bus, logger });
  const base = publicUrlOf(config);
  const getAuth = lazyAuth({
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
    if (!request.headers.cookie) return null;
    const { sessionUser } = await import("./platform/auth/sessions");
    const user = await sessionUser(await getAuth(), request.headers);
    return user ? services.orgs.actorForUser(user.id) : null;
  });

  let isReady = false;
  server.get("/healthz", { schema: { hide: true } }, async (_request, reply) => {
    if (!isReady) return reply.status(503).send({ status: "starting" });
    await database.query("select 1");
    return { status: "ok", database: database.kind };
  });

  registerOrgsRoutes(server, {
    orgs: services.orgs,
    getAuth,
    publicUrl: services.publicUrl,
    onEmployeesChanged: services.text.forgetEmployees,
  });
  registerSurveysRoutes(server, { surveys: services.surveys });
  registerResponsesRoutes(server, {
    responses: services.responses,
    surveys: services.surveys,
    publicRateLimit: config.publicRateLimit,
  });
  registerAnalyticsRoutes(server, { analytics: services.analytics });
  registerWallsRoutes(server, { walls: services.walls, hub });
  registerTextRoutes(server, { text: services.text });
  if (options.serveWeb !== false) await registerWebApp(server);
  await server.ready();
  isReady = true;

  // Keep NPS rollups current in the background: soon after start, then every minute.
  const buildRollups = () =>
    buildAllRollups(database.db, new Date()).catch((error) =>
      logger.warn({ err: error }, "NPS rollup build failed"),
    );
  const rollupTimers =
    options.rollups === false
      ? []
      : [setTimeout(buildRollups, 2_000), setInterval(buildRollups, 60_000)];
  for (const timer of rollupTimers) timer.unref();

  return {
    server,
    database,
    services,
    hub,
    logger,
    /** Loads what the first sign-in needs; the server calls it once it is listening. */
    warmUp: () => getAuth().then(() => undefined),
    async close() {
      // Open streams first: the server waits for every connection before it closes.
      for (const timer of rollupTimers) clearTimeout(timer);
      hub.close();
      await server.close();
      // Every answer a request was waiting on is written (or failed) before the pool goes.
      await services.responses.drain();
      await bus.close();
      if (!options.database) await database.close();
    },
  };
}

export type AnbefalApp = Awaited<ReturnType<typeof createApp>>;
