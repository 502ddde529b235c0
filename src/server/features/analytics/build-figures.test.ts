import { describe, expect, it } from 'vitest';
import type { ResolvedQuery } from './area.js';
import { PREFECTURE_NOTE, buildDemand, buildGaps, buildPeople, buildReferrals, buildSupply, eligibleStages, gapLevel, gapText, type Facts } from './build-figures.js';
import { additiveValues } from './trend-metrics.js';

const r: ResolvedQuery = {
  area: { area: 'region', label: '東葛地域', municipalities: [{ code: '12207', name: '松戸市' }, { code: '12208', name: '野田市' }] },
  codes: ['12207', '12208'],
  unit: 'municipality',
  units: [{ code: '12207', name: '松戸市' }, { code: '12208', name: '野田市' }],
  asOf: '2026-11-25',
  from: '2025-11-26',
  to: '2026-11-25',
  waitingDays: 30,
};
const council = { detailMunicipality: null, threshold: 5 };

const facts: Facts = {
  clients: [
    { m: '12208', stage: 'elementary', item: null, n: 7 },
    { m: '12208', stage: 'elementary', item: 'ventilator', n: 7 },
    { m: '12207', stage: 'adult', item: null, n: 2 },
    { m: '12207', stage: 'adult', item: 'ventilator', n: 2 },
  ],
  supply: { services: [], care: [{ m: '12207', t: '24', item: 'ventilator', yes: 1, conditional: 1 }] },
};

describe('gap matrix', () => {
  it('matches demand of the service type’s age group against services handling the care item', () => {
    const f = buildGaps(facts, { r, viewer: council })[0]!;
    const nodaShortStay = f.rows.find((x) => x.municipalityCode === '12208' && x.serviceTypeCode === '24')!;
    expect(nodaShortStay).toMatchObject({ clients: 7, services: 0, ratio: null, level: 'none', discussFirst: true });
    expect(gapText(nodaShortStay)).toBe('野田市で人工呼吸器の管理に対応する短期入所: 0か所、7人');
    // 放デイ serves school-age children: the adults of 松戸 are not its demand.
    expect(f.rows.some((x) => x.municipalityCode === '12207' && x.serviceTypeCode === '65')).toBe(false);
    const matsudo = f.rows.find((x) => x.municipalityCode === '12207' && x.serviceTypeCode === '24')!;
    expect(matsudo).toMatchObject({ clients: '<5', services: 2, ratio: null });
    expect(f.highlight[0]).toBe(0);
  });
  it('colours by ratio and handles an empty region', () => {
    expect(gapLevel(7, 0)).toBe('none');
    expect(gapLevel(20, 2)).toBe('high');
    expect(gapLevel(6, 2)).toBe('medium');
    expect(gapLevel(2, 2)).toBe('low');
    expect(eligibleStages('63')).toEqual(['infant', 'preschool']);
    expect(eligibleStages('22')).toEqual(['adult']);
    const empty = buildGaps({}, { r, viewer: council })[0]!;
    expect(empty.rows).toEqual([]);
  });
});

describe('people', () => {
  it('computes caseload concentration and coordinators per 100 clients', () => {
    const figs = buildPeople({ ...facts, people: { acceptance: [{ m: '12208', a: 'with_backup', n: 3, coordinators: 1 }, { m: '12208', a: 'yes', n: 1, coordinators: 0 }], caseloads: [10, 0, 0, 0, 0] } }, { r, viewer: council });
    const caseload = figs.find((f) => f.id === 'people.caseload')!;
    expect(caseload.stats).toMatchObject({ consultants: 5, cases: 10, top20Share: 1, gini: 0.8, median: 0 });
    const acc = figs.find((f) => f.id === 'people.acceptance')!.rows.find((x) => x.municipalityCode === '12208')!;
    expect(acc).toMatchObject({ yes: 1, with_backup: 3, no: 0, total: 4, withBackupShare: 0.75 });
    const coord = figs.find((f) => f.id === 'people.coordinators')!.rows.find((x) => x.municipalityCode === '12208')!;
    expect(coord).toMatchObject({ coordinators: 1, clients: 7, per100: 14.29 });
  });
});

