// The client record: open (directly or from an accepted referral), read, list, edit.
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ContactSchema,
  MedicalSchema,
  ProfileSchema,
  type CreateClientSchema,
  type TeamRole,
  type UpdateIdentitySchema,
} from '../../../shared/contracts/clients.js';
import { CONSENT_SCOPES, type ConsentScope } from '../../../shared/domain/consent-scopes.js';
import { careScoreBandInfo, computeCareScore } from '../../../shared/domain/care-score.js';
import { ageOn, lifeStage, lifeStageLabel, upcomingTransitions } from '../../../shared/domain/life-stage.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { client, clientContact, clientMedical, clientProfile, clientTeamMember, consent, municipality, office, officeMembership } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { MANAGING_TEAM_ROLES, MEDICAL_EDITOR_ROLES } from './clients-access.js';
import { asSystemWithin, assertVersion, enterUserContext, withClientAccess, withUserContext, type AccessActor } from './client-access.js';
import { rowsOf } from './sql-rows.js';

type CreateInput = z.infer<typeof CreateClientSchema>;
type Identity = Pick<CreateInput, 'name' | 'nameKana' | 'birthDate' | 'sex' | 'municipalityCode'>;
type ConsentFields = CreateInput['consent'];

const emptyProfile = () => ProfileSchema.parse({});
const emptyContact = () => ContactSchema.parse({});
const emptyMedical = () => MedicalSchema.parse({});

export interface OpenRecordInput {
  identity: Identity;
  profile?: z.infer<typeof ProfileSchema>;
  contact?: z.infer<typeof ContactSchema>;
  medical?: z.infer<typeof MedicalSchema>;
  caseIntakeId?: string | null;
  /** Team members to add; each gets the consent given (recipient = its office, or the person when it has none). */
  members: { role: TeamRole; userId: string | null; officeId: string | null; roleNote?: string }[];
  consent: ConsentFields;
  byUserId: string | null;
}

/**
 * Inserts a client record with its first team and consents, inside the caller's transaction,
 * as system work (the policies would refuse rows for a client that has no team yet), then
 * returns the transaction to the caller's role. Shared by createClient and
 * openClientFromReferral.
 */
async function insertRecord(tx: Tx, input: OpenRecordInput, audit: AuditContext): Promise<string> {
  // Leaves the caller's transaction as it found it (the referral feature continues in it).
  return asSystemWithin(tx, async () => {
    const [m] = await tx.select({ code: municipality.code }).from(municipality).where(eq(municipality.code, input.identity.municipalityCode));
    if (!m) throw fieldError('municipalityCode', '支給決定市区町村', '登録されていない市区町村です');
    const id = newId();
    await tx.insert(client).values({ id, ...input.identity, caseIntakeId: input.caseIntakeId ?? null, createdBy: input.byUserId });
    await tx.insert(clientProfile).values({ clientId: id, data: input.profile ?? emptyProfile(), updatedBy: input.byUserId });
    await tx.insert(clientContact).values({ clientId: id, data: input.contact ?? emptyContact(), updatedBy: input.byUserId });
    await tx.insert(clientMedical).values({ clientId: id, data: input.medical ?? emptyMedical(), updatedBy: input.byUserId });
    for (const mem of input.members) {
      await tx.insert(clientTeamMember).values({ id: newId(), clientId: id, role: mem.role, roleNote: mem.roleNote ?? '', userId: mem.userId, officeId: mem.officeId, addedBy: input.byUserId });
      await tx.insert(consent).values({
        id: newId(),
        clientId: id,
        recipientType: mem.officeId ? 'office' : 'user',
        recipientOfficeId: mem.officeId,
        recipientUserId: mem.officeId ? null : mem.userId,
        scopes: [...input.consent.scopes],
        purpose: input.consent.purpose || '計画相談支援・支援チームでの情報共有',
        givenBy: input.consent.givenBy,
        givenByRelation: input.consent.givenByRelation,
        consentedOn: input.consent.consentedOn,
        method: input.consent.method,
        document: input.consent.document,
        recordedBy: input.byUserId,
      });
    }
    await writeAudit(tx, audit, { action: 'client.create', entityType: 'client', entityId: id, clientId: id, details: { caseIntakeId: input.caseIntakeId ?? null, members: input.members.length } });
    return id;
  });
}

const fieldError = (field: string, label: string, message: string) =>
  new AppError('VALIDATION_FAILED', `${label}: ${message}`, { fields: [{ field, label, message: `${label}: ${message}` }] });

