// Matching against the directory and the true caseload, on PGlite and PostgreSQL:
// - GET /api/referrals/{id}/candidates ranks the directory's services of each requested type
//   (care capability yes/conditional/no, vacancy, area incl. areas served, age, weekend) with
//   reasons in words;
// - the registry's caseload counts client records held as consultant plus assigned cases
//   without a record, never twice (tsunagu_caseload, migration 0013).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import type { CareItemCode } from '../../../shared/domain/care-items.js';
import { createFixtureOffice, type FixtureOffice } from '../directory/directory-fixtures.js';

let t: TestApp;
let coord: { client: TestClient; user: { id: string } };
const MATSUDO = '12207';
const KASHIWA = '12217';
const NODA = '12208';

const newCase = (over: Record<string, unknown> = {}) => ({
  municipalityCode: MATSUDO,
  ageYears: 4,
  careItems: [
    { code: 'ventilator', monitoring: 'high' },
    { code: 'suction', monitoring: 'high' },
  ],
  servicesWanted: [{ serviceType: '63', note: '週3回' }, { serviceType: 'home_nursing' }],
  urgency: 'soon',
  wishes: { weekendContact: true },
  source: 'hospital',
  consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: ['consultant_candidates'], items: ['age', 'municipality', 'care_items'] },
  identity: { name: 'テスト さくら', nameKana: 'てすと さくら', birthDate: '2022-04-01' },
  ...over,
});

interface ServiceCandidates {
  serviceWeights: Record<string, number>;
  services: {
    serviceType: string;
    serviceTypeLabel: string;
    total: number;
    eligibleCount: number;
    services: { officeName: string; eligible: boolean; score: number; municipalityName: string | null; vacancy: number | null; reasons: { criterion: string; met: string; text: string }[] }[];
  }[];
}

beforeAll(async () => {
  t = await startTestApp();
  coord = await t.signedIn(['coordinator'], { municipalityCode: MATSUDO });
  const admin = await t.createUser({ roles: ['admin'] });
  const jihatsu = (caps: { careItem: CareItemCode; level: 'yes' | 'conditional' | 'no' }[], over: Partial<FixtureOffice['services'][number]> = {}): FixtureOffice['services'][number] => ({ serviceType: '63', capabilities: caps, ...over });
  // 児童発達支援 in 松戸: both items, vacancy, Saturday → 100
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト児発あおば',
    nameKana: 'てすとじはつあおば',
    sector: 'welfare',
    municipalityCode: MATSUDO,
    services: [jihatsu([{ careItem: 'ventilator', level: 'yes' }, { careItem: 'suction', level: 'yes' }], { vacancyCount: 2, openSaturday: true, ageMin: 0, ageMax: 6 })],
  });
  // in 柏 (≈ 8 km): ventilator conditional, no vacancy reported
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト児発かしわ',
    nameKana: 'てすとじはつかしわ',
    sector: 'welfare',
    municipalityCode: KASHIWA,
    services: [jihatsu([{ careItem: 'ventilator', level: 'conditional' }, { careItem: 'suction', level: 'yes' }])],
  });
  // refuses ventilators → ineligible
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト児発いろは',
    nameKana: 'てすとじはついろは',
    sector: 'welfare',
    municipalityCode: MATSUDO,
    services: [jihatsu([{ careItem: 'ventilator', level: 'no' }, { careItem: 'suction', level: 'yes' }], { vacancyCount: 5 })],
  });
  // school-age only → ineligible for a 4-year-old
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト放デイ',
    nameKana: 'てすとほうでい',
    sector: 'welfare',
    municipalityCode: MATSUDO,
    services: [jihatsu([{ careItem: 'ventilator', level: 'yes' }, { careItem: 'suction', level: 'yes' }], { ageMin: 6, ageMax: 18, vacancyCount: 1 })],
  });
  // 野田 is ≈ 19 km from 松戸 (few distance points); this one travels there (訪問看護)
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト訪看のだ',
    nameKana: 'てすとほうかんのだ',
    sector: 'medical',
    municipalityCode: NODA,
    services: [{ serviceType: 'home_nursing', areasServed: [NODA, MATSUDO], capabilities: [{ careItem: 'ventilator', level: 'yes' }, { careItem: 'suction', level: 'yes' }], vacancyCount: 1 }],
  });
  await createFixtureOffice(t.db, admin.id, {
    name: 'テスト訪看のだ2',
    nameKana: 'てすとほうかんのだに',
    sector: 'medical',
    municipalityCode: NODA,
    services: [{ serviceType: 'home_nursing', capabilities: [{ careItem: 'ventilator', level: 'yes' }] }],
  });
});
afterAll(async () => t?.close());

