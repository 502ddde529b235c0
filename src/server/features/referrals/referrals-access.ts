// Who may do what with intake cases and offers. Role lists gate the endpoints; the row rules
// below decide per case, inside the services, so a handler cannot forget them.
import { definePermissions, hasRole, type Actor } from '../../lib/access.js';

export const referralPermissions = definePermissions({
  /** Record a new case: coordinators, consultants, city staff, hospital / visiting-nurse staff. */
  'create:referral-case': ['coordinator', 'consultant', 'official', 'provider_staff'],
  /** Read cases — further limited per case by caseAccess(). */
  'read:referral-case': ['coordinator', 'consultant', 'official', 'provider_staff'],
  /** Answer a service request (事業所への紹介) sent to one's own office — decided per office in the service. */
  'respond:service-offer': ['provider_staff'],
  /** Answer an offer addressed to oneself. */
  'respond:referral-offer': ['consultant', 'coordinator'],
  /** Ask for / give coordinator backup on an assigned case. */
  'request:backup': ['consultant', 'coordinator'],
  'respond:backup': ['coordinator'],
  /** Area dashboards and referral statistics (aggregates, no client details). */
  'read:referral-dashboard': ['admin', 'coordinator', 'official'],
  'read:referral-stats': ['admin', 'coordinator', 'official', 'viewer'],
  /** Run the reminder / escalation sweep by hand (operations). */
  'run:referral-jobs': ['admin'],
});

export interface CaseRowForAccess {
  createdBy: string;
  assignedConsultantId: string | null;
}

/** Creator and coordinators run the referral: match, send, withdraw, edit the intake, close. */
export function canManageCase(actor: Actor, c: CaseRowForAccess): boolean {
  return c.createdBy === actor.userId || hasRole(actor, 'coordinator');
}

/**
 * full    = identity + everything: creator, coordinators, the assigned consultant;
 * limited = a candidate an offer was sent to, or provider staff of an office a service request
 *           was sent to: only what the consent allows, never identity (also after accepting);
 * null    = nothing (403, logged).
 */
export function caseAccess(
  actor: Actor,
  c: CaseRowForAccess,
  sentOfferCandidateIds: readonly string[],
  sentServiceOfficeIds: readonly string[] = [],
): 'full' | 'limited' | null {
  if (canManageCase(actor, c) || c.assignedConsultantId === actor.userId) return 'full';
  if (sentOfferCandidateIds.includes(actor.userId)) return 'limited';
  if (hasRole(actor, 'provider_staff') && sentServiceOfficeIds.some((o) => actor.officeIds.includes(o))) return 'limited';
  return null;
}
