import { ROLES, type Role } from '../../../shared/contracts/auth.js';

/** better-auth's admin plugin keeps roles in one text column; we store them comma-separated. */
export function parseRoles(value: string | null | undefined): Role[] {
  return (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export function formatRoles(roles: readonly Role[]): string {
  return [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join(',');
}
