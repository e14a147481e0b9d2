/** Roles inside one organisation, most powerful first. */
export const roles = ["admin", "manager", "employee"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { admin: 3, manager: 2, employee: 1 };

/** True when `role` carries at least the rights of `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return rank[role] >= rank[required];
}
