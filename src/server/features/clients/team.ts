// The support team, the guardian's consents, and the provision records (提供記録) that follow
// from them. Access = active membership × active consent to that member's recipient.
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { TEAM_ROLE_LABELS, type AddTeamMemberSchema, type ConsentInputSchema, type RevokeConsentSchema, type TeamRole } from '../../../shared/contracts/clients.js';
import { addMonths } from '../../../shared/calendar-date.js';
import { CONSENT_SCOPES, type ConsentScope } from '../../../shared/domain/consent-scopes.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { clientTeamMember, consent, office, officeMembership, provisionRecord, user } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { MANAGING_TEAM_ROLES } from './clients-access.js';
import { asSystemWithin, withClientAccess, type AccessActor } from './client-access.js';

/** APPI: provision records are kept at least 3 years (個人情報保護法施行規則 第14条). */
export const PROVISION_RETENTION_YEARS = 3;

type ConsentRow = typeof consent.$inferSelect;
type MemberRow = typeof clientTeamMember.$inferSelect;

const today = () => tokyoDate();
const isActiveConsent = (c: ConsentRow, asOf = today()) => !c.revokedAt && (!c.expiresOn || c.expiresOn >= asOf);
const consentMatches = (c: ConsentRow, m: Pick<MemberRow, 'userId' | 'officeId'>) =>
  (c.recipientType === 'office' && c.recipientOfficeId !== null && c.recipientOfficeId === m.officeId) ||
  (c.recipientType === 'user' && c.recipientUserId !== null && c.recipientUserId === m.userId);

export function scopesOfMember(m: Pick<MemberRow, 'userId' | 'officeId' | 'removedAt'>, consents: ConsentRow[]): ConsentScope[] {
  if (m.removedAt) return [];
  const granted = new Set(consents.filter((c) => isActiveConsent(c) && consentMatches(c, m)).flatMap((c) => c.scopes));
  return CONSENT_SCOPES.filter((s) => granted.has(s));
}

async function teamRows(tx: Tx, clientId: string) {
  return tx
    .select({ m: clientTeamMember, userName: user.name, officeName: office.name, officeOrg: office.organizationId })
    .from(clientTeamMember)
    .leftJoin(user, eq(user.id, clientTeamMember.userId))
    .leftJoin(office, eq(office.id, clientTeamMember.officeId))
    .where(eq(clientTeamMember.clientId, clientId))
    .orderBy(asc(clientTeamMember.since), asc(clientTeamMember.id));
}

const memberOut = (r: Awaited<ReturnType<typeof teamRows>>[number], consents: ConsentRow[]) => ({
  id: r.m.id,
  clientId: r.m.clientId,
  role: r.m.role as TeamRole,
  roleLabel: TEAM_ROLE_LABELS[r.m.role as TeamRole] ?? r.m.role,
  roleNote: r.m.roleNote,
  userId: r.m.userId,
  userName: r.userName,
  officeId: r.m.officeId,
  officeName: r.officeName,
  since: r.m.since.toISOString(),
  removedAt: r.m.removedAt?.toISOString() ?? null,
  scopes: scopesOfMember(r.m, consents),
});

export async function listTeam(opts: { db: Db; actor: AccessActor; clientId: string; includeRemoved?: boolean }) {
  return withClientAccess({ ...opts, action: 'client.team.read' }, async (tx) => {
    const consents = await tx.select().from(consent).where(eq(consent.clientId, opts.clientId));
    const rows = await teamRows(tx, opts.clientId);
    return rows.filter((r) => opts.includeRemoved || !r.m.removedAt).map((r) => memberOut(r, consents));
  });
}

