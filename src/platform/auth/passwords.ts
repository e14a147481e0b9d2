import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { DbOrTx } from "../db";
import * as authSchema from "./schema";

export { hashPassword };

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
