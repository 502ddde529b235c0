// The referral journey through the HTTP API, on PGlite and PostgreSQL: registry, intake with
// consent, matching, offers, first-acceptance-wins, backup, forbidden attempts, timeouts.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, outboxEmail, referralOffer } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { processReferralTimeouts } from './process-referral-timeouts.js';

let t: TestApp;
let coord: { client: TestClient; user: { id: string } };
let a: { client: TestClient; user: { id: string } };
let b: { client: TestClient; user: { id: string } };
let outsider: { client: TestClient; user: { id: string } };
let nurse: { client: TestClient; user: { id: string } };

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

const newCase = (over: Record<string, unknown> = {}) => ({
  municipalityCode: '12207',
  ageYears: 4,
  careItems: [
    { code: 'ventilator', monitoring: 'high' },
    { code: 'suction', monitoring: 'high' },
    { code: 'tube_feeding', monitoring: 'low' },
  ],
  servicesWanted: [{ serviceType: '70', note: '障害児支援利用計画' }],
  urgency: 'soon',
  wishes: { weekendContact: true, consultantGender: 'female' },
  summary: '母が職場復帰を希望。妹もうすぐ2歳。',
  source: 'hospital',
  sourceNote: '小児科病棟',
  consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: ['consultant_candidates'], items: ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes'] },
  identity: { name: 'テスト 花子', nameKana: 'てすと はなこ', birthDate: '2022-04-01', address: '松戸市根本387-5', guardianName: 'テスト 母' },
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  coord = await t.signedIn(['coordinator'], { municipalityCode: '12207' });
  a = await t.signedIn(['consultant']);
  b = await t.signedIn(['consultant']);
  outsider = await t.signedIn(['consultant']);
  nurse = await t.signedIn(['provider_staff']);
  await readJson(await a.client.put(`/api/people/${a.user.id}`, profile({ declaredGender: 'female', availableDays: ['mon', 'sat'] })));
  await readJson(await b.client.put(`/api/people/${b.user.id}`, profile({ acceptsMedicalCare: 'with_backup', careItems: ['suction'] })));
  await readJson(await outsider.client.put(`/api/people/${outsider.user.id}`, profile({ acceptsMedicalCare: 'no' })));
  await readJson(await coord.client.put(`/api/people/${coord.user.id}`, profile({ coordinatorTrainingYear: 2023, backupAvailable: true, maxBackupCases: 3 })));
});
afterAll(async () => t?.close());

/** Notification kinds a user received about one case. */
async function kinds(client: TestClient, caseId: string) {
  const res = await readJson<{ items: { kind: string; link: string | null }[] }>(await client.get('/api/notifications?limit=200'));
  return res.items.filter((n) => n.link === `/referrals/${caseId}`).map((n) => n.kind).reverse();
}

async function createCase(client: TestClient, over: Record<string, unknown> = {}) {
  return readJson<{ id: string; view: string; identity?: { name: string } }>(await client.post('/api/referrals', newCase(over)), 201);
}
async function offer(caseId: string, userIds: string[]) {
  const res = await readJson<{ items: { id: string; candidate: { id: string }; status: string }[] }>(
    await coord.client.post(`/api/referrals/${caseId}/offers`, { candidates: userIds.map((userId) => ({ userId })), message: 'ご検討ください' }),
    201,
  );
  return Object.fromEntries(res.items.map((o) => [o.candidate.id, o.id]));
}

