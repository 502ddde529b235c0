import { definePermissions } from '../../lib/access.js';

export const notificationPermissions = definePermissions({
  /** Everyone signed in reads their own notices. */
  'read:notifications': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
  /** The e-mail outbox holds addresses of people outside the network: admins only. */
  'read:outbox': ['admin'],
});
