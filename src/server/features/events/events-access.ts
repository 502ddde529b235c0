import { definePermissions } from '../../lib/access.js';

export const eventPermissions = definePermissions({
  /** Every network member sees the calendar of meetings and training sessions. */
  'read:events': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
  /** Coordinators run the programme (DOMAIN.md: the seed's 打ち合わせ and 研修会); admins help. */
  'manage:events': ['admin', 'coordinator'],
  /** One-click registration for members; viewers are read-only accounts and cannot register. */
  'register:events': ['official', 'coordinator', 'consultant', 'provider_staff'],
  /** Participant counts by city and role: organisers and the cities' officials (council reports). */
  'read:event-stats': ['admin', 'coordinator', 'official'],
});
