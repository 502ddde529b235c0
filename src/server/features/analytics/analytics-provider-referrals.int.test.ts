// Requests to service offices (referral_service_offer) in the analytics: the demand.needs columns
// 事業所へ紹介 / 受け入れ先決定 / 受け入れ先待ち and the referrals.providers figure, counted from
// hand-made cases and offers, on PGlite and PostgreSQL; suppression for another city's official.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../../shared/contracts/analytics.js';
import { seedMunicipalities } from '../../demo/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { createFixtureOffice } from '../directory/directory-fixtures.js';
import { resolveQuery } from './area.js';
import { loadReferralNeeds, loadReferrals } from './analytics-facts.js';
import { buildSection, figureCsv } from './analytics-views.js';
import type { Facts } from './build-figures.js';
import { additiveValues } from './trend-metrics.js';

let d: TestDatabase;
const MATSUDO = '12207';
const NODA = '12208';
const USER = 'prov-an-test';
const svc: Record<string, string> = {};
const office: Record<string, string> = {};
const Q = { area: 'region', from: '2026-10-01', to: '2026-10-31', asOf: '2026-10-31' };
/** A Tokyo wall-clock time. */
const jst = (s: string) => `${s}:00+09`;

async function addCase(id: string, m: string, createdAt: string, wanted: string[], more: { assignedAt?: string; closedAt?: string } = {}) {
  await d.db.execute(sql`insert into referral_case (id, status, created_by, created_at, municipality_code, age_years, services_wanted, urgency, wishes, source, consent_obtained_on, consent_method, consent_given_by, client_name, assigned_consultant_id, assigned_at, closed_at)
    values (${id}, ${more.closedAt ? 'closed' : more.assignedAt ? 'assigned' : 'open'}, ${USER}, ${jst(createdAt)}::timestamptz, ${m}, 6, ${JSON.stringify(wanted.map((serviceType) => ({ serviceType })))}::jsonb, 'normal',
      '{"weekendContact":false,"consultantGender":null,"preferredDays":[],"note":""}'::jsonb, 'family', '2026-09-01', 'written', '母', '分析 太郎',
      ${more.assignedAt ? USER : null}, ${more.assignedAt ? jst(more.assignedAt) : null}::timestamptz, ${more.closedAt ? jst(more.closedAt) : null}::timestamptz)`);
}

async function addOffer(id: string, caseId: string, service: string, type: string, status: string, sentAt: string, respondedAt: string | null, declineReason: string | null = null) {
  await d.db.execute(sql`insert into referral_service_offer (id, case_id, service_id, office_id, service_type, sender_id, status, sent_at, responded_at, decline_reason)
    values (${id}, ${caseId}, ${svc[service]!}, ${office[service]!}, ${type}, ${USER}, ${status}, ${jst(sentAt)}::timestamptz, ${respondedAt ? jst(respondedAt) : null}::timestamptz, ${declineReason})`);
}

beforeAll(async () => {
  d = await createTestDatabase();
  await seedMunicipalities(d.db);
  await d.db.execute(sql`insert into "user" (id, name, email, role) values (${USER}, '分析テスト', 'prov-an-test@example.invalid', 'admin')`);
  for (const [key, type, m] of [['24a', '24', MATSUDO], ['24b', '24', MATSUDO], ['65', '65', MATSUDO], ['63', '63', MATSUDO], ['24n', '24', NODA]] as const) {
    const o = await createFixtureOffice(d.db, USER, { name: `受け入れ ${key}`, nameKana: 'うけいれ', sector: 'welfare', municipalityCode: m, services: [{ serviceType: type, capacity: 5, capabilities: [] }] });
    office[key] = o.id;
    svc[key] = o.services[0]!.id;
  }
  // A (松戸, assigned a consultant): short stay — the first office declined, the second accepted;
  // 放デイ — the only office let the request expire.
  await addCase('A', MATSUDO, '2026-10-02 10:00', ['24', '65'], { assignedAt: '2026-10-09 10:00' });
  await addOffer('A-24a', 'A', '24a', '24', 'declined', '2026-10-03 09:00', '2026-10-05 09:00', 'no_vacancy');
  await addOffer('A-24b', 'A', '24b', '24', 'accepted', '2026-10-06 09:00', '2026-10-07 21:00');
  await addOffer('A-65', 'A', '65', '65', 'expired', '2026-10-03 09:00', '2026-10-20 00:00');
  // B (松戸): short stay sent, no answer yet.
  await addCase('B', MATSUDO, '2026-10-10 10:00', ['24']);
  await addOffer('B-24a', 'B', '24a', '24', 'sent', '2026-10-11 09:00', null);
  // C (松戸): wants 医療型児発 (merged into 児発); a 児発 office accepted and the use began.
  await addCase('C', MATSUDO, '2026-10-12 10:00', ['64']);
  await addOffer('C-63', 'C', '63', '63', 'completed', '2026-10-13 09:00', '2026-10-15 09:00');
  // D (松戸): opened before the period, still open, never sent to an office.
  await addCase('D', MATSUDO, '2026-09-01 10:00', ['24']);
  // F (松戸): closed before the base date — counted nowhere as waiting.
  await addCase('F', MATSUDO, '2026-09-02 10:00', ['24'], { closedAt: '2026-09-30 10:00' });
  // E (野田): accepted, but only after the base date.
  await addCase('E', NODA, '2026-10-05 10:00', ['24']);
  await addOffer('E-24n', 'E', '24n', '24', 'accepted', '2026-10-06 09:00', '2026-11-05 09:00');
  // G (野田): 放デイ wished twice in one case; the request was withdrawn (counts only as sent).
  await addCase('G', NODA, '2026-10-20 10:00', ['65', '65']);
  await addOffer('G-65', 'G', '65', '65', 'withdrawn', '2026-10-21 09:00', '2026-10-22 09:00');
}, 120_000);
afterAll(async () => d?.drop());

