// The seam between referral and client record (docs/referrals.md §7), through the HTTP API on
// PGlite and PostgreSQL: accepting an offer opens the client record in the same transaction;
// the backup coordinator joins its team when accepting the backup and leaves when it ends; a
// failed hand-over rolls the whole acceptance back.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, referralCase } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
type Who = { client: TestClient; user: { id: string } };
let coord: Who;
let cons: Who;
let noOffice: Who;
let nurse: Who;
let consOffice: { id: string };
let coordOffice: { id: string };

const profile = (over: Record<string, unknown> = {}) => ({
  qualifications: ['consultant_specialist'],
  coordinatorTrainingYear: null,
  acceptsMedicalCare: 'yes',
  careItems: ['ventilator', 'suction', 'tube_feeding', 'feeding_pump'],
  maxCaseload: 5,
  municipalities: ['12207'],
  availableDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  ...over,
});

const CARE = [
  { code: 'ventilator', monitoring: 'high', note: '夜間 NPPV' },
  { code: 'suction', monitoring: 'high' },
  { code: 'tube_feeding', monitoring: 'high' },
  { code: 'feeding_pump', monitoring: 'high', note: 'ポンプで1回2時間' },
];

const intake = (over: Record<string, unknown> = {}) => ({
  municipalityCode: '12207',
  ageYears: 4,
  careItems: CARE,
  servicesWanted: [{ serviceType: '70' }, { serviceType: '63', note: '週3回' }],
  urgency: 'soon',
  wishes: { weekendContact: true, consultantGender: 'female' },
  summary: '母が職場復帰を希望。妹もうすぐ2歳。',
  source: 'visiting_nurse',
  consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: ['consultant_candidates'], items: ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes'] },
  identity: { name: '引継 あかね', nameKana: 'ヒキツギ アカネ', birthDate: '2022-03-15', sex: 'female', address: '松戸市テスト町1-2-3', guardianName: '引継 まゆ', guardianContact: '090-1234-5678' },
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  consOffice = await t.createOffice({ name: `相談支援テスト ${Math.random().toString(36).slice(2, 7)}` });
  coordOffice = await t.createOffice({ name: `基幹相談テスト ${Math.random().toString(36).slice(2, 7)}` });
  coord = await t.signedIn(['coordinator'], { municipalityCode: '12207', officeIds: [coordOffice.id] });
  cons = await t.signedIn(['consultant'], { officeIds: [consOffice.id] });
  noOffice = await t.signedIn(['consultant']);
  nurse = await t.signedIn(['provider_staff']);
  await readJson(await cons.client.put(`/api/people/${cons.user.id}`, profile({ acceptsMedicalCare: 'with_backup' })));
  await readJson(await noOffice.client.put(`/api/people/${noOffice.user.id}`, profile()));
  await readJson(await coord.client.put(`/api/people/${coord.user.id}`, profile({ coordinatorTrainingYear: 2023, backupAvailable: true, maxBackupCases: 3 })));
});
afterAll(async () => t?.close());

async function offerTo(caseId: string, userId: string, backupCoordinatorId?: string) {
  const res = await readJson<{ items: { id: string }[] }>(await coord.client.post(`/api/referrals/${caseId}/offers`, { candidates: [{ userId, backupCoordinatorId }] }), 201);
  return res.items[0]!.id;
}

const items = async <T>(who: TestClient, path: string) => (await readJson<{ items: T[] }>(await who.get(path))).items;

interface ClientRecord {
  id: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex: string;
  municipalityCode: string;
  caseIntakeId: string | null;
  scopes: string[];
  myTeamRoles: string[];
  profile: { address: string } | null;
  contact: { guardians: { name: string; phone: string; isPrimary: boolean }[] } | null;
  medical: { careItems: { code: string; monitoring: string; note: string }[]; careScore: { total: number } } | null;
}

