// Who may touch a client's record. Two layers, both deny by default:
// 1. Role permissions (this table, merged in features/permissions.ts): which kinds of account
//    may use client endpoints at all. `viewer` and `admin` never see client data.
// 2. Per client (client-access.ts): team membership + the guardian's consent scopes, checked
//    by the database's row-level security inside `withClientAccess` (decision 010).
import { definePermissions } from '../../lib/access.js';

const TEAM_CAPABLE = ['consultant', 'coordinator', 'provider_staff', 'official'] as const;

export const clientPermissions = definePermissions({
  /** Open client records (still only those whose team the user is on, within consent). */
  'read:client': TEAM_CAPABLE,
  /** Edit a section / post to the timeline (team role and scope checked per client). */
  'update:client': TEAM_CAPABLE,
  /** Open a new client record directly (with the guardian's consent recorded). */
  'create:client': ['consultant', 'coordinator'],
  /** The 判定スコア calculator is reference arithmetic: anyone signed in. */
  'use:care-score': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff', 'viewer'],
});

/** Team roles that manage the record: team, consents, identity and plans. */
export const MANAGING_TEAM_ROLES = ['consultant', 'coordinator'] as const;
/** Team roles that may also edit the medical section (visiting nurse, doctor). */
export const MEDICAL_EDITOR_ROLES = ['consultant', 'coordinator', 'medical'] as const;
