import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "../orgs/schema";

export const wallThemes = ["dark", "light"] as const;
export type WallTheme = (typeof wallThemes)[number];

/** A read-only wall link for an office TV; `token` is the secret in its URL. */
export const walls = pgTable(
  "walls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    name: text("name").notNull(),
    team: text("team"),
    touchpoint: text("touchpoint"),
    goalPerWeek: integer("goal_per_week"),
    theme: text("theme").$type<WallTheme>().notNull().default("dark"),
    language: text("language").$type<"da" | "en">().notNull().default("da"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("walls_org_idx").on(t.orgId)],
);
