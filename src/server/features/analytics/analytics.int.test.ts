import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardResponse, Figure, Report, SectionResponse, TrendsResponse } from '../../../shared/contracts/analytics.js';
import { analyticsReport, analyticsSnapshot, analyticsSnapshotValue } from '../../db/schema/index.js';
import { readJson, readProblem, startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { rowsOf } from '../clients/sql-rows.js';
import { withSystemContext } from '../clients/client-access.js';
import { analyticsSnapshotTickOnce } from './snapshots.js';

let t: TestApp;
const MATSUDO = '12207';
const NODA = '12208';
const uniq = () => Math.random().toString(36).slice(2, 7);
const CONSENT = { scopes: ['profile', 'contact', 'medical', 'plan', 'timeline', 'emergency'], givenBy: '山田 花子', givenByRelation: '母', consentedOn: '2026-04-01', method: 'written', document: '同意書' };

let matsudoConsultant: TestClient;
let nodaClientIds: string[] = [];

async function addClients(consultant: TestClient, municipalityCode: string, n: number, ventilator: boolean) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const body = await readJson<{ id: string }>(
      await consultant.post('/api/clients', {
        name: `分析 ${uniq()}`,
        nameKana: 'ぶんせき てすと',
        birthDate: '2019-06-01',
        sex: 'female',
        municipalityCode,
        consent: CONSENT,
        medical: ventilator ? { careItems: [{ code: 'ventilator', monitoring: 'high' }], devices: [{ type: '人工呼吸器', batteryHours: 5, powerWatts: 60 }] } : { careItems: [{ code: 'suction', monitoring: 'low' }] },
      }),
      201,
    );
    ids.push(body.id);
  }
  return ids;
}

beforeAll(async () => {
  t = await startTestApp();
  const mOffice = await t.createOffice({ name: `相談 ${uniq()}`, municipalityCode: MATSUDO });
  matsudoConsultant = (await t.signedIn(['consultant'], { officeIds: [mOffice.id], municipalityCode: MATSUDO })).client;
  const nOffice = await t.createOffice({ name: `相談 ${uniq()}`, municipalityCode: NODA });
  const nodaConsultant = (await t.signedIn(['consultant'], { officeIds: [nOffice.id], municipalityCode: NODA })).client;
  await addClients(matsudoConsultant, MATSUDO, 6, true);
  nodaClientIds = await addClients(nodaConsultant, NODA, 3, true);
}, 120_000);
afterAll(async () => t?.close());

const fig = (s: SectionResponse | DashboardResponse, id: string): Figure => ('figures' in s ? s.figures : s.sections.flatMap((x) => x.figures)).find((f) => f.id === id)!;
const ventRow = (f: Figure, m: string) => f.rows.find((r) => r.municipalityCode === m && r.careItemCode === 'ventilator')!;

describe('access', () => {
  it('refuses roles without analytics (403) and names a malformed area in Japanese (400)', async () => {
    await readProblem(await matsudoConsultant.get('/api/analytics/sections/demand'), 403);
    const provider = (await t.signedIn(['provider_staff'])).client;
    await readProblem(await provider.get('/api/analytics/figures/demand.clients/csv'), 403);
    await readProblem(await provider.post('/api/analytics/reports', { sections: ['demand'] }), 403);
    const coord = (await t.signedIn(['coordinator'])).client;
    const p = await readProblem(await coord.get('/api/analytics/sections/demand?area=松戸'), 400);
    expect(p.detail + JSON.stringify(p.errors)).toContain('地域');
    const q = await readProblem(await coord.get('/api/analytics/sections/nope'), 400);
    expect(JSON.stringify(q)).toContain('セクション');
    const big = await readProblem(await coord.get(`/api/analytics/sections/demand?waitingDays=9999`), 400);
    expect(JSON.stringify(big.errors)).toContain('待機日数');
    const r = await readProblem(await coord.post('/api/analytics/reports', { sections: [] }), 400);
    expect(JSON.stringify(r.errors)).toContain('セクション');
    expect(await t.db.select().from(analyticsReport)).toHaveLength(0);
  });
});

