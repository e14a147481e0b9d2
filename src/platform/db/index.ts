import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type EmbeddedStart, startEmbedded } from "./embedded";
import * as schema from "./schema";

export { DatabaseLockedError, type EmbeddedStart, lockDataDir, startEmbedded } from "./embedded";

export { schema };
export type Schema = typeof schema;
/** The Drizzle database, the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or a transaction: repositories accept either. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs SQL outside Drizzle (LISTEN/NOTIFY plumbing, benchmarks). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** PostgreSQL only: the pool, for LISTEN connections. */
  pool?: pg.Pool;
  /** PGlite only: the embedded instance (it has its own listen()). */
  pglite?: PGlite;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export type OpenDatabaseOptions = {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  /** An embedded database already being opened (startEmbedded), to take over. */
  embedded?: EmbeddedStart;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
    });
    // An idle client that loses its server must not crash the process.
    pool.on("error", () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      pool,
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      close: () => pool.end(),
    };
  }
  const started = options.embedded ?? startEmbedded(options.dataDir);
  const { release } = started;
  try {
    const pglite = await started.ready;
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      pglite,
      query: async (sql, params) => (await pglite.query(sql, params)).rows as never[],
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Applies the committed SQL migrations. On PostgreSQL an advisory lock makes instances that
 * start together take turns instead of racing.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const pool = database.pool as pg.Pool;
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(727371)");
    await migratePg(drizzlePg({ client }) as never, { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(727371)").catch(() => {});
    client.release();
  }
}