describe('accepting a referral opens the client record', () => {
  it('puts the consultant on the team with the intake consent, keeps out the case creator, and lets the backup coordinator in once they accept', async () => {
    const c = await readJson<{ id: string }>(await nurse.client.post('/api/referrals', intake()), 201);
    const offerId = await offerTo(c.id, cons.user.id, coord.user.id);
    await readJson(await cons.client.post(`/api/referrals/${c.id}/offers/${offerId}/accept`));

    // The case view links to the record (the creator and the consultant see the same id).
    const view = await readJson<{ status: string; clientId: string; identity: { sex: string | null }; backups: { id: string; status: string; coordinator: { id: string } }[] }>(
      await cons.client.get(`/api/referrals/${c.id}`),
    );
    expect(view.status).toBe('assigned');
    expect(view.clientId).toEqual(expect.any(String));
    expect(view.identity.sex).toBe('female');
    const clientId = view.clientId;
    expect((await readJson<{ clientId: string }>(await nurse.client.get(`/api/referrals/${c.id}`))).clientId).toBe(clientId);
    const [row] = await t.db.select({ clientId: referralCase.clientId }).from(referralCase).where(eq(referralCase.id, c.id));
    expect(row!.clientId).toBe(clientId);

    // The consultant reads the record: identity, address, guardian, care items with 見守り.
    const rec = await readJson<ClientRecord>(await cons.client.get(`/api/clients/${clientId}`));
    expect(rec).toMatchObject({ name: '引継 あかね', nameKana: 'ひきつぎ あかね', birthDate: '2022-03-15', sex: 'female', municipalityCode: '12207', caseIntakeId: c.id, myTeamRoles: ['consultant'] });
    expect(rec.medical!.careItems).toEqual(CARE.map((i) => ({ code: i.code, monitoring: i.monitoring, note: i.note ?? '' })));
    expect(rec.medical!.careScore.total).toBeGreaterThan(0);
    expect(rec.profile!.address).toBe('松戸市テスト町1-2-3');
    expect(rec.contact!.guardians[0]).toMatchObject({ name: '引継 まゆ', phone: '090-1234-5678', isPrimary: true });
    // Scopes from the intake consent: identity half → profile + contact, care_items → medical,
    // services_wanted / wishes → plan; never timeline.
    expect(rec.scopes).toEqual(['profile', 'contact', 'medical', 'plan']);

    const team = await items<{ role: string; userId: string; officeId: string; scopes: string[] }>(cons.client, `/api/clients/${clientId}/team`);
    expect(team).toEqual([expect.objectContaining({ role: 'consultant', userId: cons.user.id, officeId: consOffice.id })]);
    const consents = await items<{ recipientType: string; recipientOfficeId: string; givenByRelation: string; consentedOn: string; method: string; document: string }>(cons.client, `/api/clients/${clientId}/consents`);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ recipientType: 'office', recipientOfficeId: consOffice.id, givenByRelation: '母', consentedOn: '2026-05-01', method: 'written' });
    expect(consents[0]!.document).toContain(c.id);

    // The nurse who recorded the case is not on the team: 404, and the coordinator too until
    // they accept the backup that the acceptance requested.
    await readProblem(await nurse.client.get(`/api/clients/${clientId}`), 404);
    await readProblem(await coord.client.get(`/api/clients/${clientId}`), 404);

    // The access log carries the client id.
    const created = await t.auditRows({ action: 'client.create', entityId: clientId });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ clientId, actorUserId: cons.user.id, details: expect.objectContaining({ caseIntakeId: c.id }) });
    expect((await t.auditRows({ action: 'referral_offer.accept', entityId: offerId }))[0]!.clientId).toBe(clientId);
    expect((await t.auditRows({ action: 'client.read', actorUserId: cons.user.id, entityId: clientId }))[0]!.clientId).toBe(clientId);
    const denied = await t.auditRows({ action: 'client.access_denied', actorUserId: nurse.user.id, entityId: clientId });
    expect(denied).toHaveLength(1);
    expect(denied[0]!.clientId).toBe(clientId);
    expect((await t.auditRows({ action: 'referral_case.view', actorUserId: cons.user.id, entityId: c.id })).at(-1)!.clientId).toBe(clientId);

    // The coordinator accepts the backup and joins the team with medical + plan.
    const backup = view.backups.find((b) => b.status === 'requested')!;
    expect(backup.coordinator.id).toBe(coord.user.id);
    await readJson(await coord.client.post(`/api/referrals/${c.id}/backups/${backup.id}/respond`, { accept: true }));
    const seen = await readJson<ClientRecord>(await coord.client.get(`/api/clients/${clientId}`));
    expect(seen.myTeamRoles).toEqual(['coordinator']);
    expect(seen.scopes).toEqual(['medical', 'plan']);
    expect(seen.medical!.careItems.map((i) => i.code)).toEqual(CARE.map((i) => i.code));
    expect(seen.profile).toBeNull();
    expect(seen.contact).toBeNull();
    expect((await t.auditRows({ action: 'client.team.add', actorUserId: coord.user.id }))[0]!.clientId).toBe(clientId);
    expect((await t.auditRows({ action: 'case_backup.accept', entityId: backup.id }))[0]!.clientId).toBe(clientId);
    // Another office, no common 法人: the coordinator's access is a provision to a third party.
    const provisions = await items<{ kind: string; recipientOfficeId: string; scopes: string[] }>(cons.client, `/api/clients/${clientId}/provisions`);
    expect(provisions).toEqual([expect.objectContaining({ kind: 'team_access', recipientOfficeId: coordOffice.id, scopes: ['medical', 'plan'] })]);

    // Ending the backup takes the coordinator off the team again.
    await readJson(await cons.client.post(`/api/referrals/${c.id}/backups/${backup.id}/end`, { note: '体制が整った' }));
    await readProblem(await coord.client.get(`/api/clients/${clientId}`), 404);
    const after = await items<{ role: string; removedAt: string | null }>(cons.client, `/api/clients/${clientId}/team?includeRemoved=true`);
    expect(after.find((m) => m.role === 'coordinator')?.removedAt).toEqual(expect.any(String));
  });

  it('rolls the acceptance back when the record cannot be opened, and opens exactly one record once it can', async () => {
    const c = await readJson<{ id: string }>(await coord.client.post('/api/referrals', intake({ identity: { name: '引継 だいき', nameKana: 'ひきつぎ だいき', birthDate: '2021-08-01' } })), 201);
    // A case recorded before the birth date was required.
    await t.db.update(referralCase).set({ clientBirthDate: null }).where(eq(referralCase.id, c.id));
    const offerId = await offerTo(c.id, noOffice.user.id);

    const p = await readProblem(await noOffice.client.post(`/api/referrals/${c.id}/offers/${offerId}/accept`), 409);
    expect(p.detail).toContain('生年月日');
    const still = await readJson<{ status: string; clientId: string | null; assignedConsultant: unknown }>(await coord.client.get(`/api/referrals/${c.id}`));
    expect(still).toMatchObject({ status: 'open', clientId: null, assignedConsultant: null });
    const offer = await readJson<{ status: string; history: { action: string }[] }>(await coord.client.get(`/api/referrals/${c.id}/offers/${offerId}`));
    expect(offer.status).toBe('sent');
    expect(offer.history.map((h) => h.action)).toEqual(['create', 'send']);
    expect(await t.db.select({ id: client.id }).from(client).where(eq(client.caseIntakeId, c.id))).toHaveLength(0);
    expect(await t.auditRows({ action: 'referral_offer.accept', entityId: offerId })).toHaveLength(0);
    expect(await t.auditRows({ action: 'client.create', details: { caseIntakeId: c.id } })).toHaveLength(0);

    // The coordinator completes the intake; now the acceptance goes through, once.
    await readJson(await coord.client.patch(`/api/referrals/${c.id}`, { identity: { name: '引継 だいき', nameKana: 'ひきつぎ だいき', birthDate: '2021-08-01' } }));
    await readJson(await noOffice.client.post(`/api/referrals/${c.id}/offers/${offerId}/accept`));
    await readProblem(await noOffice.client.post(`/api/referrals/${c.id}/offers/${offerId}/accept`), 409);
    const records = await t.db.select({ id: client.id, sex: client.sex }).from(client).where(eq(client.caseIntakeId, c.id));
    expect(records).toHaveLength(1);
    expect(records[0]!.sex).toBe('unknown'); // not recorded at intake
    expect(await t.auditRows({ action: 'client.create', details: { caseIntakeId: c.id } })).toHaveLength(1);

    // A consultant with no office: the consent's recipient is the person.
    const consents = await items<{ recipientType: string; recipientUserId: string | null }>(noOffice.client, `/api/clients/${records[0]!.id}/consents`);
    expect(consents).toEqual([expect.objectContaining({ recipientType: 'user', recipientUserId: noOffice.user.id })]);
  });

  it('carries over only the consented items: without care_items the medical section stays hidden', async () => {
    const c = await readJson<{ id: string }>(
      await coord.client.post('/api/referrals', intake({ consent: { obtainedOn: '2026-05-02', method: 'verbal', givenBy: '父', shareWith: ['consultant_candidates'], items: ['age', 'municipality'] } })),
      201,
    );
    const offerId = await offerTo(c.id, noOffice.user.id);
    await readJson(await noOffice.client.post(`/api/referrals/${c.id}/offers/${offerId}/accept`));
    const { clientId } = await readJson<{ clientId: string }>(await noOffice.client.get(`/api/referrals/${c.id}`));
    const rec = await readJson<ClientRecord & { hiddenScopes: string[] }>(await noOffice.client.get(`/api/clients/${clientId}`));
    expect(rec.scopes).toEqual(['profile', 'contact']);
    expect(rec.medical).toBeNull();
    expect(rec.hiddenScopes).toContain('medical');
    await readProblem(await noOffice.client.get(`/api/clients/${clientId}/emergency-summary`), 403);
    const consents = await items<{ method: string; givenByRelation: string }>(noOffice.client, `/api/clients/${clientId}/consents`);
    expect(consents[0]).toMatchObject({ method: 'oral', givenByRelation: '父' });
  });

  it('asks the intake for the reading and birth date', async () => {
    const p = await readProblem(await coord.client.post('/api/referrals', intake({ identity: { name: '引継 なし' } })), 400);
    expect(JSON.stringify(p)).toContain('生年月日');
    expect(JSON.stringify(p)).toContain('氏名（よみ）');
  });
});
