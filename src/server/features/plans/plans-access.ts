// Care-management documents: consultants and coordinators on the client's team write them;
// every team member whose consent covers `plan` reads them (per client: clients/client-access.ts).
import { definePermissions } from '../../lib/access.js';

export const planPermissions = definePermissions({
  'read:plan': ['consultant', 'coordinator', 'provider_staff', 'official'],
  'update:plan': ['consultant', 'coordinator'],
});
