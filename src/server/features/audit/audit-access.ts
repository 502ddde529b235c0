import { definePermissions } from '../../lib/access.js';

export const auditPermissions = definePermissions({
  'read:audit': ['admin'],
  'verify:audit': ['admin'],
});
