import { defineConfig } from "vitest/config";

// Integration tests run on PGlite always and, when TEST_DATABASE_URL is set, a second
// time on PostgreSQL: the same files, two projects (see test/support/db.ts).
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "bench/**/*.test.ts"],
          exclude: ["src/**/*.integration.test.ts", "node_modules/**"],
        },
      },
      {
        test: {
          name: "integration-pglite",
          include: ["src/**/*.integration.test.ts", "test/integration/**/*.test.ts"],
          env: { ANBEFAL_TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: "integration-postgres",
                include: ["src/**/*.integration.test.ts", "test/integration/**/*.test.ts"],
                env: { ANBEFAL_TEST_DB: "postgres" },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