/** User ids reached by the active team, with the scopes each has (for notifications). */
export async function teamAudience(tx: Tx, clientId: string): Promise<{ userId: string; email: string; scopes: ConsentScope[] }[]> {
  const consents = await tx.select().from(consent).where(eq(consent.clientId, clientId));
  const members = await tx.select().from(clientTeamMember).where(and(eq(clientTeamMember.clientId, clientId), isNull(clientTeamMember.removedAt)));
  const out = new Map<string, Set<ConsentScope>>();
  for (const m of members) {
    const scopes = scopesOfMember(m, consents);
    if (!scopes.length) continue;
    const userIds = m.userId
      ? [m.userId]
      : m.officeId
        ? (await tx.select({ u: officeMembership.userId }).from(officeMembership).where(eq(officeMembership.officeId, m.officeId))).map((r) => r.u)
        : [];
    for (const u of userIds) out.set(u, new Set([...(out.get(u) ?? []), ...scopes]));
  }
  if (!out.size) return [];
  const users = await tx.select({ id: user.id, email: user.email, banned: user.banned }).from(user).where(sql`${user.id} in ${[...out.keys()]}`);
  return users.filter((u) => !u.banned).map((u) => ({ userId: u.id, email: u.email, scopes: CONSENT_SCOPES.filter((s) => out.get(u.id)!.has(s)) }));
}

/**
 * The organisation(s) holding the record: offices of the consultant / coordinator members.
 * A recipient office of another 法人 (or with none) is "another organisation" under APPI.
 */
async function isSameOrganisation(tx: Tx, clientId: string, recipientOfficeId: string | null, recipientUserId: string | null) {
  const holders = await tx
    .select({ officeId: clientTeamMember.officeId, org: office.organizationId })
    .from(clientTeamMember)
    .leftJoin(office, eq(office.id, clientTeamMember.officeId))
    .where(and(eq(clientTeamMember.clientId, clientId), isNull(clientTeamMember.removedAt), sql`${clientTeamMember.role} in ('consultant')`));
  let recipientOffices: string[] = [];
  if (recipientOfficeId) recipientOffices = [recipientOfficeId];
  else if (recipientUserId) recipientOffices = (await tx.select({ o: officeMembership.officeId }).from(officeMembership).where(eq(officeMembership.userId, recipientUserId))).map((r) => r.o);
  if (!recipientOffices.length) return false;
  const rec = await tx.select({ id: office.id, org: office.organizationId }).from(office).where(sql`${office.id} in ${recipientOffices}`);
  return rec.some((r) => holders.some((h) => h.officeId === r.id || (h.org !== null && h.org === r.org)));
}

export async function writeProvision(
  tx: Tx,
  p: {
    clientId: string;
    kind: 'team_access' | 'export';
    recipientName: string;
    recipientOfficeId?: string | null;
    recipientUserId?: string | null;
    scopes: readonly ConsentScope[];
    items: string[];
    consentId: string | null;
    actor: Pick<AccessActor, 'userId' | 'name'>;
  },
) {
  const id = newId();
  await tx.insert(provisionRecord).values({
    id,
    clientId: p.clientId,
    kind: p.kind,
    recipientName: p.recipientName,
    recipientOfficeId: p.recipientOfficeId ?? null,
    recipientUserId: p.recipientUserId ?? null,
    scopes: [...p.scopes],
    items: p.items,
    consentId: p.consentId,
    byUserId: p.actor.userId,
    byName: p.actor.name,
    retainUntil: addMonths(today(), 12 * PROVISION_RETENTION_YEARS),
  });
  return id;
}

async function recipientLabel(tx: Tx, officeId: string | null, userId: string | null, fallback = '') {
  if (officeId) {
    const [o] = await tx.select({ name: office.name }).from(office).where(eq(office.id, officeId));
    if (o) return o.name;
  }
  if (userId) {
    const [u] = await tx.select({ name: user.name }).from(user).where(eq(user.id, userId));
    if (u) return u.name;
  }
  return fallback;
}