describe('service candidates from the directory', () => {
  it('ranks the services of each requested type with reasons in words', async () => {
    const c = await readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase()), 201);
    const r = await readJson<ServiceCandidates>(await coord.client.get(`/api/referrals/${c.id}/candidates`));
    expect(r.serviceWeights).toEqual({ careItems: 40, vacancy: 25, area: 20, weekend: 15 });
    expect(r.services.map((s) => s.serviceType)).toEqual(['63', 'home_nursing']);

    const jihatsu = r.services[0]!;
    expect(jihatsu.serviceTypeLabel).toBe('児童発達支援');
    expect(jihatsu).toMatchObject({ total: 4, eligibleCount: 2 });
    expect(jihatsu.services.map((s) => [s.officeName, s.eligible])).toEqual([
      ['テスト児発あおば', true],
      ['テスト児発かしわ', true],
    ]);
    const [aoba, kashiwa] = jihatsu.services;
    expect(aoba!.score).toBe(100);
    expect(aoba!.reasons.map((x) => x.text)).toEqual(['人工呼吸器・吸引に対応', expect.stringMatching(/^空き 2（\d{4}-\d{2}-\d{2} 時点）$/), '松戸市内', '土日も利用可', '対象年齢内（0〜6歳）']);
    expect(kashiwa!.municipalityName).toBe('柏市');
    expect(kashiwa!.reasons.map((x) => x.text)).toEqual(['吸引に対応、人工呼吸器は条件付き', '空き状況が未登録', expect.stringMatching(/^柏市（約 \d+ km）$/), '土日は休み']);

    // Ineligible ones appear with their reasons on request.
    const all = await readJson<ServiceCandidates>(await coord.client.get(`/api/referrals/${c.id}/candidates?includeIneligible=true`));
    const rows = all.services[0]!.services;
    expect(rows.map((s) => s.officeName)).toEqual(['テスト児発あおば', 'テスト児発かしわ', 'テスト放デイ', 'テスト児発いろは']);
    expect(rows[2]!.reasons.at(-1)).toMatchObject({ criterion: 'age', met: 'not_met', text: '対象年齢外（6〜18歳）' });
    expect(rows[3]!.reasons[0]!.text).toBe('吸引に対応、人工呼吸器は対応不可');

    // A 訪問系 service in another city counts as fully in the area when it travels to the case's.
    const houkan = r.services[1]!;
    expect(houkan.total).toBe(2);
    expect(houkan.services.map((s) => [s.officeName, s.score])).toEqual([
      ['テスト訪看のだ', 85],
      ['テスト訪看のだ2', expect.any(Number)],
    ]);
    expect(houkan.services[0]!.reasons.find((x) => x.criterion === 'area')).toMatchObject({ met: 'met', text: '松戸市へ訪問可（野田市の事業所）' });
    expect(houkan.services[1]!.reasons.find((x) => x.criterion === 'area')).toMatchObject({ met: 'partial', text: '野田市（約 19 km）' });
  });

  it('has no service candidates when no service is wanted, and logs the matching', async () => {
    const c = await readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase({ servicesWanted: [] })), 201);
    const r = await readJson<ServiceCandidates>(await coord.client.get(`/api/referrals/${c.id}/candidates`));
    expect(r.services).toEqual([]);
    const rows = await t.auditRows({ action: 'referral_case.match', entityId: c.id });
    expect(rows).toHaveLength(1);
  });

  it('refuses candidates to a consultant who does not manage the case, and bad ids', async () => {
    const c = await readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase()), 201);
    const consultant = await t.signedIn(['consultant']);
    const p = await readProblem(await consultant.client.get(`/api/referrals/${c.id}/candidates`), 403);
    expect(p.detail ?? p.title).toMatch(/[ぁ-んァ-ン一-龥]/);
    await readProblem(await coord.client.get(`/api/referrals/${'x'.repeat(101)}/candidates`), 400);
  });
});

describe('caseload counts what the consultant actually holds', () => {
  it('counts a directly opened client record and an accepted referral once each', async () => {
    const office = await t.createOffice({ name: 'テスト相談室 件数', municipalityCode: MATSUDO });
    const consultant = await t.signedIn(['consultant'], { officeIds: [office.id] });
    await readJson(
      await consultant.client.put(`/api/people/${consultant.user.id}`, {
        qualifications: ['consultant_specialist'],
        coordinatorTrainingYear: null,
        acceptsMedicalCare: 'yes',
        careItems: ['ventilator', 'suction'],
        maxCaseload: 2,
        municipalities: [MATSUDO],
        availableDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      }),
    );
    const load = async () => (await readJson<{ currentCaseload: number; freeCapacity: number }>(await coord.client.get(`/api/people/${consultant.user.id}`))).currentCaseload;
    expect(await load()).toBe(0);

    // A record opened directly (no referral): the consultant is on its team as consultant.
    const rec = await readJson<{ id: string }>(
      await consultant.client.post('/api/clients', {
        name: 'テスト ひかり',
        nameKana: 'てすと ひかり',
        birthDate: '2021-03-03',
        sex: 'female',
        municipalityCode: MATSUDO,
        consent: { scopes: ['profile', 'medical'], givenBy: 'テスト 母', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書' },
      }),
      201,
    );
    expect(await load()).toBe(1);

    // An accepted referral opens a record: counted once (through the record).
    const c = await readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase({ servicesWanted: [] })), 201);
    const offers = await readJson<{ items: { id: string }[] }>(await coord.client.post(`/api/referrals/${c.id}/offers`, { candidates: [{ userId: consultant.user.id }] }), 201);
    await readJson(await consultant.client.post(`/api/referrals/${c.id}/offers/${offers.items[0]!.id}/accept`));
    expect(await load()).toBe(2);

    // Full now: the registry's capacity filter and the matching both see it.
    const free = await readJson<{ items: { userId: string }[] }>(await coord.client.get('/api/people?hasCapacity=true&limit=200'));
    expect(free.items.map((p) => p.userId)).not.toContain(consultant.user.id);
    const c2 = await readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase({ servicesWanted: [] })), 201);
    const cand = await readJson<{ consultants: { userId: string; eligible: boolean; reasons: { criterion: string; text: string }[] }[] }>(await coord.client.get(`/api/referrals/${c2.id}/candidates?includeIneligible=true`));
    const me = cand.consultants.find((x) => x.userId === consultant.user.id)!;
    expect(me.eligible).toBe(false);
    expect(me.reasons.find((x) => x.criterion === 'capacity')!.text).toBe('空き枠なし（2/2 件）');

    // A closed record no longer counts.
    await t.db.update(client).set({ status: 'closed' }).where(eq(client.id, rec.id));
    expect(await load()).toBe(1);
  });
});
