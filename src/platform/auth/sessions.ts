import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { fromNodeHeaders } from "better-auth/node";
import type { Db } from "../db";
import * as authSchema from "./schema";

export { fromNodeHeaders };

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