/** Writes a team-access provision record when a member of another organisation gains access. */
async function recordTeamAccessProvisions(tx: Tx, clientId: string, actor: AccessActor, pairs: { m: MemberRow; c: ConsentRow }[]) {
  for (const { m, c } of pairs) {
    if (await isSameOrganisation(tx, clientId, m.officeId, m.userId)) continue;
    await writeProvision(tx, {
      clientId,
      kind: 'team_access',
      recipientName: await recipientLabel(tx, c.recipientOfficeId, c.recipientUserId, c.recipientName),
      recipientOfficeId: c.recipientOfficeId,
      recipientUserId: c.recipientUserId,
      scopes: c.scopes as ConsentScope[],
      items: (c.scopes as ConsentScope[]).map((s) => `支援チームでの閲覧（${s}）`),
      consentId: c.id,
      actor,
    });
  }
}

export async function addTeamMember(opts: { db: Db; actor: AccessActor; clientId: string; input: z.infer<typeof AddTeamMemberSchema> }) {
  const { input } = opts;
  return withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.team.add', details: { role: input.role, userId: input.userId, officeId: input.officeId } }, async (tx) => {
    if (input.officeId) {
      const [o] = await tx.select({ id: office.id }).from(office).where(eq(office.id, input.officeId));
      if (!o) throw new AppError('VALIDATION_FAILED', '事業所が見つかりません。', { fields: [{ field: 'officeId', label: '事業所', message: '事業所: 見つかりません' }] });
    }
    if (input.userId) {
      const [u] = await tx.select({ id: user.id }).from(user).where(eq(user.id, input.userId));
      if (!u) throw new AppError('VALIDATION_FAILED', '担当者が見つかりません。', { fields: [{ field: 'userId', label: '担当者', message: '担当者: 見つかりません' }] });
      if (input.officeId) {
        const [mem] = await tx.select({ u: officeMembership.userId }).from(officeMembership).where(and(eq(officeMembership.userId, input.userId), eq(officeMembership.officeId, input.officeId)));
        if (!mem) throw new AppError('VALIDATION_FAILED', '担当者はこの事業所の所属ではありません。', { fields: [{ field: 'userId', label: '担当者', message: '担当者: この事業所の所属ではありません' }] });
      }
    }
    const dup = await tx
      .select({ id: clientTeamMember.id })
      .from(clientTeamMember)
      .where(
        and(
          eq(clientTeamMember.clientId, opts.clientId),
          isNull(clientTeamMember.removedAt),
          input.userId ? eq(clientTeamMember.userId, input.userId) : isNull(clientTeamMember.userId),
          input.officeId ? eq(clientTeamMember.officeId, input.officeId) : isNull(clientTeamMember.officeId),
        ),
      );
    if (dup.length) throw new AppError('CONFLICT', 'この担当者・事業所はすでにチームにいます。');
    const id = newId();
    const [m] = await tx.insert(clientTeamMember).values({ id, clientId: opts.clientId, role: input.role, roleNote: input.roleNote, userId: input.userId, officeId: input.officeId, addedBy: opts.actor.userId }).returning();
    const consents = await tx.select().from(consent).where(eq(consent.clientId, opts.clientId));
    await recordTeamAccessProvisions(tx, opts.clientId, opts.actor, consents.filter((c) => isActiveConsent(c) && consentMatches(c, m!)).map((c) => ({ m: m!, c })));
    const [row] = (await teamRows(tx, opts.clientId)).filter((r) => r.m.id === id);
    return memberOut(row!, consents);
  });
}

/** `%term%` for ILIKE with the wildcards of the term escaped. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * People of the network matching a name or reading, to add one to the team by name: each with
 * the offices they act for and what the recorded consents would let them see (to themself or
 * to each office), so the consultant sees before adding whether a consent is still missing.
 * Only the consultant or coordinator on the team may search; the search is logged.
 */
