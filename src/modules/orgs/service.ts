import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Role } from "../../core/roles";
import { slugify } from "../../core/slug";
import { hashPassword, insertPasswordUser } from "../../platform/auth";
import type { Db } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import type { Actor } from "../../platform/http/actor";
import { createOrgsRepo } from "./repo";

export const API_TOKEN_PREFIX = "anb_";
const INVITATION_DAYS = 14;

/** Tokens are 256 random bits, so one fast hash is enough to keep them useless at rest. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}

export type NewOrganisation = {
  organisationName: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
};

export function createOrgsService(deps: { db: Db }) {
  const { db } = deps;
  const repo = createOrgsRepo(db);

  async function uniqueSlug(name: string, r = repo): Promise<string> {
    const base = slugify(name);
    for (let i = 1; i < 1000; i++) {
      const candidate = i === 1 ? base : `${base}-${i}`;
      if (!(await r.slugExists(candidate))) return candidate;
    }
    return `${base}-${randomBytes(3).toString("hex")}`;
  }

  /** Organisation + admin user + membership in one transaction: all or nothing. */
  async function createOrganisation(input: NewOrganisation & { onlyIfFirst?: boolean }) {
    try {
      return await db.transaction(async (tx) => {
        const r = createOrgsRepo(tx);
        if (input.onlyIfFirst) {
          // Serialise concurrent first-run setups: the second waits, then sees the first.
          await tx.execute(sql`select pg_advisory_xact_lock(727372)`);
          if ((await r.countOrganisations()) > 0) {
            throw new AppError("conflict", "This installation is already set up; sign in instead", {
              reason: "already_set_up",
            });
          }
        }
        if (await r.userIdByEmail(input.adminEmail)) {
          throw new AppError("conflict", "adminEmail: a user with this e-mail already exists", {
            field: "email",
            reason: "email_taken",
          });
        }
        const org = await r.insertOrganisation({
          slug: await uniqueSlug(input.organisationName, r),
          name: input.organisationName,
        });
        const userId = await insertPasswordUser(tx, {
          email: input.adminEmail,
          name: input.adminName,
          password: input.adminPassword,
        });
        await r.insertMembership({ orgId: org.id, userId, role: "admin" });
        return { organisation: org, userId };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("conflict", "email: a user with this e-mail already exists", {
          field: "email",
          reason: "email_taken",
        });
      throw error;
    }
  }

  async function createApiToken(orgId: string, name: string, role: Role = "admin") {
    const token = newToken(API_TOKEN_PREFIX);
    const { id } = await repo.insertApiToken({ orgId, name, tokenHash: hashToken(token), role });
    return { id, token };
  }

  async function actorForToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await repo.apiTokenByHash(hashToken(token));
    if (!row) return null;
    // Best effort: a lost last-used stamp is not worth failing a request for.
    const lastUsed = row.lastUsedAt?.getTime() ?? 0;
    if (Date.now() - lastUsed > 60_000) repo.touchApiToken(row.id).catch(() => {});
    return { orgId: row.orgId, role: row.role, userId: null, tokenId: row.id };
  }

  async function actorForUser(userId: string): Promise<Actor | null> {
    const membership = await repo.membershipOfUser(userId);
    if (!membership) return null;
    return { orgId: membership.orgId, role: membership.role, userId, tokenId: null };
  }

  async function inviteUser(orgId: string, input: { email: string; role: Role }) {
    const token = newToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    const { id } = await repo.insertUserInvitation({
      orgId,
      email: input.email.toLowerCase(),
      role: input.role,
      tokenHash: hashToken(token),
      expiresAt,
    });
    return { id, token, expiresAt };
  }

  async function openInvitation(token: string) {
    const invitation = await repo.userInvitationByHash(hashToken(token));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() < Date.now()) {
      throw notFound("Invitation");
    }
    return invitation;
  }

  async function acceptInvitation(token: string, input: { name: string; password: string }) {
    const invitation = await openInvitation(token);
    try {
      await db.transaction(async (tx) => {
        const r = createOrgsRepo(tx);
        if (!(await r.acceptUserInvitation(invitation.id))) throw notFound("Invitation");
        if (await r.userIdByEmail(invitation.email)) {
          throw new AppError(
            "conflict",
            "A user with this e-mail already exists; sign in instead",
            {
              reason: "email_taken",
            },
          );
        }
        const userId = await insertPasswordUser(tx, {
          email: invitation.email,
          name: input.name,
          password: input.password,
        });
        await r.insertMembership({ orgId: invitation.orgId, userId, role: invitation.role });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("conflict", "A user with this e-mail already exists; sign in instead", {
          reason: "email_taken",
        });
      throw error;
    }
    return { email: invitation.email };
  }

  async function addTeam(orgId: string, name: string) {
    const row = await repo.insertTeam(orgId, name);
    if (!row)
      throw new AppError("conflict", `name: a team called "${name}" already exists`, {
        field: "name",
        reason: "name_taken",
      });
    return row;
  }

  async function addTouchpoint(orgId: string, name: string) {
    const row = await repo.insertTouchpoint(orgId, name);
    if (!row)
      throw new AppError("conflict", `name: a touchpoint called "${name}" already exists`, {
        field: "name",
        reason: "name_taken",
      });
    return row;
  }

  async function organisation(orgId: string) {
    const org = await repo.organisationById(orgId);
    if (!org) throw notFound("Organisation");
    return org;
  }

  async function setPassword(email: string, password: string) {
    const userId = await repo.userIdByEmail(email);
    if (!userId) throw notFound("User");
    await repo.setPasswordHash(userId, await hashPassword(password));
  }

  return {
    repo,
    setPassword,
    createOrganisation,
    createApiToken,
    actorForToken,
    actorForUser,
    inviteUser,
    openInvitation,
    acceptInvitation,
    addTeam,
    addTouchpoint,
    organisation,
    needsSetup: async () => (await repo.countOrganisations()) === 0,
    organisationBySlug: (slug: string) => repo.organisationBySlug(slug),
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
