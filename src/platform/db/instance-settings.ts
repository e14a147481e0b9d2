import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from ".";
import { instanceSettings } from "./settings-schema";

/**
 * The session-signing secret: ANBEFAL_SECRET when given, else one generated on first start
 * and kept in the database, so every instance on the same database signs alike.
 */
export async function sessionSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  await db
    .insert(instanceSettings)
    .values({ key: "session_secret", value: randomBytes(48).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(instanceSettings)
    .where(eq(instanceSettings.key, "session_secret"));
  if (!row) throw new Error("session secret missing after insert");
  return row.value;
}
