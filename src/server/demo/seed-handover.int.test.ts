// The demo's referral and client-record stories describe the same Aちゃん, and the demo can run
// the journey: a coordinator takes in a new case, offers it to a with_backup consultant
// with a backup coordinator, the consultant accepts (the record opens), the dashboard shows it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, consultation, referralCase, user } from '../db/schema/index.js';
import { readJson, startTestApp, type TestApp, type TestClient } from '../test/harness.js';
import { A_CHAN } from './demo-achan.js';
import { DEMO_PASSWORD, demoEmail } from './demo-data.js';
import { seedDemo } from './seed-demo.js';
import { findDemoAChan } from './seed-referrals.js';
import { DEMO_CASE_CONSULTATION_TITLE } from './seed-network.js';

let t: TestApp;
let sato: TestClient;
let suzuki: TestClient;
let takahashi: TestClient;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp({ AUTH_IP_MAX_SIGNIN_PER_MINUTE: '1000' });
  await seedDemo(t.db);
  for (const u of await t.db.select({ id: user.id, email: user.email }).from(user)) ids.set(u.email, u.id);
  sato = await t.signIn(demoEmail('coord.sato'), DEMO_PASSWORD);
  suzuki = await t.signIn(demoEmail('consult.suzuki'), DEMO_PASSWORD);
  takahashi = await t.signIn(demoEmail('consult.takahashi'), DEMO_PASSWORD);
});
afterAll(async () => t?.close());

const uid = (local: string) => ids.get(demoEmail(local))!;

