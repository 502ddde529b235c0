import { definePermissions } from '../../lib/access.js';

export const surveyPermissions = definePermissions({
  /** Build surveys, send them, export raw responses. */
  'manage:surveys': ['admin', 'coordinator'],
  /** Results and charts: organisers and the cities' officials (council). */
  'read:survey-results': ['admin', 'coordinator', 'official'],
  /** Every network member who can attend can answer (viewers are read-only accounts). */
  'answer:surveys': ['official', 'coordinator', 'consultant', 'provider_staff'],
  /** The region's indicators over time, for the council (viewers are council members). */
  'read:indicators': ['admin', 'coordinator', 'official', 'viewer'],
  'manage:indicators': ['admin', 'coordinator'],
});
