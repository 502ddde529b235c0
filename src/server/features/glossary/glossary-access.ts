import { definePermissions } from '../../lib/access.js';

export const glossaryPermissions = definePermissions({
  /** Everyone in the network reads the glossary. */
  'read:glossary': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
  /** Coordinators keep it correct (every edit is versioned); admins for maintenance. */
  'edit:glossary': ['admin', 'coordinator'],
});