describe('people registry', () => {
  it('lists profiles with filters, and the person or a coordinator edits them with a logged change', async () => {
    const withBackup = await readJson<{ items: { userId: string }[] }>(await coord.client.get('/api/people?accepts=with_backup'));
    expect(withBackup.items.map((p) => p.userId)).toContain(b.user.id);
    expect(withBackup.items.map((p) => p.userId)).not.toContain(a.user.id);
    const trained = await readJson<{ items: { userId: string }[] }>(await a.client.get('/api/people?trainingCompleted=true&role=coordinator'));
    expect(trained.items.map((p) => p.userId)).toEqual([coord.user.id]);
    const vent = await readJson<{ items: { userId: string }[] }>(await a.client.get('/api/people?careItem=ventilator&hasCapacity=true&municipality=12207'));
    expect(vent.items.map((p) => p.userId)).toEqual(expect.arrayContaining([a.user.id, coord.user.id]));
    expect(vent.items.map((p) => p.userId)).not.toContain(b.user.id);

    // someone else's profile: forbidden for a consultant, allowed for a coordinator
    await readProblem(await a.client.put(`/api/people/${b.user.id}`, profile()), 403);
    await readJson(await coord.client.put(`/api/people/${b.user.id}`, profile({ acceptsMedicalCare: 'with_backup', careItems: ['suction'], maxCaseload: 6 })));
    const hist = await readJson<{ items: { by: { id: string }; changed: Record<string, { before: unknown; after: unknown }> }[] }>(await b.client.get(`/api/people/${b.user.id}/history`));
    expect(hist.items[0]!.by.id).toBe(coord.user.id);
    expect(hist.items[0]!.changed.maxCaseload).toEqual({ before: 5, after: 6 });
  });

  it('rejects a typed-in caseload: the field does not exist in the contract', async () => {
    const res = await a.client.put(`/api/people/${a.user.id}`, { ...profile({ declaredGender: 'female', availableDays: ['mon', 'sat'] }), currentCaseload: 0 });
    const body = await readJson<{ currentCaseload: number }>(res);
    expect(body.currentCaseload).toBe(0); // ignored; computed from assignments
  });
});