describe('snapshot values', () => {
  it('are the exact per-city counts of the figures', () => {
    const v = additiveValues(facts, r);
    expect(v.get('12208')!.get('clients_ventilator')).toBe(7);
    expect(v.get('12207')!.get('clients')).toBe(2);
    expect(v.get('12207')!.get('services_ventilator_yes')).toBe(2);
    expect(v.get('12208')!.get('gap_cells_zero_supply')).toBeGreaterThan(0);
  });
});

describe('national area', () => {
  it('names prefecture rows and says so in every definition', () => {
    const national: ResolvedQuery = { ...r, area: { area: 'all', label: '全域', municipalities: r.area.municipalities }, unit: 'prefecture', units: [{ code: '12', name: '千葉県' }] };
    const [services] = buildSupply({ supply: { services: [{ m: '12', t: '24', services: 3, capacity: 12, vacancyServices: 1, vacancy: 2 }], care: [] } }, { r: national, viewer: council });
    expect(services!.rows).toEqual([expect.objectContaining({ municipality: '千葉県', municipalityCode: '12', services: 3 })]);
    expect(services!.definition.notes).toContain(PREFECTURE_NOTE);
    const [regional] = buildSupply({ supply: { services: [], care: [] } }, { r, viewer: council });
    expect(regional!.definition.notes).not.toContain(PREFECTURE_NOTE);
  });
});


describe('requests to service offices', () => {
  const needs: Facts = {
    referralNeeds: [
      { m: '12207', t: '24', requested: 6, waiting: 2, providerSent: 6, providerFound: 5, providerWaiting: 1 },
      { m: '12208', t: '24', requested: 2, waiting: 0, providerSent: 2, providerFound: 0, providerWaiting: 2 },
    ],
  };
  it('adds 事業所へ紹介 / 受け入れ先決定 / 受け入れ先待ち to demand.needs with region totals', () => {
    const f = buildDemand(needs, { r, viewer: council }).find((x) => x.id === 'demand.needs')!;
    expect(f.columns.map((c) => c.key)).toEqual(['municipality', 'municipalityCode', 'serviceType', 'serviceTypeCode', 'planned', 'unmet', 'requested', 'waiting', 'providerSent', 'providerFound', 'providerWaiting']);
    expect(f.rows.find((x) => x.municipalityCode === '12207')).toMatchObject({ planned: 0, requested: 6, waiting: '<5', providerSent: 6, providerFound: 5, providerWaiting: '<5' });
    // 野田's 2 hidden: the total would give it back (8 − 6) → withheld; a total of hidden parts only stays a marker.
    expect(f.rows.find((x) => x.municipalityCode === null)).toMatchObject({ requested: null, providerSent: null, providerFound: 5, providerWaiting: '<5' });
  });
  it('referrals.providers: small cells of another city read "<5", medians of small groups hidden', () => {
    const provider = (m: string | null, sent: number, responded: number) => ({ m, t: '24', sent, accepted: responded - 1, declined: 1, expired: sent - responded, responded, medianDays: 2.25, reasons: { no_vacancy: 1 } });
    const facts: Facts = { referrals: { funnel: [], declines: [], waiting: [], providers: [provider('12207', 8, 6), provider('12208', 3, 2), provider(null, 11, 8)] } };
    const nodaOfficial = { detailMunicipality: '12208', threshold: 5 };
    const f = buildReferrals(facts, { r, viewer: nodaOfficial }).find((x) => x.id === 'referrals.providers')!;
    expect(f.rows.map((x) => x.municipalityCode)).toEqual(['12207', '12208', null]);
    expect(f.rows[0]).toMatchObject({ sent: 8, accepted: 5, declined: '<5', expired: '<5', acceptedShare: 0.625, medianDays: 2.3, reason_no_vacancy: '<5', reason_other: 0 });
    expect(f.rows[1]).toMatchObject({ sent: 3, accepted: 1, declined: 1, medianDays: 2.3 });
    expect(f.rows[2]).toMatchObject({ sent: 11, accepted: 7, medianDays: 2.3 });
    expect(f.hasSuppressed).toBe(true);
    const council2 = buildReferrals(facts, { r, viewer: council }).find((x) => x.id === 'referrals.providers')!;
    expect(council2.rows[1]).toMatchObject({ sent: '<5', medianDays: null });
    // The total's declined (2) would be the sum of two hidden parts: a marker, not the number.
    expect(council2.rows[2]).toMatchObject({ declined: '<5', sent: null });
  });
});
