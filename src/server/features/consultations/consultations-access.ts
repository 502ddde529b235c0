// Who sees and does what in "ask a coordinator". Row-level rules live here, as a SQL filter
// (used by every list and read) and as the same rule in TypeScript (used for one loaded row).
//
// Case-linked questions (case_ref set) are about one client: today only the asker and
// coordinators see them. When the client-record feature lands, the case-team rule plugs in here
// — `or exists (select 1 from case_team_member where client_id = consultation.case_ref and
// user_id = :actor)` in the SQL and the matching check in `canViewConsultation` — and nowhere else.
import { sql, type SQL } from 'drizzle-orm';
import { consultation } from '../../db/schema/index.js';
import { definePermissions, hasRole, type Actor } from '../../lib/access.js';

export const consultationPermissions = definePermissions({
  /** General questions and the knowledge base: every practitioner in the network. */
  'read:consultations': ['admin', 'official', 'coordinator', 'consultant', 'provider_staff'],
  /** Consultants ask (coordinators are often consultants too). */
  'ask:consultations': ['consultant', 'coordinator'],
  /** Coordinators answer. */
  'answer:consultations': ['coordinator'],
});

type Row = Pick<typeof consultation.$inferSelect, 'askerId' | 'caseRef'>;

export function canViewConsultation(actor: Actor, row: Row): boolean {
  if (!row.caseRef) return true;
  return row.askerId === actor.userId || hasRole(actor, 'coordinator');
}

/** The same rule for queries, so a list can never include a row the reader may not open. */
export function consultationVisibleWhere(actor: Actor): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  return sql`(${consultation.caseRef} is null or ${consultation.askerId} = ${actor.userId})`;
}

/** Coordinators answer; the asker may add to the thread (follow-up details). */
export function canPostInThread(actor: Actor, row: Row): boolean {
  return canViewConsultation(actor, row) && (hasRole(actor, 'coordinator') || row.askerId === actor.userId);
}

export function canResolveConsultation(actor: Actor, row: Row): boolean {
  return canViewConsultation(actor, row) && (hasRole(actor, 'coordinator') || row.askerId === actor.userId);
}

/** Coordinators always see who asked; others see 匿名 when the asker chose to hide. */
export function canSeeAsker(actor: Actor, row: Row & { askerHidden: boolean }): boolean {
  return !row.askerHidden || row.askerId === actor.userId || hasRole(actor, 'coordinator');
}