async function assertMemberOf(db: Db | Tx, userId: string, officeId: string, field: string) {
  const [row] = await db.select({ u: officeMembership.userId }).from(officeMembership).where(and(eq(officeMembership.userId, userId), eq(officeMembership.officeId, officeId)));
  if (!row) throw fieldError(field, '担当事業所', 'この事業所の所属ではありません');
}

/**
 * A consultant or coordinator opens a record directly, recording the guardian's consent to
 * their office holding it (acquiring 要配慮個人情報 needs consent).
 */
export async function createClient(opts: { db: Db; actor: Actor; input: CreateInput }) {
  const { actor, input } = opts;
  const officeId = input.officeId ?? (actor.officeIds.length === 1 ? actor.officeIds[0]! : null);
  if (!officeId) throw fieldError('officeId', '担当事業所', actor.officeIds.length ? '担当する事業所を選んでください' : '所属事業所がありません（管理者に登録を依頼してください）');
  await assertMemberOf(opts.db, actor.userId, officeId, 'officeId');
  if (input.consent.method === 'written' && !input.consent.document) throw fieldError('consent.document', '同意書（文書名・保管場所）', '書面の同意書の名称・保管場所を入力してください');
  const role: TeamRole = actor.roles.includes('consultant') ? 'consultant' : 'coordinator';
  const id = await opts.db.transaction((tx) =>
    insertRecord(
      tx,
      { identity: input, profile: input.profile, contact: input.contact, medical: input.medical, members: [{ role, userId: actor.userId, officeId }], consent: input.consent, byUserId: actor.userId },
      actor.audit,
    ),
  );
  return getClientRecord({ db: opts.db, actor, clientId: id });
}

/**
 * The seam for the referral feature (issue #4): when a referral is accepted, call this inside
 * the acceptance transaction (referrals/referral-handover.ts does). It opens the record with
 * what the intake collected (identity, and when given the address, guardian and care items),
 * adds the accepting consultant (and a coordinator backup, when one is given) to the team, and
 * records the guardian's consent carried over from the intake. Returns the new client id.
 * `officeId: null` = the person has no office: the consent's recipient is then the person.
 * @example const clientId = await openClientFromReferral({ tx, audit: actor.audit, caseIntakeId: c.id, identity, consent, consultant: { userId, officeId } })
 */
export async function openClientFromReferral(opts: {
  tx: Tx;
  audit: AuditContext;
  caseIntakeId: string;
  identity: Identity;
  consent: ConsentFields;
  consultant: { userId: string; officeId: string | null };
  coordinator?: { userId: string; officeId: string | null } | null;
  profile?: z.infer<typeof ProfileSchema>;
  contact?: z.infer<typeof ContactSchema>;
  medical?: z.infer<typeof MedicalSchema>;
  byUserId?: string | null;
}): Promise<string> {
  const members: OpenRecordInput['members'] = [{ role: 'consultant', userId: opts.consultant.userId, officeId: opts.consultant.officeId }];
  if (opts.coordinator) members.push({ role: 'coordinator', userId: opts.coordinator.userId, officeId: opts.coordinator.officeId, roleNote: 'コーディネーターによるバックアップ' });
  return insertRecord(
    opts.tx,
    { identity: opts.identity, profile: opts.profile, contact: opts.contact, medical: opts.medical, caseIntakeId: opts.caseIntakeId, members, consent: opts.consent, byUserId: opts.byUserId ?? opts.consultant.userId },
    opts.audit,
  );
}

const iso = (d: Date) => d.toISOString();

function careScoreOf(medical: z.infer<typeof MedicalSchema>) {
  const r = computeCareScore(medical.careItems.map((i) => ({ code: i.code, monitoring: i.monitoring })));
  return { ...r, bandLabel: careScoreBandInfo(r.band).label };
}

export { careScoreOf };

async function myTeamRoles(tx: Tx, actor: Pick<Actor, 'userId' | 'officeIds'>, clientIds: string[]) {
  if (clientIds.length === 0) return new Map<string, TeamRole[]>();
  const rows = await tx
    .select({ clientId: clientTeamMember.clientId, role: clientTeamMember.role })
    .from(clientTeamMember)
    .where(
      and(
        sql`${clientTeamMember.clientId} in ${clientIds}`,
        sql`${clientTeamMember.removedAt} is null`,
        or(
          eq(clientTeamMember.userId, actor.userId),
          actor.officeIds.length ? and(sql`${clientTeamMember.userId} is null`, sql`${clientTeamMember.officeId} in ${actor.officeIds}`) : sql`false`,
        ),
      ),
    );
  const map = new Map<string, TeamRole[]>();
  for (const r of rows) map.set(r.clientId, [...new Set([...(map.get(r.clientId) ?? []), r.role as TeamRole])]);
  return map;
}

