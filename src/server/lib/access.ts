// Deny by default: a permission names the roles that hold it, and each feature declares its
// own table in `<domain>-access.ts`; `PERMISSIONS` (features/permissions.ts) merges them.
import type { Role } from '../../shared/contracts/auth.js';
import type { AuditContext } from './audit.js';

export type PermissionTable = Record<string, readonly Role[]>;

export const definePermissions = <T extends PermissionTable>(table: T): T => table;

/** The signed-in user as every service sees it. Built per request by features/auth/resolve-actor.ts. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  municipalityCode: string | null;
  officeIds: string[];
  via: 'session' | 'token';
  audit: AuditContext;
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
