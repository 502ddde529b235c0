// Who sees and does what in "ask a coordinator". Row-level rules live here, as a SQL filter
// (used by every list and read) and as the same rule in TypeScript (used for one loaded row).
//
// Case-linked questions (case_ref = a client id) are about one client: the asker, coordinators
// and that client's support team see them (team membership is read by the SQL function
// tsunagu_on_case_team, since the team table is under row-level security). Everyone else gets
// 404. Only coordinators answer; the asker adds follow-ups; team members read.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
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

/** Without the team (needs the database): general questions, the asker's own, coordinators. */
export function canViewConsultation(actor: Actor, row: Row): boolean {
  if (!row.caseRef) return true;
  return row.askerId === actor.userId || hasRole(actor, 'coordinator');
}

/** The visibility rule as SQL, used by every list and every single read. */
export function consultationVisibleWhere(actor: Actor): SQL {
  if (hasRole(actor, 'coordinator')) return sql`true`;
  return sql`(${consultation.caseRef} is null or ${consultation.askerId} = ${actor.userId} or tsunagu_on_case_team(${consultation.caseRef}, ${actor.userId}))`;
}

/** Is the user on the client's support team (as a person or through their office)? */
export async function isOnCaseTeam(db: DbOrTx, clientId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ ok: sql<boolean>`tsunagu_on_case_team(${clientId}, ${userId})` }).from(sql`(select 1) as one`);
  return Boolean(row?.ok);
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