describe('privacy', () => {
  it('a city official sees their own city exactly and another city only as "<5"', async () => {
    const matsudoOfficial = (await t.signedIn(['official'], { municipalityCode: MATSUDO })).client;
    const s = await readJson<SectionResponse>(await matsudoOfficial.get('/api/analytics/sections/demand'));
    expect(s.viewer.detailMunicipality).toBe(MATSUDO);
    const f = fig(s, 'demand.clients');
    expect(ventRow(f, MATSUDO).total).toBe(6);
    expect(ventRow(f, NODA).total).toBe('<5');
    // The region total would give 野田's 3 back (9 − 6): withheld.
    const total = f.rows.find((r) => r.municipalityCode === null && r.careItemCode === 'ventilator')!;
    expect(total.total).toBeNull();

    const nodaOfficial = (await t.signedIn(['official'], { municipalityCode: NODA })).client;
    const n = await readJson<SectionResponse>(await nodaOfficial.get('/api/analytics/sections/demand'));
    expect(ventRow(fig(n, 'demand.clients'), NODA).total).toBe(3);
    const rows = await t.auditRows({ action: 'analytics.read' });
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });

  it('suppressed cells never leak through the API, the CSV or the report', async () => {
    const coord = (await t.signedIn(['coordinator'])).client;
    const dash = await readJson<DashboardResponse>(await coord.get('/api/analytics/dashboard'));
    expect(dash.viewer.detailMunicipality).toBeNull();
    const nodaRows = dash.sections.flatMap((s) => s.figures).flatMap((f) => f.rows.filter((r) => r.municipalityCode === NODA).map((r) => ({ f, r })));
    for (const { f, r } of nodaRows) for (const c of f.columns.filter((c) => c.clientCount)) expect(r[c.key] === 3, `${f.id}.${c.key}`).toBe(false);
    expect(ventRow(fig(dash, 'gaps.matrix'), NODA).clients).toBe('<5');
    expect(fig(dash, 'preparedness.plans').rows.find((r) => r.municipalityCode === NODA)!.powerDependent).toBe('<5');

    const csvRes = await coord.get('/api/analytics/figures/demand.clients/csv');
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toContain('text/csv');
    const csv = await csvRes.text();
    expect(csv).toContain('数えているもの');
    const nodaVent = csv.split('\r\n').find((l) => l.includes('野田市') && l.includes('人工呼吸器'))!;
    expect(nodaVent).toContain('<5');
    expect(nodaVent.split(',').includes('3')).toBe(false);

    // A 野田 official makes the report: it is for the council, so 野田 is suppressed there too.
    const nodaOfficial = (await t.signedIn(['official'], { municipalityCode: NODA })).client;
    const report = await readJson<Report>(await nodaOfficial.post('/api/analytics/reports', { sections: ['demand', 'gaps', 'preparedness', 'people'] }), 201);
    const [stored] = await t.db.select().from(analyticsReport).where(eq(analyticsReport.id, report.id));
    const demand = stored!.figures.find((f) => f.id === 'demand.clients')!;
    expect(ventRow(demand, NODA).total).toBe('<5');
    expect(report.gaps.every((g) => g.municipalityCode !== NODA || g.clients === '<5')).toBe(true);
    const pdf = await nodaOfficial.get(report.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('NotoSansJP');
  }, 60_000);

  it('drill-down lists only clients the viewer may open anyway', async () => {
    const matsudoOfficial = (await t.signedIn(['official'], { municipalityCode: MATSUDO })).client;
    const other = await readJson<{ items: unknown[]; cellCount: unknown; notShown: unknown }>(await matsudoOfficial.get(`/api/analytics/drill-down?municipality=${NODA}&careItem=ventilator`));
    expect(other.items).toEqual([]);
    expect(other.cellCount).toBe('<5');
    expect(other.notShown).toBeNull();
    const own = await readJson<{ items: unknown[]; cellCount: unknown; notShown: unknown }>(await matsudoOfficial.get(`/api/analytics/drill-down?municipality=${MATSUDO}&careItem=ventilator`));
    expect(own.items).toEqual([]); // not on any team: nobody named
    expect(own.cellCount).toBe(6);
    expect(own.notShown).toBe(6);
    const viewer = (await t.signedIn(['viewer'])).client;
    const v = await readJson<{ items: { clientId: string }[] }>(await viewer.get(`/api/analytics/drill-down?municipality=${NODA}`));
    expect(v.items.some((i) => nodaClientIds.includes(i.clientId))).toBe(false);
  });
});

describe('snapshots', () => {
  it('are idempotent, match a from-scratch count and feed trends and compare', async () => {
    const coord = (await t.signedIn(['coordinator'])).client;
    const month = new Date().toISOString().slice(0, 7);
    const a = await readJson<{ month: string; rows: number }>(await coord.post('/api/analytics/snapshots', { month }));
    const valuesA = await t.db.select().from(analyticsSnapshotValue).where(eq(analyticsSnapshotValue.month, month));
    const b = await readJson<{ month: string; rows: number }>(await coord.post('/api/analytics/snapshots', { month }));
    const valuesB = await t.db.select().from(analyticsSnapshotValue).where(eq(analyticsSnapshotValue.month, month));
    expect(b.rows).toBe(a.rows);
    expect(await t.db.select().from(analyticsSnapshot).where(eq(analyticsSnapshot.month, month))).toHaveLength(1);
    const key = (v: { scope: string; metric: string; value: number }) => `${v.scope}|${v.metric}|${v.value}`;
    expect(valuesB.map(key).sort()).toEqual(valuesA.map(key).sort());
    // From scratch: active clients with a ventilator per city, counted directly.
    const direct = rowsOf<{ m: string; n: number }>(
      await withSystemContext(t.db, (tx) => tx.execute(sql`select c.municipality_code m, count(*)::int n from client c join client_medical cm on cm.client_id = c.id where c.status = 'active' and cm.data->'careItems' @> '[{"code":"ventilator"}]'::jsonb group by 1`)),
    );
    for (const d of direct) expect(valuesB.find((v) => v.scope === d.m && v.metric === 'clients_ventilator')?.value).toBe(d.n);

    const trends = await readJson<TrendsResponse>(await coord.get(`/api/analytics/trends?area=${NODA}&metrics=clients_ventilator,services`));
    expect(trends.series.find((s) => s.metric === 'clients_ventilator')!.points.at(-1)!.value).toBe('<5');
    const nodaOfficial = (await t.signedIn(['official'], { municipalityCode: NODA })).client;
    const own = await readJson<TrendsResponse>(await nodaOfficial.get(`/api/analytics/trends?area=${NODA}&metrics=clients_ventilator`));
    expect(own.series[0]!.points.at(-1)!.value).toBe(3);
    await readProblem(await coord.get('/api/analytics/trends?metrics=nope'), 400);
    const cmp = await readJson<{ rows: { metric: string; a: unknown; b: unknown; change: number | null }[] }>(await coord.get(`/api/analytics/compare?area=region&a=${month}&b=${month}`));
    expect(cmp.rows.find((r) => r.metric === 'clients')!.change).toBe(0);
    await readProblem(await coord.get('/api/analytics/compare?a=1999-01&b=1999-02'), 400);
    await readProblem(await coord.post('/api/analytics/snapshots', { month: '2999-01' }), 400);
    const official = (await t.signedIn(['official'], { municipalityCode: MATSUDO })).client;
    await readProblem(await official.post('/api/analytics/snapshots', { month }), 403);
  }, 60_000);

  it('the scheduler takes last month and this month once, then has nothing to do', async () => {
    const config = t.running.deps.env.analytics;
    const first = await analyticsSnapshotTickOnce({ db: t.db, config, today: '2026-10-15' });
    expect(first).toEqual(['2026-09', '2026-10']);
    expect(await analyticsSnapshotTickOnce({ db: t.db, config, today: '2026-10-15' })).toEqual([]);
    const [sep] = await t.db.select().from(analyticsSnapshot).where(eq(analyticsSnapshot.month, '2026-09'));
    expect(sep!.asOf).toBe('2026-09-30');
  }, 60_000);
});
