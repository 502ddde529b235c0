import { definePermissions } from '../../lib/access.js';

export const peoplePermissions = definePermissions({
  /** Profiles are visible to network members (issue #4 item 1). */
  'read:people': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
  /** A consultant or coordinator edits their own profile… */
  'update:own-profile': ['consultant', 'coordinator'],
  /** …and coordinators and admins edit anyone's (a coordinator keeps the region's registry current). */
  'manage:people': ['admin', 'coordinator'],
});
