import { definePermissions } from '../../lib/access.js';

export const adminPermissions = definePermissions({
  'manage:users': ['admin'],
  'manage:region': ['admin'],
  /** Network members can read the region's municipalities, organisations and offices. */
  'read:region': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
});
