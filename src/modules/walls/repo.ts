import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db";
import { organisations } from "../orgs/schema";
import { walls } from "./schema";

export type WallRow = typeof walls.$inferSelect;

export function createWallsRepo(db: DbOrTx) {
  return {
    async insert(values: typeof walls.$inferInsert): Promise<WallRow> {
      const [row] = await db.insert(walls).values(values).returning();
      return row as WallRow;
    },
    async list(orgId: string) {
      return db
        .select()
        .from(walls)
        .where(and(eq(walls.orgId, orgId), isNull(walls.revokedAt)))
        .orderBy(desc(walls.createdAt));
    },
    async update(
      orgId: string,
      id: string,
      values: Partial<Pick<WallRow, "name" | "goalPerWeek" | "theme" | "language">>,
    ) {
      const [row] = await db
        .update(walls)
        .set(values)
        .where(and(eq(walls.orgId, orgId), eq(walls.id, id), isNull(walls.revokedAt)))
        .returning();
      return row ?? null;
    },
    async revoke(orgId: string, id: string): Promise<boolean> {
      const rows = await db
        .update(walls)
        .set({ revokedAt: new Date() })
        .where(and(eq(walls.orgId, orgId), eq(walls.id, id), isNull(walls.revokedAt)))
        .returning({ id: walls.id });
      return rows.length > 0;
    },
    async activeByToken(token: string) {
      const [row] = await db
        .select({ wall: walls, organisationName: organisations.name })
        .from(walls)
        .innerJoin(organisations, eq(organisations.id, walls.orgId))
        .where(and(eq(walls.token, token), isNull(walls.revokedAt)));
      return row ?? null;
    },
  };
}
