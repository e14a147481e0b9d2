import type { FastifyRequest } from "fastify";
import { hasRole, type Role } from "../../core/roles";
import { AppError } from "../errors";

/** Who is asking: a signed-in user or an API token, always inside one organisation. */
export type Actor = {
  orgId: string;
  role: Role;
  userId: string | null;
  tokenId: string | null;
};

/** Resolves the actor of a request from its bearer token or session cookie. */
export type Authenticate = (request: FastifyRequest) => Promise<Actor | null>;

declare module "fastify" {
  interface FastifyRequest {
    /** Resolved lazily by requireActor; undefined until then. */
    actorPromise?: Promise<Actor | null>;
  }
  interface FastifyInstance {
    authenticate: Authenticate;
  }
}

/** The actor of the request, or 401/403. Resolved once per request. */
export async function requireActor(
  request: FastifyRequest,
  required: Role = "employee",
): Promise<Actor> {
  request.actorPromise ??= request.server.authenticate(request);
  const actor = await request.actorPromise;
  if (!actor) {
    throw new AppError(
      "unauthenticated",
      "Sign in, or send a valid API token as 'Authorization: Bearer <token>'",
    );
  }
  if (!hasRole(actor.role, required)) {
    throw new AppError("forbidden", `This needs the ${required} role; you are ${actor.role}`);
  }
  return actor;
}
