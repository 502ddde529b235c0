import { definePermissions } from '../../lib/access.js';

export const adminPermissions = definePermissions({
  'manage:users': ['admin'],
  /** The region's municipalities, organisations and offices: the admin lists (with member counts) and every change. */
  'manage:region': ['admin'],
  /**
   * Network members read the region's reference data for pickers and labels, outside /api/admin
   * (region.routes.ts): the municipalities (public codes and names — the people and admin forms
   * need them) and offices by name (the client team and consent dialogs). Organisations are
   * not needed outside the admin screens.
   */
  'read:region': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
});
