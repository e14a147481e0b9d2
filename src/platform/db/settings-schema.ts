import { pgTable, text } from "drizzle-orm/pg-core";

/** Instance-wide settings (e.g. the generated session secret), not organisation data. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
