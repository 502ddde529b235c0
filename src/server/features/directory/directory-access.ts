// Who may do what in the directory. Reading is for every signed-in network member; editing a
// listing is row-level: provider_staff only for offices they belong to (office_membership),
// coordinators and admins for any office. Imports are for admins.
import type { Actor } from '../../lib/access.js';
import { definePermissions, hasRole } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';

export const directoryPermissions = definePermissions({
  'read:directory': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
  /** Coarse gate; canEditListing() decides per office. */
  'edit:listing': ['admin', 'coordinator', 'provider_staff'],
  'import:directory': ['admin'],
});

export function canEditListing(actor: Pick<Actor, 'roles' | 'officeIds'>, officeId: string): boolean {
  if (hasRole(actor, 'admin', 'coordinator')) return true;
  return hasRole(actor, 'provider_staff') && actor.officeIds.includes(officeId);
}

/** Throws FORBIDDEN (logged as access.denied by the error handler) unless the actor may edit. */
export function requireListingEditor(actor: Pick<Actor, 'roles' | 'officeIds'>, officeId: string) {
  if (!canEditListing(actor, officeId))
    throw new AppError('FORBIDDEN', 'この事業所の掲載を編集する権限がありません（自分の所属する事業所だけ編集できます）。');
}
