import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, migrateDatabase, openDatabase } from "../../src/platform/db";

/**
 * The database an integration test runs on: a fresh in-memory PGlite, or, in the
 * "integration-postgres" project, a fresh PostgreSQL database made for this test file
 * (dropped again by the returned cleanup), so files can run in parallel.
 */
export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.ANBEFAL_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `anbefal_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function openTestDatabase(): Promise<{
  database: Database;
  databaseUrl?: string;
  cleanup(): Promise<void>;
}> {
  if (testDatabaseKind() === "postgres") {
    const { url, drop } = await createTestDatabaseUrl();
    const database = await openDatabase({ databaseUrl: url, dataDir: "memory://", poolSize: 5 });
    await migrateDatabase(database);
    return {
      database,
      databaseUrl: url,
      async cleanup() {
        await database.close();
        await drop();
      },
    };
  }
  const database = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(database);
  return { database, cleanup: () => database.close() };
}