function summaryOf(row: typeof client.$inferSelect & { municipalityName: string | null }, scopes: ConsentScope[], roles: TeamRole[], asOf: string) {
  const stage = lifeStage(row.birthDate, asOf);
  return {
    id: row.id,
    name: row.name,
    nameKana: row.nameKana,
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, asOf),
    sex: row.sex,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    lifeStage: stage,
    lifeStageLabel: lifeStageLabel(stage),
    status: row.status,
    myTeamRoles: roles,
    scopes,
    updatedAt: iso(row.updatedAt),
  };
}

const clientColumns = { ...getColumns(), municipalityName: municipality.name };
function getColumns() {
  return {
    id: client.id,
    name: client.name,
    nameKana: client.nameKana,
    birthDate: client.birthDate,
    sex: client.sex,
    municipalityCode: client.municipalityCode,
    status: client.status,
    caseIntakeId: client.caseIntakeId,
    version: client.version,
    createdBy: client.createdBy,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
  };
}

export async function getClientRecord(opts: { db: Db; actor: AccessActor; clientId: string }) {
  return withClientAccess({ ...opts, action: 'client.read' }, async (tx, access) => {
    const [row] = await tx.select(clientColumns).from(client).leftJoin(municipality, eq(municipality.code, client.municipalityCode)).where(eq(client.id, opts.clientId));
    if (!row) throw notFound('利用者');
    const asOf = tokyoDate();
    const has = (s: ConsentScope) => access.scopes.includes(s);
    const [profile] = has('profile') ? await tx.select().from(clientProfile).where(eq(clientProfile.clientId, row.id)) : [];
    const [contact] = has('contact') ? await tx.select().from(clientContact).where(eq(clientContact.clientId, row.id)) : [];
    const [medical] = has('medical') ? await tx.select().from(clientMedical).where(eq(clientMedical.clientId, row.id)) : [];
    const meta = (r: { version: number; updatedAt: Date }) => ({ version: r.version, updatedAt: iso(r.updatedAt) });
    return {
      ...summaryOf(row, access.scopes, access.teamRoles, asOf),
      version: row.version,
      createdAt: iso(row.createdAt),
      caseIntakeId: row.caseIntakeId,
      profile: profile ? { ...ProfileSchema.parse(profile.data), ...meta(profile) } : null,
      contact: contact ? { ...ContactSchema.parse(contact.data), ...meta(contact) } : null,
      medical: medical ? { ...MedicalSchema.parse(medical.data), ...meta(medical), careScore: careScoreOf(MedicalSchema.parse(medical.data)) } : null,
      upcomingTransitions: upcomingTransitions(row.birthDate, asOf, 24),
      hiddenScopes: CONSENT_SCOPES.filter((s) => !has(s)),
    };
  });
}

