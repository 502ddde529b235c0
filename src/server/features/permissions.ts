// Every feature's permission table, merged. Adding a feature = add its table here.
import type { Role } from '../../shared/contracts/auth.js';
import type { Actor } from '../lib/access.js';
import { adminPermissions } from './admin/admin-access.js';
import { auditPermissions } from './audit/audit-access.js';
import { eventPermissions } from './events/events-access.js';
import { notificationPermissions } from './notifications/notifications-access.js';
import { surveyPermissions } from './surveys/surveys-access.js';
import { consultationPermissions } from './consultations/consultations-access.js';
import { glossaryPermissions } from './glossary/glossary-access.js';
import { peoplePermissions } from './people/people-access.js';
import { referralPermissions } from './referrals/referrals-access.js';
import { clientPermissions } from './clients/clients-access.js';
import { planPermissions } from './plans/plans-access.js';
import { directoryPermissions } from './directory/directory-access.js';
import { evacuationPermissions } from './evacuation/evacuation-access.js';
import { analyticsPermissions } from './analytics/analytics-access.js';

export const PERMISSIONS = {
  ...adminPermissions,
  ...auditPermissions,
  ...notificationPermissions,
  ...directoryPermissions,
  ...eventPermissions,
  ...surveyPermissions,
  ...consultationPermissions,
  ...glossaryPermissions,
  ...peoplePermissions,
  ...referralPermissions,
  ...clientPermissions,
  ...planPermissions,
  ...evacuationPermissions,
  ...analyticsPermissions,
} as const;
export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

export function permissionsOf(roles: Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ roles }, p));
}
