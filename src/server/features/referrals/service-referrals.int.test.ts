// Service requests (事業所への紹介) through the HTTP API, on PGlite and PostgreSQL: a coordinator
// sends a case to ranked directory services; the offices' provider_staff see only what the
// consent allows, accept or decline with a reason; first office to accept wins per service type;
// forbidden attempts are refused and logged; reminders reach the office; closing withdraws.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxEmail, referralServiceOffer } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { createFixtureOffice } from '../directory/directory-fixtures.js';
import { processReferralTimeouts } from './process-referral-timeouts.js';

let t: TestApp;
type Signed = { client: TestClient; user: { id: string; email: string } };
let coord: Signed;
let staffA: Signed;
let staffB: Signed;
let staffC: Signed;
let consultant: Signed;
const svc: Record<string, string> = {};
const MATSUDO = '12207';
const KASHIWA = '12217';

const newCase = (over: Record<string, unknown> = {}) => ({
  municipalityCode: MATSUDO,
  ageYears: 4,
  careItems: [
    { code: 'ventilator', monitoring: 'high' },
    { code: 'suction', monitoring: 'high' },
  ],
  servicesWanted: [{ serviceType: '63', note: '週3回' }],
  urgency: 'soon',
  wishes: { weekendContact: false },
  summary: '母が職場復帰を希望。',
  source: 'hospital',
  consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: ['consultant_candidates', 'service_providers'], items: ['age', 'municipality', 'care_items', 'services_wanted'] },
  identity: { name: 'テスト つむぎ', nameKana: 'てすと つむぎ', birthDate: '2022-04-01', address: '松戸市根本387-5', guardianName: 'テスト 母' },
  ...over,
});

interface ServiceOffer {
  id: string;
  status: string;
  office: { id: string; name: string };
  serviceTypeLabel: string;
  matchScore: number | null;
  respondedBy: { id: string } | null;
  declineReason: string | null;
  history: { action: string; actor: { id: string } | null }[];
}

async function createCase(over: Record<string, unknown> = {}) {
  return readJson<{ id: string }>(await coord.client.post('/api/referrals', newCase(over)), 201);
}
async function send(caseId: string, serviceIds: string[]) {
  const res = await readJson<{ items: ServiceOffer[] }>(await coord.client.post(`/api/referrals/${caseId}/service-offers`, { services: serviceIds.map((serviceId) => ({ serviceId })), message: 'ご検討ください' }), 201);
  return res.items;
}
async function kinds(client: TestClient, caseId: string) {
  const res = await readJson<{ items: { kind: string; link: string | null }[] }>(await client.get('/api/notifications?limit=200'));
  return res.items.filter((n) => n.link === `/referrals/${caseId}`).map((n) => n.kind);
}

beforeAll(async () => {
  t = await startTestApp();
  coord = await t.signedIn(['coordinator'], { municipalityCode: MATSUDO });
  consultant = await t.signedIn(['consultant']);
  const admin = await t.createUser({ roles: ['admin'] });
  const caps = [
    { careItem: 'ventilator' as const, level: 'yes' as const },
    { careItem: 'suction' as const, level: 'yes' as const },
  ];
  const a = await createFixtureOffice(t.db, admin.id, { name: 'テスト児発つばさ', nameKana: 'てすとじはつつばさ', sector: 'welfare', municipalityCode: MATSUDO, services: [{ serviceType: '63', capabilities: caps, vacancyCount: 1 }] });
  const b = await createFixtureOffice(t.db, admin.id, { name: 'テスト児発みどり', nameKana: 'てすとじはつみどり', sector: 'welfare', municipalityCode: KASHIWA, services: [{ serviceType: '63', capabilities: caps }] });
  const c = await createFixtureOffice(t.db, admin.id, { name: 'テスト訪看ひかり', nameKana: 'てすとほうかんひかり', sector: 'medical', municipalityCode: MATSUDO, services: [{ serviceType: 'home_nursing', capabilities: caps }] });
  const d = await createFixtureOffice(t.db, admin.id, { name: 'テスト児発だれもいない', nameKana: 'てすとじはつだれもいない', sector: 'welfare', municipalityCode: MATSUDO, services: [{ serviceType: '63', capabilities: caps }] });
  svc.a = a.services[0]!.id;
  svc.b = b.services[0]!.id;
  svc.c = c.services[0]!.id;
  svc.d = d.services[0]!.id;
  staffA = await t.signedIn(['provider_staff'], { officeIds: [a.id] });
  staffB = await t.signedIn(['provider_staff'], { officeIds: [b.id] });
  staffC = await t.signedIn(['provider_staff'], { officeIds: [c.id] });
});
afterAll(async () => t?.close());