const row = (f: Figure, m: string | null, t: string) => f.rows.find((r) => r.municipalityCode === m && r.serviceTypeCode === t);

describe('demand.needs from requests to service offices', () => {
  it('counts requests sent, offices found and cases still waiting per city × service type', async () => {
    const r = await resolveQuery(d.db, Q);
    const needs = await loadReferralNeeds(d.db, r);
    const cell = (m: string, t: string) => needs.find((x) => x.m === m && x.t === t);
    // 短期入所 in 松戸: A and B requested in the period; consultant still missing for B and D;
    // sent for A (two offices = one request) and B; found for A (second office); waiting B and D.
    expect(cell(MATSUDO, '24')).toEqual({ m: MATSUDO, t: '24', requested: 2, waiting: 2, providerSent: 2, providerFound: 1, providerWaiting: 2 });
    // 放デイ: the only request expired — still waiting for an office although a consultant is assigned.
    expect(cell(MATSUDO, '65')).toEqual({ m: MATSUDO, t: '65', requested: 1, waiting: 0, providerSent: 1, providerFound: 0, providerWaiting: 1 });
    // 医療型児発 wished, a 児発 office accepted: found; the request itself is counted under 児発.
    expect(cell(MATSUDO, '64')).toEqual({ m: MATSUDO, t: '64', requested: 1, waiting: 1, providerSent: 0, providerFound: 1, providerWaiting: 0 });
    expect(cell(MATSUDO, '63')).toEqual({ m: MATSUDO, t: '63', requested: 0, waiting: 0, providerSent: 1, providerFound: 0, providerWaiting: 0 });
    // 野田: accepted only after the base date → not found yet.
    expect(cell(NODA, '24')).toEqual({ m: NODA, t: '24', requested: 1, waiting: 1, providerSent: 1, providerFound: 0, providerWaiting: 1 });
    // One case wishing 放デイ twice counts once; a withdrawn request leaves it waiting.
    expect(cell(NODA, '65')).toEqual({ m: NODA, t: '65', requested: 1, waiting: 1, providerSent: 1, providerFound: 0, providerWaiting: 1 });
    // A base date after the acceptance: found, no longer waiting.
    const later = await loadReferralNeeds(d.db, await resolveQuery(d.db, { ...Q, asOf: '2026-11-10' }));
    expect(later.find((x) => x.m === NODA && x.t === '24')).toMatchObject({ providerFound: 1, providerWaiting: 0 });
    // Before anything was sent (base date 2026-10-02): A and D wait, nothing found.
    const early = await loadReferralNeeds(d.db, await resolveQuery(d.db, { ...Q, asOf: '2026-10-02' }));
    expect(early.find((x) => x.m === MATSUDO && x.t === '24')).toMatchObject({ providerFound: 0, providerWaiting: 2 });

    // The figure: the new columns beside the old ones, region totals per type.
    const facts: Facts = { referralNeeds: needs, planNeeds: [], clients: [] };
    const own = buildSection('demand', facts, r, { detailMunicipality: MATSUDO, threshold: 5 }).figures.find((f) => f.id === 'demand.needs')!;
    expect(own.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['事業所へ紹介（期間内）', '受け入れ先決定', '受け入れ先待ち（基準日）', '担当者待ちの紹介（基準日）']));
    expect(row(own, MATSUDO, '24')).toMatchObject({ requested: 2, waiting: 2, providerSent: 2, providerFound: 1, providerWaiting: 2 });
    expect(row(own, null, '24')).toMatchObject({ providerSent: '<5', providerWaiting: '<5' });
    expect(own.definition.counts).toContain('受け入れ先待ち');
    // Snapshot metric: cases waiting for an office, per city.
    const v = additiveValues(facts, r);
    expect(v.get(MATSUDO)!.get('needs_provider_waiting')).toBe(3);
    expect(v.get(NODA)!.get('needs_provider_waiting')).toBe(2);
  });

  it('sums per prefecture for a national area (byUnit)', async () => {
    const r = await resolveQuery(d.db, Q);
    const perCity = await loadReferralNeeds(d.db, r);
    const byPref = await loadReferralNeeds(d.db, { ...r, unit: 'prefecture', units: [{ code: '12', name: '千葉県' }] });
    const t24 = byPref.find((x) => x.t === '24')!;
    expect(t24.m).toBe('12');
    const cities = perCity.filter((x) => x.t === '24');
    for (const k of ['requested', 'waiting', 'providerSent', 'providerFound', 'providerWaiting'] as const) expect(t24[k]).toBe(cities.reduce((s, x) => s + x[k], 0));
  });
});

