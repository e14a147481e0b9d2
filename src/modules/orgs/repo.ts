import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "../../core/roles";
import { account, user } from "../../platform/auth/schema";
import type { DbOrTx } from "../../platform/db";
import {
  apiTokens,
  employees,
  memberships,
  organisations,
  teams,
  touchpoints,
  userInvitations,
} from "./schema";

export type Organisation = typeof organisations.$inferSelect;

export function createOrgsRepo(db: DbOrTx) {
  return {
    async countOrganisations(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
      return row?.n ?? 0;
    },
    async slugExists(slug: string): Promise<boolean> {
      const rows = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.slug, slug));
      return rows.length > 0;
    },
    async insertOrganisation(values: { slug: string; name: string }): Promise<Organisation> {
      const [row] = await db.insert(organisations).values(values).returning();
      return row as Organisation;
    },
    async organisationById(id: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row ?? null;
    },
    async organisationBySlug(slug: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
      return row ?? null;
    },
    async userIdByEmail(email: string): Promise<string | null> {
      const [row] = await db
        .select({ id: user.id })
        .from(user)
        .where(eq(user.email, email.toLowerCase()));
      return row?.id ?? null;
    },
    async setPasswordHash(userId: string, hash: string) {
      await db
        .update(account)
        .set({ password: hash, updatedAt: new Date() })
        .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
    },
    async insertMembership(values: { orgId: string; userId: string; role: Role }) {
      await db.insert(memberships).values(values);
    },
    async membershipOfUser(userId: string) {
      const [row] = await db
        .select({ orgId: memberships.orgId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, userId));
      return row ?? null;
    },
    async listUsers(orgId: string) {
      return db
        .select({ id: user.id, name: user.name, email: user.email, role: memberships.role })
        .from(memberships)
        .innerJoin(user, eq(user.id, memberships.userId))
        .where(eq(memberships.orgId, orgId))
        .orderBy(asc(user.name));
    },
    async insertApiToken(values: { orgId: string; name: string; tokenHash: string; role: Role }) {
      const [row] = await db.insert(apiTokens).values(values).returning({ id: apiTokens.id });
      return row as { id: string };
    },
    async apiTokenByHash(tokenHash: string) {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
      return row ?? null;
    },
    async touchApiToken(id: string) {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
    },
    async listApiTokens(orgId: string) {
      return db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          createdAt: apiTokens.createdAt,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .where(and(eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)))
        .orderBy(asc(apiTokens.createdAt));
    },
    async revokeApiToken(orgId: string, id: string): Promise<boolean> {
      const rows = await db
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return rows.length > 0;
    },
    async insertUserInvitation(values: {
      orgId: string;
      email: string;
      role: Role;
      tokenHash: string;
      expiresAt: Date;
    }) {
      const [row] = await db
        .insert(userInvitations)
        .values(values)
        .returning({ id: userInvitations.id });
      return row as { id: string };
    },
    async userInvitationByHash(tokenHash: string) {
      const [row] = await db
        .select({
          id: userInvitations.id,
          orgId: userInvitations.orgId,
          email: userInvitations.email,
          role: userInvitations.role,
          expiresAt: userInvitations.expiresAt,
          acceptedAt: userInvitations.acceptedAt,
          organisationName: organisations.name,
        })
        .from(userInvitations)
        .innerJoin(organisations, eq(organisations.id, userInvitations.orgId))
        .where(eq(userInvitations.tokenHash, tokenHash));
      return row ?? null;
    },
    /** Marks an invitation used; false when someone else used it first. */
    async acceptUserInvitation(id: string): Promise<boolean> {
      const rows = await db
        .update(userInvitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(userInvitations.id, id), isNull(userInvitations.acceptedAt)))
        .returning({ id: userInvitations.id });
      return rows.length > 0;
    },
    async listTeams(orgId: string) {
      return db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(eq(teams.orgId, orgId))
        .orderBy(asc(teams.name));
    },
    async insertTeam(orgId: string, name: string) {
      const [row] = await db
        .insert(teams)
        .values({ orgId, name })
        .onConflictDoNothing()
        .returning({ id: teams.id, name: teams.name });
      return row ?? null;
    },
    async listTouchpoints(orgId: string) {
      return db
        .select({ id: touchpoints.id, name: touchpoints.name })
        .from(touchpoints)
        .where(eq(touchpoints.orgId, orgId))
        .orderBy(asc(touchpoints.name));
    },
    async insertTouchpoint(orgId: string, name: string) {
      const [row] = await db
        .insert(touchpoints)
        .values({ orgId, name })
        .onConflictDoNothing()
        .returning({ id: touchpoints.id, name: touchpoints.name });
      return row ?? null;
    },
    async employeeExists(orgId: string, id: string): Promise<boolean> {
      const rows = await db
        .select({ id: employees.id })
        .from(employees)
        .where(and(eq(employees.orgId, orgId), eq(employees.id, id)));
      return rows.length > 0;
    },
    async listEmployees(orgId: string) {
      return db
        .select({
          id: employees.id,
          name: employees.name,
          team: employees.team,
          managerId: employees.managerId,
          nicknames: employees.nicknames,
        })
        .from(employees)
        .where(eq(employees.orgId, orgId))
        .orderBy(asc(employees.name));
    },
    async insertEmployee(values: {
      orgId: string;
      name: string;
      team: string | null;
      nicknames: string[];
      managerId?: string | null;
    }) {
      const [row] = await db.insert(employees).values(values).returning({ id: employees.id });
      return row as { id: string };
    },
  };
}

export type OrgsRepo = ReturnType<typeof createOrgsRepo>;