describe('demo: Aちゃん is one child in both features', () => {
  it('links 鈴木\'s case question to her record, visible to her team and not to another consultant', async () => {
    const [q] = await t.db.select().from(consultation).where(eq(consultation.title, DEMO_CASE_CONSULTATION_TITLE));
    const [rec] = await t.db.select({ id: client.id }).from(client).where(eq(client.name, A_CHAN.name));
    expect(q).toMatchObject({ caseRef: rec!.id, askerId: uid('consult.suzuki') });
    expect((await suzuki.get(`/api/consultations/${q!.id}`)).status).toBe(200);
    expect((await sato.get(`/api/consultations/${q!.id}`)).status).toBe(200);
    expect((await takahashi.get(`/api/consultations/${q!.id}`)).status).toBe(404);
  });

  it('links her accepted referral (鈴木, backup 佐藤) and her record both ways', async () => {
    const caseId = (await findDemoAChan(t.db))!;
    expect(caseId).toBeTruthy();
    const [row] = await t.db.select().from(referralCase).where(eq(referralCase.id, caseId));
    const [rec] = await t.db.select().from(client).where(eq(client.caseIntakeId, caseId));
    expect(rec).toMatchObject({ name: A_CHAN.name, nameKana: A_CHAN.nameKana, birthDate: row!.clientBirthDate, sex: 'female' });
    expect(row).toMatchObject({ status: 'assigned', assignedConsultantId: uid('consult.suzuki'), clientId: rec!.id, clientName: A_CHAN.name });

    const view = await readJson<{ clientId: string; backups: { status: string; coordinator: { id: string } }[] }>(await suzuki.get(`/api/referrals/${caseId}`));
    expect(view.clientId).toBe(rec!.id);
    expect(view.backups).toEqual([expect.objectContaining({ status: 'accepted', coordinator: expect.objectContaining({ id: uid('coord.sato') }) })]);
    const record = await readJson<{ caseIntakeId: string; myTeamRoles: string[]; medical: { careItems: { code: string }[] } }>(await suzuki.get(`/api/clients/${rec!.id}`));
    expect(record.caseIntakeId).toBe(caseId);
    expect(record.myTeamRoles).toEqual(['consultant']);
    expect(record.medical.careItems.map((i) => i.code)).toEqual(row!.careItems.map((i) => i.code));
    // The intake's consent, then the written one at the contract.
    const consents = await readJson<{ items: { document: string }[] }>(await suzuki.get(`/api/clients/${rec!.id}/consents`));
    expect(consents.items.some((c) => c.document.includes(caseId))).toBe(true);
    // 鈴木 is still full: Aちゃん (counted once, through her record) is one of his six.
    expect(await readJson<{ currentCaseload: number; maxCaseload: number }>(await suzuki.get(`/api/people/${uid('consult.suzuki')}`))).toMatchObject({ currentCaseload: 6, maxCaseload: 6 });
  });

  it('runs the journey on a fresh intake: with_backup 高橋 with 佐藤 behind her accepts, the record opens, the dashboard moves it', async () => {
    const c = await readJson<{ id: string }>(
      await sato.post('/api/referrals', {
        municipalityCode: '12207',
        ageYears: 4,
        careItems: [{ code: 'ventilator', monitoring: 'high' }, { code: 'suction', monitoring: 'high' }, { code: 'tube_feeding', monitoring: 'high' }, { code: 'feeding_pump', monitoring: 'high' }],
        servicesWanted: [{ serviceType: '70' }, { serviceType: '63', note: '週3回' }],
        urgency: 'soon',
        wishes: { weekendContact: true, consultantGender: 'female' },
        summary: '母が職場復帰を希望。',
        source: 'visiting_nurse',
        consent: { obtainedOn: '2026-11-20', method: 'written', givenBy: '母', shareWith: ['consultant_candidates'], items: ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes'] },
        identity: { name: 'テスト ゆい', nameKana: 'てすと ゆい', birthDate: '2022-06-01', sex: 'female' },
      }),
      201,
    );
    const cand = await readJson<{ consultants: { userId: string; eligible: boolean; acceptsMedicalCare: string; backupCoordinator: { userId: string } | null }[] }>(await sato.get(`/api/referrals/${c.id}/candidates`));
    const tk = cand.consultants.find((x) => x.userId === uid('consult.takahashi'))!;
    expect(tk).toMatchObject({ eligible: true, acceptsMedicalCare: 'with_backup', backupCoordinator: { userId: uid('coord.sato') } });
    const offers = await readJson<{ items: { id: string }[] }>(await sato.post(`/api/referrals/${c.id}/offers`, { candidates: [{ userId: tk.userId, backupCoordinatorId: uid('coord.sato') }] }), 201);
    await readJson(await takahashi.post(`/api/referrals/${c.id}/offers/${offers.items[0]!.id}/accept`));

    const view = await readJson<{ status: string; clientId: string }>(await takahashi.get(`/api/referrals/${c.id}`));
    expect(view.status).toBe('assigned');
    const rec = await readJson<{ name: string; myTeamRoles: string[] }>(await takahashi.get(`/api/clients/${view.clientId}`));
    expect(rec).toMatchObject({ name: 'テスト ゆい', myTeamRoles: ['consultant'] });
    const area = await readJson<{ unassignedCases: { caseId: string }[] }>(await sato.get('/api/referrals/dashboard/area?municipality=12207'));
    expect(area.unassignedCases.map((u) => u.caseId)).not.toContain(c.id);
  });

  it('lets 高橋 accept the seeded open case too: a new record for that child, not Aちゃん', async () => {
    const inbox = await readJson<{ items: { offer: { id: string; status: string }; case: { id: string } }[] }>(await takahashi.get('/api/referrals/inbox'));
    const open = inbox.items.find((i) => i.offer.status === 'viewed')!;
    await readJson(await takahashi.post(`/api/referrals/${open.case.id}/offers/${open.offer.id}/accept`));
    const view = await readJson<{ clientId: string; identity: { name: string } }>(await takahashi.get(`/api/referrals/${open.case.id}`));
    expect(view.identity.name).toBe('デモ 幼児H');
    const rec = await readJson<{ name: string; nameKana: string }>(await takahashi.get(`/api/clients/${view.clientId}`));
    expect(rec).toMatchObject({ name: 'デモ 幼児H', nameKana: 'でも ようじえいち' });
  });
});