export async function searchTeamCandidates(opts: { db: Db; actor: AccessActor; clientId: string; q: string }) {
  return withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.team.search', details: { q: opts.q } }, async (tx) => {
    const pattern = containsPattern(opts.q.trim());
    const people = await tx
      .select({ id: user.id, name: user.name, nameKana: user.nameKana })
      .from(user)
      .where(and(or(ilike(user.name, pattern), ilike(user.nameKana, pattern)), or(isNull(user.banned), eq(user.banned, false))))
      .orderBy(asc(user.nameKana), asc(user.name), asc(user.id))
      .limit(20);
    if (!people.length) return [];
    const ids = people.map((p) => p.id);
    const memberships = await tx
      .select({ userId: officeMembership.userId, id: office.id, name: office.name })
      .from(officeMembership)
      .innerJoin(office, eq(office.id, officeMembership.officeId))
      .where(inArray(officeMembership.userId, ids))
      .orderBy(asc(office.name));
    const consents = (await tx.select().from(consent).where(eq(consent.clientId, opts.clientId))).filter((c) => isActiveConsent(c));
    const team = await tx.select({ userId: clientTeamMember.userId }).from(clientTeamMember).where(and(eq(clientTeamMember.clientId, opts.clientId), isNull(clientTeamMember.removedAt)));
    const scopesFor = (m: { userId: string | null; officeId: string | null }) => scopesOfMember({ ...m, removedAt: null }, consents);
    return people.map((p) => ({
      userId: p.id,
      name: p.name,
      nameKana: p.nameKana,
      offices: memberships.filter((m) => m.userId === p.id).map((m) => ({ id: m.id, name: m.name, consentScopes: scopesFor({ userId: null, officeId: m.id }) })),
      personalConsentScopes: scopesFor({ userId: p.id, officeId: null }),
      onTeam: team.some((m) => m.userId === p.id),
    }));
  });
}

/** The guardian's consent as another feature hands it over (recipient = the member's office, or the person). */
export interface CarriedConsent {
  scopes: ConsentScope[];
  purpose: string;
  givenBy: string;
  givenByRelation: string;
  consentedOn: string;
  method: 'written' | 'electronic' | 'oral';
  document: string;
}

/**
 * Seam for the referral feature: a person joins a record's team because of something decided
 * outside the record (a coordinator accepting a backup), inside the caller's transaction. Runs
 * as system work — the person is not on the team yet, so the policies would refuse their own
 * insert — and returns the transaction to the caller's role. Adds the consent carried over
 * (unless an active consent to the same recipient already covers its scopes), writes the
 * provision record when the person's office is another organisation than the record's holder,
 * and logs `client.team.add` with the client id.
 * Returns the new membership id, or null when the person is already an active member.
 */
export async function joinTeamFromReferral(opts: {
  tx: Tx;
  audit: AccessActor['audit'];
  clientId: string;
  member: { role: TeamRole; userId: string; officeId: string | null; roleNote: string };
  consent: CarriedConsent | null;
  /** Who provides the access (the record's consultant), for the provision record. */
  providedBy: { userId: string; name: string };
  details?: Record<string, unknown>;
}): Promise<string | null> {
  const { tx, member } = opts;
  return asSystemWithin(tx, async () => {
    const [already] = await tx
      .select({ id: clientTeamMember.id })
      .from(clientTeamMember)
      .where(and(eq(clientTeamMember.clientId, opts.clientId), eq(clientTeamMember.userId, member.userId), isNull(clientTeamMember.removedAt)));
    if (already) return null;
    const id = newId();
    const [m] = await tx
      .insert(clientTeamMember)
      .values({ id, clientId: opts.clientId, role: member.role, roleNote: member.roleNote, userId: member.userId, officeId: member.officeId, addedBy: opts.providedBy.userId })
      .returning();
    let consents = await tx.select().from(consent).where(eq(consent.clientId, opts.clientId));
    const c = opts.consent;
    if (c && c.scopes.length && !consents.some((x) => isActiveConsent(x) && consentMatches(x, m!) && c.scopes.every((s) => x.scopes.includes(s)))) {
      const recipientName = await recipientLabel(tx, member.officeId, member.officeId ? null : member.userId);
      await tx.insert(consent).values({
        id: newId(),
        clientId: opts.clientId,
        recipientType: member.officeId ? 'office' : 'user',
        recipientOfficeId: member.officeId,
        recipientUserId: member.officeId ? null : member.userId,
        recipientName,
        scopes: [...new Set(c.scopes)],
        purpose: c.purpose,
        givenBy: c.givenBy,
        givenByRelation: c.givenByRelation,
        consentedOn: c.consentedOn,
        method: c.method,
        document: c.document,
        recordedBy: opts.providedBy.userId,
      });
      consents = await tx.select().from(consent).where(eq(consent.clientId, opts.clientId));
    }
    const provider: AccessActor = { userId: opts.providedBy.userId, name: opts.providedBy.name, officeIds: [], audit: opts.audit };
    await recordTeamAccessProvisions(tx, opts.clientId, provider, consents.filter((x) => isActiveConsent(x) && consentMatches(x, m!)).map((x) => ({ m: m!, c: x })));
    await writeAudit(tx, opts.audit, {
      action: 'client.team.add',
      entityType: 'client_team_member',
      entityId: id,
      clientId: opts.clientId,
      details: { ...opts.details, role: member.role, userId: member.userId, officeId: member.officeId, scopes: scopesOfMember(m!, consents) },
    });
    return id;
  });
}

