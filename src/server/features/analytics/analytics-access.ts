// Who may use the council analytics (issue #8). Two layers, both deny by default:
// 1. Role permissions (this table, merged in features/permissions.ts).
// 2. Per cell (viewer-scope.ts): exact counts only for an official's own municipality; every
//    other cell counting clients is suppressed below ANALYTICS_SUPPRESS_BELOW ("<5"). A
//    drill-down to persons runs inside the viewer's own row-level-security context, so it can
//    only list clients the viewer may open anyway (decision 013).
import { definePermissions } from '../../lib/access.js';

export const analyticsPermissions = definePermissions({
  /** The regional dashboard, CSV exports, trends and compare: the council's readers (viewers are council members). */
  'read:analytics': ['admin', 'official', 'coordinator', 'viewer'],
  /** Council reports: the coordinator or the city's official prepares the 連携推進会議 document. */
  'create:analytics-report': ['admin', 'official', 'coordinator'],
  /** Take a monthly snapshot by hand (the scheduler takes one every month). */
  'take:analytics-snapshot': ['admin', 'coordinator'],
});
