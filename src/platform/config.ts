import { resolve } from "node:path";
import { z } from "zod";

/**
 * Every setting the product reads from its environment, validated once. Nothing else in
 * the code reads process.env: pass a Config instead.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  ANBEFAL_DATA_DIR: z.string().default("./data"),
  ANBEFAL_PUBLIC_URL: z.string().url().optional(),
  ANBEFAL_SECRET: z.string().min(32).optional(),
  ANBEFAL_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  ANBEFAL_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(120),
  ANBEFAL_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = {
  port: number;
  host: string;
  /** PostgreSQL when set, else the embedded PGlite database in dataDir. */
  databaseUrl?: string;
  /** Directory of the embedded database; "memory://" keeps it in memory (tests). */
  dataDir: string;
  /** Base of the links we hand out (survey links, invitations); defaults to localhost:port. */
  publicUrl?: string;
  /** Signs session cookies; generated and kept in the database when not given. */
  secret?: string;
  trustProxy: boolean;
  /** Public submissions per minute per client address; 0 switches the limit off. */
  publicRateLimit: number;
  poolSize: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
};

export class ConfigError extends Error {}

export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<Config> = {},
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `Invalid environment variable ${String(issue?.path[0])}: ${issue?.message ?? "invalid"}`,
    );
  }
  const e = parsed.data;
  const dataDir = overrides.dataDir ?? e.ANBEFAL_DATA_DIR;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: dataDir.startsWith("memory://") ? dataDir : resolve(dataDir),
    publicUrl: e.ANBEFAL_PUBLIC_URL?.replace(/\/+$/, ""),
    secret: e.ANBEFAL_SECRET,
    trustProxy: e.ANBEFAL_TRUST_PROXY === "true",
    publicRateLimit: e.ANBEFAL_PUBLIC_RATE_LIMIT,
    poolSize: e.ANBEFAL_DB_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}
