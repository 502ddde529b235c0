// Who may use the evacuation-plan endpoints. Two layers, both deny by default:
// 1. Role permissions (this table, merged in features/permissions.ts).
// 2. Per client (with-evacuation-access.ts): the support team within the guardian's consent,
//    or an official of the client's city while the guardian's consent to give the plan to
//    the city is active (decision 012, enforced by row-level security, migration 0009).
import { definePermissions } from '../../lib/access.js';

export const evacuationPermissions = definePermissions({
  /** Open a client's plan (team within consent, or the city with the guardian's consent). */
  'read:evacuation-plan': ['consultant', 'coordinator', 'provider_staff', 'official'],
  /** Draft / edit a plan and record the guardian's consents (team role checked per client). */
  'update:evacuation-plan': ['consultant', 'coordinator', 'provider_staff'],
  /** Approve a plan: officials of the client's municipality. */
  'approve:evacuation-plan': ['official'],
  /** Outage simulation and registers of the official's own municipality. */
  'simulate:evacuation': ['official'],
  'read:evacuation-register': ['official'],
  /** The battery-runtime calculator is arithmetic on what the caller sends: anyone signed in. */
  'use:power-runtime': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
});

/** Team roles that draft the plan with the family: the consultant, the coordinator, medical staff (device data). */
export const EVACUATION_EDITOR_ROLES = ['consultant', 'coordinator', 'medical'] as const;
/** Team roles that record the guardian's consents to recipients and give the plan to them. */
export const EVACUATION_MANAGER_ROLES = ['consultant', 'coordinator'] as const;
/** Consent scopes a team member needs to see the plan: it is a support plan holding device and medication data. */
export const EVACUATION_SCOPES = ['plan', 'medical'] as const;
