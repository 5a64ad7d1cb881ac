// Every permission in the app, and which roles hold it (docs/decisions/010-auth.md).
// Strings are "action:entity:access": access "own" = the person's own records,
// "scope" = units in the manager's subtree, "any" = everything.
// Checked on the server in every loader and action (app/utils/auth.server.ts),
// and with the same function in the UI to hide what a person cannot use.
// Deny by default: a permission no role lists is held by nobody.

export const roles = ["LEARNER", "TRAINER", "MANAGER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "read:account:own",
  "update:session:own",
  "read:person:scope",
  "read:person:any",
  "read:unit:any",
  "read:audit:any",
  "import:person:any",
  "manage:unit:any",
  "read:outbox:any",
  "manage:person:any",
  "update:password:own",
  "read:course:published",
  "create:course:own",
  "edit:course:assigned",
  "edit:course:any",
  "manage:competency:any",
  "assign:course:scope",
  "assign:course:any",
  "read:report:scope",
  "read:report:any",
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Permission[] = ["read:account:own", "update:session:own", "update:password:own", "read:course:published"];

const granted: Record<Role, readonly Permission[]> = {
  LEARNER: everyone,
  // Trainers create courses and edit those they are assigned to
  // (app/utils/course-access.server.ts checks the assignment).
  TRAINER: [...everyone, "create:course:own", "edit:course:assigned"],
  MANAGER: [...everyone, "read:person:scope", "assign:course:scope", "read:report:scope"],
  // Administrators hold every permission there is.
  ADMIN: permissions,
};

/** The part of a signed-in person that permission checks need. */
export type Principal = { roles: readonly Role[] };

export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  if (!principal) return false;
  return principal.roles.some((role) => granted[role].includes(permission));
}