/** Clients the user can open (team + consent, by the database's policies), by reading. */
export async function listClients(opts: { db: Db; actor: Actor; q?: string; status?: 'active' | 'closed'; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  return withUserContext(opts.db, opts.actor, async (tx) => {
    const q = opts.q?.trim();
    const where = and(
      q ? or(ilike(client.name, `%${escapeLike(q)}%`), ilike(client.nameKana, `%${escapeLike(q)}%`)) : undefined,
      opts.status ? eq(client.status, opts.status) : undefined,
    );
    const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(client).where(where);
    const rows = await tx
      .select(clientColumns)
      .from(client)
      .leftJoin(municipality, eq(municipality.code, client.municipalityCode))
      .where(after ? and(where, sql`(${client.nameKana}, ${client.id}) > (${after[0]}, ${after[1]})`) : where)
      .orderBy(asc(client.nameKana), asc(client.id))
      .limit(opts.limit + 1);
    const page = pageOf(rows, opts.limit, (r) => [r.nameKana, r.id]);
    const ids = page.items.map((r) => r.id);
    const scopeRows = ids.length ? rowsOf<{ client_id: string; scope: string }>(await tx.execute(sql`select client_id, scope from tsunagu_access()`)) : [];
    const roles = await myTeamRoles(tx, opts.actor, ids);
    const asOf = tokyoDate();
    // Every client shown is a view of that client's data: one access-log row each.
    for (const id of ids) await writeAudit(tx, opts.actor.audit, { action: 'client.list_view', entityType: 'client', entityId: id, clientId: id });
    return {
      items: page.items.map((r) =>
        summaryOf(r, CONSENT_SCOPES.filter((s) => scopeRows.some((x) => x.client_id === r.id && x.scope === s)), roles.get(r.id) ?? [], asOf),
      ),
      total,
      nextCursor: page.nextCursor,
    };
  });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function updateIdentity(opts: { db: Db; actor: AccessActor; clientId: string; input: z.infer<typeof UpdateIdentitySchema> }) {
  const { version, ...fields } = opts.input;
  await withClientAccess({ ...opts, teamRoles: MANAGING_TEAM_ROLES, action: 'client.update', details: { fields: Object.keys(fields) } }, async (tx) => {
    if (fields.municipalityCode) {
      const [m] = await tx.select({ code: municipality.code }).from(municipality).where(eq(municipality.code, fields.municipalityCode));
      if (!m) throw fieldError('municipalityCode', '支給決定市区町村', '登録されていない市区町村です');
    }
    const [row] = await tx
      .update(client)
      .set({ ...fields, version: sql`${client.version} + 1`, updatedAt: new Date() })
      .where(and(eq(client.id, opts.clientId), eq(client.version, version)))
      .returning({ id: client.id });
    if (!row) {
      const [cur] = await tx.select({ version: client.version }).from(client).where(eq(client.id, opts.clientId));
      if (!cur) throw notFound('利用者');
      assertVersion(cur.version, version, '利用者の基本情報');
    }
  });
  return getClientRecord(opts);
}

const SECTIONS = {
  profile: { table: clientProfile, schema: ProfileSchema, label: '基本情報', roles: MANAGING_TEAM_ROLES },
  contact: { table: clientContact, schema: ContactSchema, label: '連絡先', roles: MANAGING_TEAM_ROLES },
  medical: { table: clientMedical, schema: MedicalSchema, label: '医療情報', roles: MEDICAL_EDITOR_ROLES },
} as const;
export type SectionName = keyof typeof SECTIONS;

/** Replaces one section (profile / contact / medical) if `version` is still current. */
export async function updateSection(opts: { db: Db; actor: AccessActor; clientId: string; section: SectionName; input: { version: number } & Record<string, unknown> }) {
  const s = SECTIONS[opts.section];
  const { version, ...data } = opts.input;
  await withClientAccess(
    { ...opts, scopes: [opts.section], teamRoles: s.roles, action: `client.${opts.section}.update`, entityType: `client_${opts.section}` },
    async (tx) => {
      const parsed = s.schema.parse(data);
      const table = s.table;
      const [row] = await tx
        .update(table)
        .set({ data: parsed as never, version: sql`${table.version} + 1`, updatedAt: new Date(), updatedBy: opts.actor.userId })
        .where(and(eq(table.clientId, opts.clientId), eq(table.version, version)))
        .returning({ id: table.clientId });
      if (!row) {
        const [cur] = await tx.select({ version: table.version }).from(table).where(eq(table.clientId, opts.clientId));
        if (!cur) throw notFound('利用者');
        assertVersion(cur.version, version, s.label);
      }
      await tx.update(client).set({ updatedAt: new Date() }).where(eq(client.id, opts.clientId));
    },
  );
  return getClientRecord(opts);
}

/** Reads the sections a document needs inside an open access transaction. */
export async function readSections(tx: Tx, clientId: string) {
  const [row] = await tx.select(clientColumns).from(client).leftJoin(municipality, eq(municipality.code, client.municipalityCode)).where(eq(client.id, clientId));
  if (!row) throw notFound('利用者');
  const [p] = await tx.select().from(clientProfile).where(eq(clientProfile.clientId, clientId));
  const [c] = await tx.select().from(clientContact).where(eq(clientContact.clientId, clientId));
  const [m] = await tx.select().from(clientMedical).where(eq(clientMedical.clientId, clientId));
  return {
    client: row,
    profile: p ? ProfileSchema.parse(p.data) : null,
    contact: c ? ContactSchema.parse(c.data) : null,
    medical: m ? MedicalSchema.parse(m.data) : null,
  };
}

/** Office names by id (directory data, not client data). */
export async function officeNames(tx: Tx | Db, ids: (string | null | undefined)[]) {
  const list = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!list.length) return new Map<string, string>();
  const rows = await tx.select({ id: office.id, name: office.name }).from(office).where(sql`${office.id} in ${list}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export { enterUserContext };
