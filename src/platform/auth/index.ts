// Identity and sessions (better-auth). Its import costs about half a second, so the server
// loads it on first use rather than before it can answer (docs/benchmarks.md, start-up);
// password hashing for accounts we create ourselves is in passwords.ts and loads at once.
import type { Auth, AuthOptions } from "./sessions";

export { hashPassword, insertPasswordUser } from "./passwords";
export type { Auth, AuthOptions, SessionUser } from "./sessions";

/** better-auth, imported and configured the first time it is asked for. */
export function lazyAuth(options: AuthOptions): () => Promise<Auth> {
  let auth: Promise<Auth> | undefined;
  return () => {
    auth ??= import("./sessions").then((m) => m.createAuth(options));
    return auth;
  };
}
