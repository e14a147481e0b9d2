import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { hashPassword } from "better-auth/crypto";
import { fromNodeHeaders } from "better-auth/node";
import type { Db, DbOrTx } from "../db";
import * as authSchema from "./schema";

export { fromNodeHeaders, hashPassword };

export type AuthOptions = {
  db: Db;
  secret: string;
  /** The URL users reach us at; cookies are Secure when it is https. */
  baseUrl: string;
  trustedOrigins: string[];
};

export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "anbefal",
    baseURL: options.baseUrl,
    basePath: "/api/auth",
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(options.db, { provider: "pg", schema: authSchema }),
    // Accounts are created by setup, invitations and the CLI (in our own transactions);
    // the public sign-up endpoint stays closed.
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 256,
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // Failed sign-ins are answered with a 401; they are not worth a warning in the log.
    logger: { level: "error" },
    advanced: {
      database: { generateId: () => randomUUID() },
      useSecureCookies: options.baseUrl.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export type SessionUser = { id: string; name: string; email: string };

export async function sessionUser(
  auth: Auth,
  headers: IncomingHttpHeaders,
): Promise<SessionUser | null> {
  if (!headers.cookie) return null;
  const result = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (!result) return null;
  return { id: result.user.id, name: result.user.name, email: result.user.email };
}

/**
 * Creates a user with an e-mail + password credential the way better-auth stores it
 * (scrypt hash in `account.password`), inside the caller's transaction so that a user never
 * exists without the organisation membership created beside it.
 */
export async function insertPasswordUser(
  tx: DbOrTx,
  input: { email: string; name: string; password: string },
): Promise<string> {
  const id = randomUUID();
  const now = new Date();
  await tx.insert(authSchema.user).values({
    id,
    email: input.email.toLowerCase(),
    name: input.name,
    emailVerified: false,
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(authSchema.account).values({
    id: randomUUID(),
    accountId: id,
    providerId: "credential",
    userId: id,
    password: await hashPassword(input.password),
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** Signs a user in server-side and returns the Set-Cookie headers to pass on. */
export async function signInCookies(
  auth: Auth,
  email: string,
  password: string,
): Promise<string[]> {
  const { headers } = await auth.api.signInEmail({
    body: { email, password },
    returnHeaders: true,
  });
  return headers.getSetCookie();
}