describe('service requests (事業所への紹介)', () => {
  it('sends to ranked services; the office sees only the consented items, accepts, and the sender is told', async () => {
    const c = await createCase();
    const cands = await readJson<{ services: { services: { serviceId: string; existingRequest: unknown }[] }[] }>(await coord.client.get(`/api/referrals/${c.id}/candidates`));
    expect(cands.services[0]!.services.map((s) => s.serviceId)).toEqual(expect.arrayContaining([svc.a, svc.b]));

    const [toA] = await send(c.id, [svc.a!]);
    expect(toA).toMatchObject({ status: 'sent', office: { name: 'テスト児発つばさ' }, serviceTypeLabel: '児童発達支援' });
    expect(toA!.matchScore).toBeGreaterThan(0);
    expect(await kinds(staffA.client, c.id)).toEqual(['referral.service_offer']);
    const mails = await t.db.select().from(outboxEmail).where(eq(outboxEmail.to, staffA.user.email));
    expect(mails.map((m) => m.subject)).toContain('【つなぐ】事業所への紹介が届きました（児童発達支援）');
    expect(mails.every((m) => !m.text.includes('テスト つむぎ'))).toBe(true);
    const area = await readJson<{ openServiceRequests: { offerId: string; office: { name: string }; serviceTypeLabel: string; overdue: boolean }[] }>(await coord.client.get('/api/referrals/dashboard/area'));
    expect(area.openServiceRequests.find((r) => r.offerId === toA!.id)).toMatchObject({ office: { name: 'テスト児発つばさ' }, serviceTypeLabel: '児童発達支援', overdue: false });
    const again = await readJson<{ services: { services: { serviceId: string; existingRequest: { status: string } | null }[] }[] }>(await coord.client.get(`/api/referrals/${c.id}/candidates`));
    expect(again.services[0]!.services.find((s) => s.serviceId === svc.a)?.existingRequest?.status).toBe('sent');

    // the office: consent-limited view, no identity, no summary, age band only; first read → viewed
    const inbox = await readJson<{ items: { offer: { id: string }; case: Record<string, unknown> }[] }>(await staffA.client.get('/api/referrals/service-inbox'));
    expect(inbox.items.map((i) => i.offer.id)).toEqual([toA!.id]);
    const seen = await readJson<Record<string, unknown>>(await staffA.client.get(`/api/referrals/${c.id}`));
    expect(Object.keys(seen).sort()).toEqual(['ageBand', 'careItems', 'careScore', 'createdAt', 'id', 'municipalityCode', 'municipalityName', 'myServiceOffers', 'servicesWanted', 'status', 'view', 'waitingDays']);
    expect(seen.myServiceOffers).toEqual([expect.objectContaining({ id: toA!.id, status: 'viewed', officeName: 'テスト児発つばさ' })]);
    expect(await t.auditRows({ action: 'referral_case.view', actorUserId: staffA.user.id, entityId: c.id })).toEqual([expect.objectContaining({ details: expect.objectContaining({ view: 'limited', identity: false }) })]);

    const accepted = await readJson<ServiceOffer>(await staffA.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/accept`));
    expect(accepted).toMatchObject({ status: 'accepted', respondedBy: { id: staffA.user.id } });
    expect(accepted.history.map((h) => h.action)).toEqual(['create', 'send', 'view', 'accept']);
    expect(await kinds(coord.client, c.id)).toContain('referral.service_accepted');
    // still limited after accepting: the family's contact comes through the consultant
    const after = await readJson<Record<string, unknown>>(await staffA.client.get(`/api/referrals/${c.id}`));
    expect(after.view).toBe('limited');
    expect(after.identity).toBeUndefined();
    // the case itself stays open for a consultant
    const full = await readJson<{ status: string }>(await coord.client.get(`/api/referrals/${c.id}`));
    expect(full.status).toBe('open');

    const done = await readJson<ServiceOffer>(await staffA.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/complete`, { note: '4月から週3回' }));
    expect(done.status).toBe('completed');
    await readProblem(await staffA.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/complete`), 409);
    const listed = await readJson<{ items: ServiceOffer[] }>(await coord.client.get(`/api/referrals/${c.id}/service-offers`));
    expect(listed.items.map((o) => o.status)).toEqual(['completed']);
  });

  it('lets exactly one of two offices of the same service type win when both accept at once', async () => {
    const c = await createCase();
    const offers = await send(c.id, [svc.a!, svc.b!]);
    const byOffice = (s: Signed) => offers.find((o) => (s === staffA ? o.office.name === 'テスト児発つばさ' : o.office.name === 'テスト児発みどり'))!;
    const [ra, rb] = await Promise.all([
      staffA.client.post(`/api/referrals/${c.id}/service-offers/${byOffice(staffA).id}/accept`),
      staffB.client.post(`/api/referrals/${c.id}/service-offers/${byOffice(staffB).id}/accept`),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const rows = await t.db.select().from(referralServiceOffer).where(eq(referralServiceOffer.caseId, c.id));
    expect(rows.map((r) => r.status).sort()).toEqual(['accepted', 'withdrawn']);
    const loser = ra.status === 200 ? staffB : staffA;
    expect(await kinds(loser.client, c.id)).toContain('referral.withdrawn');
  });

  it('declines with a reason from the list; その他 needs a note; answered requests cannot change', async () => {
    const c = await createCase();
    const [toB] = await send(c.id, [svc.b!]);
    const p = await readProblem(await staffB.client.post(`/api/referrals/${c.id}/service-offers/${toB!.id}/decline`, { reason: 'other' }), 400);
    expect(p.errors?.map((e) => e.field)).toContain('note');
    const bad = await readProblem(await staffB.client.post(`/api/referrals/${c.id}/service-offers/${toB!.id}/decline`, { reason: 'caseload_full' }), 400);
    expect(bad.errors?.map((e) => e.field)).toContain('reason');
    const declined = await readJson<ServiceOffer>(await staffB.client.post(`/api/referrals/${c.id}/service-offers/${toB!.id}/decline`, { reason: 'no_vacancy', note: '来年度なら可' }));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'no_vacancy' });
    expect(await kinds(coord.client, c.id)).toContain('referral.service_declined');
    await readProblem(await staffB.client.post(`/api/referrals/${c.id}/service-offers/${toB!.id}/accept`), 409);
    // a declined office may be asked again later
    const [again] = await send(c.id, [svc.b!]);
    expect(again!.status).toBe('sent');
  });

  it('refuses requests without consent, of services not wanted, to offices nobody can answer for — writing nothing', async () => {
    const noConsent = await createCase({ consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: ['consultant_candidates'], items: ['age'] } });
    const p = await readProblem(await coord.client.post(`/api/referrals/${noConsent.id}/service-offers`, { services: [{ serviceId: svc.a }] }), 409);
    expect(p.detail).toContain('同意（事業所への情報共有）');
    const c = await createCase();
    const notWanted = await readProblem(await coord.client.post(`/api/referrals/${c.id}/service-offers`, { services: [{ serviceId: svc.c }] }), 400);
    expect(notWanted.errors?.[0]).toMatchObject({ field: 'services.0.serviceId' });
    expect(notWanted.detail).toContain('訪問看護');
    await readProblem(await coord.client.post(`/api/referrals/${c.id}/service-offers`, { services: [{ serviceId: 'no-such-service' }] }), 400);
    const nobody = await readProblem(await coord.client.post(`/api/referrals/${c.id}/service-offers`, { services: [{ serviceId: svc.a }, { serviceId: svc.d }] }), 409);
    expect(nobody.detail).toContain('テスト児発だれもいない');
    await readProblem(await coord.client.post(`/api/referrals/${c.id}/service-offers`, { services: [] }), 400);
    const rows = await t.db.select().from(referralServiceOffer).where(eq(referralServiceOffer.caseId, c.id));
    expect(rows).toHaveLength(0);
  });

  it('refuses and logs forbidden attempts', async () => {
    const c = await createCase();
    const [toA] = await send(c.id, [svc.a!]);
    // another office's staff: no view, no answer, no list
    await readProblem(await staffC.client.get(`/api/referrals/${c.id}`), 403);
    await readProblem(await staffC.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/accept`), 403);
    await readProblem(await staffC.client.get(`/api/referrals/${c.id}/service-offers`), 403);
    // a consultant cannot answer for an office; an office cannot send or withdraw
    await readProblem(await consultant.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/accept`), 403);
    await readProblem(await staffA.client.post(`/api/referrals/${c.id}/service-offers`, { services: [{ serviceId: svc.b }] }), 403);
    await readProblem(await staffA.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/withdraw`), 403);
    expect((await t.auditRows({ action: 'access.denied', actorUserId: staffC.user.id })).length).toBeGreaterThanOrEqual(3);
    // the office does not see the consultant offers of the case
    await readProblem(await staffA.client.get(`/api/referrals/${c.id}/offers`), 403);
    // closing the case withdraws the request, and the office is told
    await readJson(await coord.client.post(`/api/referrals/${c.id}/close`, { reason: '家族が転居' }));
    const [row] = await t.db.select().from(referralServiceOffer).where(eq(referralServiceOffer.id, toA!.id));
    expect(row!.status).toBe('withdrawn');
    expect(await kinds(staffA.client, c.id)).toContain('referral.withdrawn');
    await readProblem(await staffA.client.post(`/api/referrals/${c.id}/service-offers/${toA!.id}/accept`), 409);
  });

  it('reminds the office, escalates to the coordinators, then expires — in business days', async () => {
    const c = await createCase();
    const [toC] = await send(c.id, [svc.a!]);
    const id = toC!.id;
    await t.db.update(referralServiceOffer).set({ respondBy: '2026-05-01' }).where(eq(referralServiceOffer.id, id));
    const config = { replyBusinessDays: 3, escalateAfterBusinessDays: 2, expireAfterBusinessDays: 5 };
    const at = (iso: string) => new Date(`${iso}T10:00:00+09:00`);
    const only = (r: { reminded: string[]; escalated: string[]; expired: string[] }) => ({ reminded: r.reminded.includes(id), escalated: r.escalated.includes(id), expired: r.expired.includes(id) });
    // 5/2–5/6 are a weekend and Golden Week holidays
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-02') }))).toEqual({ reminded: true, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-08') }))).toEqual({ reminded: false, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-11') }))).toEqual({ reminded: false, escalated: true, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-14') }))).toEqual({ reminded: false, escalated: false, expired: true });
    const o = await readJson<ServiceOffer>(await coord.client.get(`/api/referrals/${c.id}/service-offers/${id}`));
    expect(o.status).toBe('expired');
    expect(o.history.map((h) => h.action)).toEqual(['create', 'send', 'remind', 'escalate', 'expire']);
    expect(await kinds(staffA.client, c.id)).toEqual(expect.arrayContaining(['referral.reminder', 'referral.expired']));
    expect(await kinds(coord.client, c.id)).toContain('referral.escalated');
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = await readJson<{ paths: Record<string, unknown> }>(await t.client().get('/api/openapi.json'));
    for (const p of ['/api/referrals/service-inbox', '/api/referrals/{id}/service-offers', '/api/referrals/{id}/service-offers/{offerId}/accept', '/api/referrals/{id}/service-offers/{offerId}/decline'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});