/** Seam for the referral feature: ends a membership that joinTeamFromReferral added (system work, logged). */
export async function leaveTeamFromReferral(opts: { tx: Tx; audit: AccessActor['audit']; clientId: string; memberId: string; details?: Record<string, unknown> }): Promise<boolean> {
  const { tx } = opts;
  return asSystemWithin(tx, async () => {
    const [row] = await tx
      .update(clientTeamMember)
      .set({ removedAt: new Date() })
      .where(and(eq(clientTeamMember.id, opts.memberId), eq(clientTeamMember.clientId, opts.clientId), isNull(clientTeamMember.removedAt)))
      .returning({ id: clientTeamMember.id });
    if (row) await writeAudit(tx, opts.audit, { action: 'client.team.remove', entityType: 'client_team_member', entityId: opts.memberId, clientId: opts.clientId, details: opts.details });
    return Boolean(row);
  });
}

export async function removeTeamMember(opts: { db: Db; actor: AccessActor; clientId: string; memberId: string }) {
  await withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.team.remove', entityType: 'client_team_member', entityId: opts.memberId }, async (tx) => {
    const [row] = await tx
      .update(clientTeamMember)
      .set({ removedAt: new Date() })
      .where(and(eq(clientTeamMember.id, opts.memberId), eq(clientTeamMember.clientId, opts.clientId), isNull(clientTeamMember.removedAt)))
      .returning({ id: clientTeamMember.id });
    if (!row) throw notFound('チームメンバー');
  });
}

const consentOut = (c: ConsentRow, recordedBy: string | null) => ({
  id: c.id,
  clientId: c.clientId,
  recipientType: c.recipientType,
  recipientOfficeId: c.recipientOfficeId,
  recipientUserId: c.recipientUserId,
  recipientName: c.recipientName,
  scopes: c.scopes as ConsentScope[],
  purpose: c.purpose,
  givenBy: c.givenBy,
  givenByRelation: c.givenByRelation,
  consentedOn: c.consentedOn,
  method: c.method as 'written' | 'electronic' | 'oral',
  document: c.document,
  expiresOn: c.expiresOn,
  recordedBy: recordedBy ?? '',
  recordedAt: c.recordedAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revokeReason: c.revokeReason,
  active: isActiveConsent(c),
});

async function consentRows(tx: Tx, clientId: string) {
  return tx
    .select({ c: consent, recordedBy: user.name, officeName: office.name })
    .from(consent)
    .leftJoin(user, eq(user.id, consent.recordedBy))
    .leftJoin(office, eq(office.id, consent.recipientOfficeId))
    .where(eq(consent.clientId, clientId))
    .orderBy(desc(consent.recordedAt), desc(consent.id));
}

export async function listConsents(opts: { db: Db; actor: AccessActor; clientId: string }) {
  return withClientAccess({ ...opts, action: 'client.consent.read' }, async (tx) =>
    (await consentRows(tx, opts.clientId)).map((r) => consentOut({ ...r.c, recipientName: r.c.recipientName || r.officeName || '' }, r.recordedBy)),
  );
}