describe('referral journey', () => {
  it('goes from intake through matching, offers, decline, acceptance, backup and completion', async () => {
    const c = await createCase(nurse.client);
    expect(c.view).toBe('full');
    expect(c.identity?.name).toBe('テスト 花子');

    // The nurse who recorded it cannot run matching on someone else's… but on their own case can.
    const cand = await readJson<{ consultants: { userId: string; eligible: boolean; reasons: { criterion: string; text: string }[]; backupCoordinator: { userId: string } | null }[] }>(
      await coord.client.get(`/api/referrals/${c.id}/candidates`),
    );
    expect(cand.consultants[0]!.userId).toBe(a.user.id);
    expect(cand.consultants[0]!.reasons.find((r) => r.criterion === 'days')!.text).toBe('土日の連絡可');
    const bRow = cand.consultants.find((x) => x.userId === b.user.id)!;
    expect(bRow.backupCoordinator?.userId).toBe(coord.user.id);
    expect(cand.consultants.map((x) => x.userId)).not.toContain(outsider.user.id); // accepts "no"

    const offers = await offer(c.id, [a.user.id, b.user.id]);
    expect(await kinds(a.client, c.id)).toEqual(['referral.offer']);

    // A opens the case: limited view, no identity, no summary (not consented); offer → viewed
    const seen = await readJson<Record<string, unknown>>(await a.client.get(`/api/referrals/${c.id}`));
    expect(seen.view).toBe('limited');
    expect(seen.identity).toBeUndefined();
    expect(seen.summary).toBeUndefined();
    expect(seen.ageYears).toBeUndefined();
    expect(seen.ageBand).toBe('3〜5歳（未就学）');
    expect((seen.myOffer as { status: string }).status).toBe('viewed');
    expect(await t.auditRows({ action: 'referral_case.view', entityId: c.id, actorUserId: a.user.id })).toHaveLength(1);

    // B declines with a reason from the list
    const declined = await readJson<{ status: string; declineReason: string }>(await b.client.post(`/api/referrals/${c.id}/offers/${offers[b.user.id]}/decline`, { reason: 'caseload_full', note: '今月は難しい' }));
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'caseload_full' });
    await readProblem(await b.client.post(`/api/referrals/${c.id}/offers/${offers[b.user.id]}/accept`), 409);

    // A accepts: assigned, caseload 1, now sees the identity
    const accepted = await readJson<{ status: string; history: { action: string; actor: { id: string } | null }[] }>(await a.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/accept`));
    expect(accepted.status).toBe('accepted');
    expect(accepted.history.map((h) => h.action)).toEqual(['create', 'send', 'view', 'accept']);
    expect(await kinds(coord.client, c.id)).toEqual(expect.arrayContaining(['referral.declined', 'referral.accepted']));
    expect(await kinds(nurse.client, c.id)).toEqual(expect.arrayContaining(['referral.accepted']));
    const full = await readJson<{ view: string; identity: { name: string }; assignedConsultant: { id: string } }>(await a.client.get(`/api/referrals/${c.id}`));
    expect(full.view).toBe('full');
    expect(full.identity.name).toBe('テスト 花子');
    expect(full.assignedConsultant.id).toBe(a.user.id);
    const me = await readJson<{ currentCaseload: number; freeCapacity: number }>(await a.client.get(`/api/people/${a.user.id}`));
    expect(me).toMatchObject({ currentCaseload: 1, freeCapacity: 4 });

    // Backup: A asks the coordinator, who accepts; recorded on the case
    const req = await readJson<{ id: string; status: string }>(await a.client.post(`/api/referrals/${c.id}/backups`, { coordinatorId: coord.user.id, note: '呼吸器の管理で相談したい' }), 201);
    await readProblem(await b.client.post(`/api/referrals/${c.id}/backups/${req.id}/respond`, { accept: true }), 403);
    const ok = await readJson<{ status: string; coordinator: { id: string } }>(await coord.client.post(`/api/referrals/${c.id}/backups/${req.id}/respond`, { accept: true }));
    expect(ok).toMatchObject({ status: 'accepted', coordinator: { id: coord.user.id } });
    const coordProfile = await readJson<{ currentBackupCases: number }>(await a.client.get(`/api/people/${coord.user.id}`));
    expect(coordProfile.currentBackupCases).toBe(1);

    const done = await readJson<{ status: string }>(await a.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/complete`, { note: '初回面談済み' }));
    expect(done.status).toBe('completed');

    const inbox = await readJson<{ items: { offer: { id: string }; case: { identity?: unknown } }[] }>(await a.client.get('/api/referrals/inbox'));
    expect(inbox.items.map((i) => i.offer.id)).toContain(offers[a.user.id]);
    expect(inbox.items.every((i) => i.case.identity === undefined)).toBe(true);

    const stats = await readJson<{ totals: { accepted: number; declined: number } }>(await coord.client.get('/api/referrals/dashboard/stats'));
    expect(stats.totals.accepted).toBeGreaterThanOrEqual(1);
    expect(stats.totals.declined).toBeGreaterThanOrEqual(1);
  });

  it('lets exactly one of two simultaneous acceptances win', async () => {
    const c = await createCase(coord.client);
    const offers = await offer(c.id, [a.user.id, b.user.id]);
    const [ra, rb] = await Promise.all([
      a.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/accept`),
      b.client.post(`/api/referrals/${c.id}/offers/${offers[b.user.id]}/accept`),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const winner = ra.status === 200 ? a : b;
    const loser = ra.status === 200 ? b : a;
    const full = await readJson<{ assignedConsultant: { id: string } }>(await coord.client.get(`/api/referrals/${c.id}`));
    expect(full.assignedConsultant.id).toBe(winner.user.id);
    const [lost] = await t.db.select().from(referralOffer).where(eq(referralOffer.id, offers[loser.user.id]!));
    expect(lost!.status).toBe('withdrawn');
    // …and exactly one client record was opened, for the winner (the loser's transaction rolled back).
    const records = await t.db.select({ id: client.id }).from(client).where(eq(client.caseIntakeId, c.id));
    expect(records).toHaveLength(1);
    expect(await t.auditRows({ action: 'client.create', details: { caseIntakeId: c.id } })).toEqual([expect.objectContaining({ actorUserId: winner.user.id, clientId: records[0]!.id })]);
  });

  it('shows candidates only what the consent allows', async () => {
    const c = await createCase(coord.client, {
      consent: { obtainedOn: '2026-05-01', method: 'verbal', givenBy: '父', shareWith: ['consultant_candidates'], items: ['age', 'care_items'] },
    });
    await offer(c.id, [b.user.id]);
    const seen = await readJson<Record<string, unknown>>(await b.client.get(`/api/referrals/${c.id}`));
    expect(Object.keys(seen).sort()).toEqual(['ageBand', 'careItems', 'careScore', 'createdAt', 'id', 'myOffer', 'status', 'view', 'waitingDays']);

    // Without consent to share with candidates, nothing can be sent.
    const none = await createCase(coord.client, { consent: { obtainedOn: '2026-05-01', method: 'written', givenBy: '母', shareWith: [], items: [] } });
    const p = await readProblem(await coord.client.post(`/api/referrals/${none.id}/offers`, { candidates: [{ userId: a.user.id }] }), 409);
    expect(p.detail).toContain('同意');
  });

  it('refuses and logs forbidden attempts', async () => {
    const c = await createCase(coord.client);
    const offers = await offer(c.id, [a.user.id]);
    // a consultant with no offer, and a provider who did not record the case
    await readProblem(await outsider.client.get(`/api/referrals/${c.id}`), 403);
    await readProblem(await nurse.client.get(`/api/referrals/${c.id}`), 403);
    // accepting on someone else's behalf
    await readProblem(await b.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/accept`), 403);
    // running someone else's referral
    await readProblem(await outsider.client.get(`/api/referrals/${c.id}/candidates`), 403);
    await readProblem(await outsider.client.post(`/api/referrals/${c.id}/offers`, { candidates: [{ userId: b.user.id }] }), 403);
    // a viewer cannot record cases
    const viewer = await t.signedIn(['viewer']);
    await readProblem(await viewer.client.post('/api/referrals', newCase()), 403);
    const denied = await t.auditRows({ action: 'access.denied', actorUserId: outsider.user.id });
    expect(denied.length).toBeGreaterThanOrEqual(3);
    // the provider's list holds only its own cases
    const list = await readJson<{ items: { id: string }[] }>(await nurse.client.get('/api/referrals'));
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    // invalid transition: withdrawing twice
    await readJson(await coord.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/withdraw`, { note: '別の方に依頼' }));
    await readProblem(await coord.client.post(`/api/referrals/${c.id}/offers/${offers[a.user.id]}/withdraw`), 409);
  });
});

describe('API document', () => {
  it('documents the people and referral endpoints in OpenAPI', async () => {
    const doc = await readJson<{ paths: Record<string, unknown> }>(await t.client().get('/api/openapi.json'));
    for (const p of ['/api/people', '/api/people/{id}', '/api/referrals', '/api/referrals/{id}/candidates', '/api/referrals/{id}/offers/{offerId}/accept', '/api/referrals/inbox', '/api/referrals/dashboard/stats', '/api/referrals/{id}/backups', '/api/notifications'])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('reminders, escalation and expiry', () => {
  it('reminds once, escalates once, then expires — in business days around Golden Week', async () => {
    const c = await createCase(coord.client);
    const offers = await offer(c.id, [b.user.id]);
    const id = offers[b.user.id]!;
    await t.db.update(referralOffer).set({ respondBy: '2026-05-01' }).where(eq(referralOffer.id, id));
    const config = { replyBusinessDays: 3, escalateAfterBusinessDays: 2, expireAfterBusinessDays: 5 };
    const at = (iso: string) => new Date(`${iso}T10:00:00+09:00`);
    const only = (r: { reminded: string[]; escalated: string[]; expired: string[] }) => ({ reminded: r.reminded.includes(id), escalated: r.escalated.includes(id), expired: r.expired.includes(id) });

    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-01') }))).toEqual({ reminded: false, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-02') }))).toEqual({ reminded: true, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-07') }))).toEqual({ reminded: false, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-11') }))).toEqual({ reminded: false, escalated: true, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-11') }))).toEqual({ reminded: false, escalated: false, expired: false });
    expect(only(await processReferralTimeouts({ db: t.db, config, now: at('2026-05-14') }))).toEqual({ reminded: false, escalated: false, expired: true });
    const o = await readJson<{ status: string; history: { action: string }[] }>(await coord.client.get(`/api/referrals/${c.id}/offers/${id}`));
    expect(o.status).toBe('expired');
    expect(o.history.map((h) => h.action)).toEqual(['create', 'send', 'remind', 'escalate', 'expire']);
    // each notice once, in-app and by e-mail (outbox)
    expect((await kinds(b.client, c.id)).sort()).toEqual(['referral.expired', 'referral.offer', 'referral.reminder']);
    expect((await kinds(coord.client, c.id)).filter((k) => k === 'referral.escalated')).toHaveLength(1);
    const mails = await t.db.select().from(outboxEmail);
    expect(mails.filter((m) => m.subject.includes('返答期限') && m.subject.includes('過ぎています')).length).toBeGreaterThanOrEqual(1);

    const area = await readJson<{ unassignedCases: { caseId: string; declinedOffers: number }[] }>(await coord.client.get('/api/referrals/dashboard/area'));
    expect(area.unassignedCases.find((x) => x.caseId === c.id)?.declinedOffers).toBe(1);
  });
});