describe('referrals.providers', () => {
  it('counts answers by service type with the median days and the decline reasons', async () => {
    const r = await resolveQuery(d.db, Q);
    const rf = await loadReferrals(d.db, r);
    const p = (m: string | null, t: string) => rf.providers.find((x) => x.m === m && x.t === t);
    expect(p(MATSUDO, '24')).toMatchObject({ sent: 3, accepted: 1, declined: 1, expired: 0, responded: 2, medianDays: 1.75 });
    expect(p(MATSUDO, '24')!.reasons).toMatchObject({ no_vacancy: 1, care_not_supported: 0, other: 0 });
    expect(p(MATSUDO, '65')).toMatchObject({ sent: 1, accepted: 0, declined: 0, expired: 1, responded: 0, medianDays: null });
    expect(p(MATSUDO, '63')).toMatchObject({ sent: 1, accepted: 1, medianDays: 2 });
    // 野田's acceptance came after the base date: sent, not (yet) accepted.
    expect(p(NODA, '24')).toMatchObject({ sent: 1, accepted: 0, declined: 0, expired: 0 });
    expect(p(NODA, '65')).toMatchObject({ sent: 1, accepted: 0, declined: 0, expired: 0, responded: 0, medianDays: null });
    expect(p(null, '24')).toMatchObject({ sent: 4, accepted: 1, declined: 1, responded: 2, medianDays: 1.75 });

    const facts: Facts = { referrals: rf };
    const mine = buildSection('referrals', facts, r, { detailMunicipality: MATSUDO, threshold: 5 }).figures.find((f) => f.id === 'referrals.providers')!;
    expect(row(mine, MATSUDO, '24')).toMatchObject({ municipality: '松戸市', serviceType: '短期入所', sent: 3, accepted: 1, declined: 1, expired: 0, acceptedShare: 0.333, medianDays: 1.8, reason_no_vacancy: 1 });
    // Another city's official: 松戸's small cells read "<5", its median is hidden, 野田 is exact.
    const noda = buildSection('referrals', facts, r, { detailMunicipality: NODA, threshold: 5 }).figures.find((f) => f.id === 'referrals.providers')!;
    expect(noda.hasSuppressed).toBe(true);
    expect(row(noda, MATSUDO, '24')).toMatchObject({ sent: '<5', accepted: '<5', declined: '<5', expired: 0, acceptedShare: null, medianDays: null, reason_no_vacancy: '<5' });
    expect(row(noda, NODA, '24')).toMatchObject({ sent: 1, accepted: 0 });
    expect(row(noda, null, '24')).toMatchObject({ sent: '<5', medianDays: null });
    // The CSV carries exactly the suppressed cells, under the definition lines.
    const csv = figureCsv(noda, r.area.label);
    expect(csv).toContain('# 事業所への紹介と事業所の回答（サービス種類別）');
    expect(csv).toContain('辞退: 定員に空きがない');
    const matsudoLine = csv.split('\r\n').find((l) => l.startsWith('松戸市,12207,短期入所'))!;
    expect(matsudoLine.split(',').slice(4, 7)).toEqual(['<5', '<5', '<5']);

    // Snapshot metrics.
    const v = additiveValues(facts, r);
    expect(v.get(MATSUDO)!.get('provider_requests_sent')).toBe(5);
    expect(v.get(MATSUDO)!.get('provider_requests_accepted')).toBe(2);
  });

  it('groups per prefecture for a national area', async () => {
    const r = await resolveQuery(d.db, Q);
    const rf = await loadReferrals(d.db, { ...r, unit: 'prefecture', units: [{ code: '12', name: '千葉県' }] });
    expect(rf.providers.find((x) => x.m === '12' && x.t === '24')).toMatchObject({ sent: 4, accepted: 1, declined: 1, medianDays: 1.75 });
    expect(rf.providers.find((x) => x.m === null && x.t === '24')).toMatchObject({ sent: 4 });
  });
});
