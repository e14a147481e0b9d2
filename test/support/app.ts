import { type AnbefalApp, createApp } from "../../src/app";
import { loadConfig } from "../../src/platform/config";
import { openTestDatabase } from "./db";

export type TestApp = AnbefalApp & {
  /** Creates an organisation with an admin and returns a bearer token for it. */
  createOrg(
    name?: string,
  ): Promise<{ orgId: string; slug: string; token: string; email: string; password: string }>;
  cleanup(): Promise<void>;
};

let orgCounter = 0;

/** An in-process app on a fresh test database (PGlite, or PostgreSQL in that project). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { database, databaseUrl, cleanup } = await openTestDatabase();
  const config = loadConfig({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ANBEFAL_PUBLIC_URL: "http://anbefal.test",
    ...env,
  });
  const app = await createApp({ config, database, serveWeb: false, rollups: false });
  return Object.assign(app, {
    async createOrg(name = `Org ${++orgCounter}`) {
      const email = `admin${++orgCounter}-${Date.now()}@example.dk`;
      const password = "correct horse battery";
      const { organisation } = await app.services.orgs.createOrganisation({
        organisationName: name,
        adminName: "Admin",
        adminEmail: email,
        adminPassword: password,
      });
      const { token } = await app.services.orgs.createApiToken(organisation.id, "test");
      return { orgId: organisation.id, slug: organisation.slug, token, email, password };
    },
    async cleanup() {
      await app.close();
      await cleanup();
    },
  });
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