export async function recordConsent(opts: { db: Db; actor: AccessActor; clientId: string; input: z.infer<typeof ConsentInputSchema> }) {
  const { input } = opts;
  return withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.consent.record', details: { recipientType: input.recipientType, scopes: input.scopes } }, async (tx) => {
    const recipientName = input.recipientName || (await recipientLabel(tx, input.recipientType === 'office' ? input.recipientOfficeId : null, input.recipientType === 'user' ? input.recipientUserId : null));
    if (input.recipientType !== 'external' && !recipientName)
      throw new AppError('VALIDATION_FAILED', '提供先が見つかりません。', { fields: [{ field: input.recipientType === 'office' ? 'recipientOfficeId' : 'recipientUserId', label: '提供先', message: '提供先: 見つかりません' }] });
    const id = newId();
    const [c] = await tx
      .insert(consent)
      .values({
        id,
        clientId: opts.clientId,
        recipientType: input.recipientType,
        recipientOfficeId: input.recipientType === 'office' ? input.recipientOfficeId : null,
        recipientUserId: input.recipientType === 'user' ? input.recipientUserId : null,
        recipientName,
        scopes: [...new Set(input.scopes)],
        purpose: input.purpose,
        givenBy: input.givenBy,
        givenByRelation: input.givenByRelation,
        consentedOn: input.consentedOn,
        method: input.method,
        document: input.document,
        expiresOn: input.expiresOn,
        recordedBy: opts.actor.userId,
      })
      .returning();
    const members = await tx.select().from(clientTeamMember).where(and(eq(clientTeamMember.clientId, opts.clientId), isNull(clientTeamMember.removedAt)));
    await recordTeamAccessProvisions(tx, opts.clientId, opts.actor, members.filter((m) => consentMatches(c!, m)).map((m) => ({ m, c: c! })));
    return consentOut(c!, opts.actor.name);
  });
}

/** Revocation takes effect at once: access is computed from active consents on every query. */
export async function revokeConsent(opts: { db: Db; actor: AccessActor; clientId: string; consentId: string; input: z.infer<typeof RevokeConsentSchema> }) {
  return withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.consent.revoke', entityType: 'consent', entityId: opts.consentId, details: { reason: opts.input.reason } }, async (tx) => {
    const [c] = await tx
      .update(consent)
      .set({ revokedAt: new Date(), revokedBy: opts.actor.userId, revokeReason: opts.input.reason })
      .where(and(eq(consent.id, opts.consentId), eq(consent.clientId, opts.clientId), isNull(consent.revokedAt)))
      .returning();
    if (!c) throw notFound('有効な同意');
    return consentOut(c, null);
  });
}

export async function listProvisions(opts: { db: Db; actor: AccessActor; clientId: string }) {
  return withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.provision.read' }, async (tx) => {
    const rows = await tx.select().from(provisionRecord).where(eq(provisionRecord.clientId, opts.clientId)).orderBy(desc(provisionRecord.at), desc(provisionRecord.id));
    return rows.map((r) => ({ ...r, scopes: r.scopes as ConsentScope[], at: r.at.toISOString() }));
  });
}

/**
 * For an export to a named recipient: finds the active consent that covers the scopes for
 * that recipient (team office/person, or an external recipient by name) or refuses.
 */
export async function consentForRecipient(tx: Tx, clientId: string, recipient: { officeId?: string | null; name?: string | null }, needed: readonly ConsentScope[]) {
  const all = await tx.select().from(consent).where(eq(consent.clientId, clientId));
  const found = all.find(
    (c) =>
      isActiveConsent(c) &&
      ((recipient.officeId && c.recipientOfficeId === recipient.officeId) || (recipient.name && c.recipientType === 'external' && c.recipientName === recipient.name)) &&
      needed.every((s) => c.scopes.includes(s) || (s === 'emergency' && c.scopes.includes('medical') && c.scopes.includes('contact'))),
  );
  if (!found) throw new AppError('FORBIDDEN', 'この提供先への提供について、保護者の有効な同意が記録されていません（同意の範囲を確認してください）。');
  return found;
}
