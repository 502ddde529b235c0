import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../cli/commands.js';
import { office, service, wamImportRun } from '../../db/schema/index.js';
import { startTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { WAM_HEADER, type WamImportReport } from './import-wam.js';
import { refreshListingSearch } from './listing-search.js';

const WAM_DIR = path.resolve(process.cwd(), '../shared/reference/wam');
const file = (name: string) => readFileSync(path.join(WAM_DIR, name));

let t: TestApp;
let admin: TestClient;

async function upload(data: Uint8Array | string, query = '', filename = 'upload.csv'): Promise<WamImportReport> {
  const res = await admin.request(`/api/admin/directory/wam-import?filename=${encodeURIComponent(filename)}${query ? `&${query}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: typeof data === 'string' ? data : Buffer.from(data),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as WamImportReport;
}
const serviceCount = async () => (await t.db.select({ n: count() }).from(service))[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await t.signedIn(['admin'])).client;
});
afterAll(async () => t?.close());

describe('WAM NET import', () => {
  it('limits an import to given municipalities (Shift_JIS, CRLF)', async () => {
    const r = await upload(file('sample-65-sjis-crlf.csv'), 'municipality=12217', 'sample-65-sjis-crlf.csv');
    expect(r).toMatchObject({ status: 'succeeded', inserted: 1, skipped: 2, rejected: 0, files: [{ encoding: 'cp932', serviceType: '65', rows: 3 }] });
    const [o] = await t.db.select().from(office).where(eq(office.wamOfficeNumber, '1210000005'));
    expect(o!.name).toBe('みらいステップ柏（重症心身障害児対応）');
  });

  it('imports UTF-8 with and without BOM, and the search finds the rows by reading', async () => {
    for (const [name, inserted] of [['sample-24.csv', 3], ['sample-67.csv', 1], ['sample-65-sjis-crlf.csv', 2]] as const) {
      const r = await upload(file(name), '', name);
      expect(r, name).toMatchObject({ status: 'succeeded', inserted, rejected: 0 });
    }
    expect(await serviceCount()).toBe(7);
    const viewer = (await t.signedIn(['viewer'])).client;
    const hit = (await (await viewer.get(`/api/offices?q=${encodeURIComponent('ミライステップ')}`)).json()) as { total: number; items: { organizationName: string; service: { capacity: number; hours: { saturday: string } } }[] };
    expect(hit.total).toBe(1);
    expect(hit.items[0]).toMatchObject({ organizationName: '合同会社　ﾐﾗｲｽﾃｯﾌﾟ', service: { capacity: 5, hours: { saturday: '9:30～16:30' } } });
    const short = (await (await viewer.get(`/api/offices?q=${encodeURIComponent('あおばめでぃかる')}&open=sun&open=holiday`)).json()) as { total: number };
    expect(short.total).toBe(1);
  });

  it('is idempotent and never overwrites what offices maintain', async () => {
    const again = await upload(file('sample-24.csv'), '', 'sample-24.csv');
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, updated: 0, unchanged: 3, officesInserted: 0, officesUpdated: 0 });

    const [svc] = await t.db.select().from(service).innerJoin(office, eq(office.id, service.officeId)).where(eq(office.wamOfficeNumber, '1210000001'));
    const coord = (await t.signedIn(['coordinator'])).client;
    const edit = await coord.patch(`/api/services/${svc!.service.id}`, { vacancyCount: 2, capabilities: [{ careItem: 'ventilator', level: 'yes' }], ageMin: 3 });
    expect(edit.status).toBe(200);

    // WAM publishes a new capacity: only that changes.
    const changed = file('sample-24.csv').toString('utf8').replace('"9:00～18:00","9:00～18:00","","",,,6', '"9:00～18:00","9:00～18:00","","",,,8');
    const r = await upload(changed, '', 'sample-24.csv');
    expect(r).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const after = (await (await coord.get(`/api/offices/${svc!.office.id}`)).json()) as { services: { capacity: number; ageMin: number; vacancy: { count: number }; careHandled: string[] }[] };
    expect(after.services[0]).toMatchObject({ capacity: 8, ageMin: 3, vacancy: { count: 2 }, careHandled: ['ventilator'] });
    const hist = (await (await coord.get(`/api/offices/${svc!.office.id}/history`)).json()) as { items: { action: string; changes: Record<string, unknown> }[] };
    expect(hist.items[0]).toMatchObject({ action: 'wam.import', changes: { capacity: { from: 6, to: 8 } } });
  });

  it('rejects a malformed file with line numbers and columns, changing nothing', async () => {
    const before = await serviceCount();
    const r = await upload(file('malformed-24.csv'), '', 'malformed-24.csv');
    expect(r.status).toBe('failed');
    expect(r.inserted + r.updated).toBe(0);
    expect(r.rejections).toEqual([
      expect.objectContaining({ line: 3, column: null, reason: expect.stringContaining('列の数') }),
      expect.objectContaining({ line: 4, column: '事業所緯度' }),
    ]);
    expect(await serviceCount()).toBe(before);
    const [run] = await t.db.select().from(wamImportRun).where(eq(wamImportRun.id, r.id!));
    expect(run!.status).toBe('failed');
  });

  it('rolls back a whole run when a later file is bad', async () => {
    const before = await serviceCount();
    const form = new FormData();
    const renamed = file('sample-67.csv').toString('utf8').replace(/1210000007/g, '1210000099');
    form.append('file', new Blob([renamed]), 'new-67.csv');
    form.append('file', new Blob(['"a","b"\n"1","2"\n']), 'not-wam.csv');
    const res = await admin.request('/api/admin/directory/wam-import', { method: 'POST', body: form });
    const r = (await res.json()) as WamImportReport;
    expect(r.status).toBe('failed');
    expect(r.error).toContain('not-wam.csv');
    expect(await serviceCount()).toBe(before);
  });

  it('imports the good rows when asked to allow rejections', async () => {
    const r = await upload(file('malformed-24.csv'), 'allowRejections=true', 'malformed-24.csv');
    expect(r).toMatchObject({ status: 'succeeded', rejected: 2 });
  });

  it('streams progress lines to the upload page, then the same report (dry run of 1,050 rows)', async () => {
    const [head, row] = file('sample-67.csv').toString('utf8').replace(/^\uFEFF/, '').trim().split('\n') as [string, string];
    const rows = Array.from({ length: 1050 }, (_, i) => row.replace(/1210000007/g, `13${String(i).padStart(8, '0')}`));
    const before = await serviceCount();
    const res = await admin.request('/api/admin/directory/wam-import?dryRun=true&filename=big-67.csv', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
      body: [head, ...rows].join('\n') + '\n',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; rows?: number; totalRows?: number; report?: WamImportReport });
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.map((p) => p.rows)).toEqual([0, 1000, 1050]);
    expect(progress.every((p) => p.totalRows === 1050)).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: 'report', report: { status: 'dry_run', inserted: 1050, rejected: 0, files: [{ file: 'big-67.csv', rows: 1050 }] } });
    expect(await serviceCount()).toBe(before);
  });

  it('streams a failed run as its report, changing nothing', async () => {
    const res = await admin.request('/api/admin/directory/wam-import?filename=malformed-24.csv', { method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' }, body: file('malformed-24.csv') });
    const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!) as { type: string; report: WamImportReport };
    expect(last).toMatchObject({ type: 'report', report: { status: 'failed', rejected: 2 } });
  });

  it('writes large files in batches: repeated rows, an office in two files, search columns as a refresh makes them', async () => {
    const [head, row] = parse(file('sample-67.csv'), { bom: true }) as string[][] as [string[], string[]];
    const at = (h: string) => WAM_HEADER.indexOf(h as (typeof WAM_HEADER)[number]);
    const make = (i: number, patch: Record<string, string> = {}) => {
      const r = [...row];
      r[at('事業所番号')] = `15${String(i).padStart(8, '0')}`;
      r[at('事業所の名称')] = `バッチ訪問サポート${i}`;
      r[at('事業所の名称_かな')] = `ばっちほうもんさぽーと${i}`;
      r[at('法人番号')] = String(9_000_000_000_000 + (i % 7));
      r[at('法人の名称')] = `株式会社\u3000バッチ${i % 7}`;
      r[at('定員')] = '3';
      for (const [k, v] of Object.entries(patch)) r[at(k)] = v;
      return r;
    };
    // 600 offices (more than one batch); office 10 again at the end with another 定員 (an
    // update of the row this run inserted); office 300 also in a 短期入所 file under another name.
    const visits = [head, ...Array.from({ length: 600 }, (_, i) => make(i)), make(10, { 定員: '9' })];
    const shortStay = [head, make(300, { サービス種別: '短期入所', 事業所の名称: '別名の短期入所' })];
    const form = new FormData();
    form.append('file', new Blob([stringify(visits)]), 'batch-67.csv');
    form.append('file', new Blob([stringify(shortStay)]), 'batch-24.csv');
    const res = await admin.request('/api/admin/directory/wam-import', { method: 'POST', body: form });
    const r = (await res.json()) as WamImportReport;
    expect(r).toMatchObject({ status: 'succeeded', inserted: 601, updated: 1, unchanged: 0, officesInserted: 600, rejected: 0 });

    const ids = (await t.db.select({ id: office.id }).from(office).where(like(office.wamOfficeNumber, '15%'))).map((o) => o.id);
    expect(ids).toHaveLength(600);
    const [ten] = await t.db.select({ capacity: service.capacity }).from(service).innerJoin(office, eq(office.id, service.officeId)).where(eq(office.wamOfficeNumber, '1500000010'));
    expect(ten!.capacity).toBe(9);
    const [three] = await t.db.select({ name: office.name }).from(office).where(eq(office.wamOfficeNumber, '1500000300'));
    expect(three!.name).toBe('バッチ訪問サポート300'); // the first row wins

    // The search columns written with each new row are exactly what a refresh computes.
    const searchColumns = async () =>
      t.db
        .select({ id: service.id, tags: service.tags, searchText: service.searchText, searchName: service.searchName, sortKana: service.sortKana, careMask: service.careMask, municipalityCode: service.municipalityCode, sector: service.sector, lat: service.lat, lon: service.lon })
        .from(service)
        .where(inArray(service.officeId, ids))
        .orderBy(service.id);
    const written = await searchColumns();
    expect(written).toHaveLength(601);
    await refreshListingSearch(t.db, ids);
    expect(await searchColumns()).toEqual(written);

    // Renaming the corporation (same 法人番号) reaches offices the file does not list.
    const renamed = [head, make(7, { 法人の名称: '株式会社　改名ホールディングス' })]; // 法人番号 …0000, like office 0
    const again = await upload(stringify(renamed), '', 'rename-67.csv');
    expect(again).toMatchObject({ status: 'succeeded', updated: 0, officesUpdated: 0 });
    const viewer = (await t.signedIn(['viewer'])).client;
    const hit = (await (await viewer.get(`/api/offices?q=${encodeURIComponent('改名ホールディングス')}&limit=100`)).json()) as { total: number; items: { officeName: string }[] };
    expect(hit.total).toBe(86); // offices 0, 7, 14, … 595
    expect(hit.items.map((h) => h.officeName)).toContain('バッチ訪問サポート0');
  });

  it('is for admins only', async () => {
    const coord = (await t.signedIn(['coordinator'])).client;
    const res = await coord.request('/api/admin/directory/wam-import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x' });
    expect(res.status).toBe(403);
  });

  it('runs from the CLI with progress on stderr', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await COMMANDS['import:wam']!.run([path.join(WAM_DIR, 'sample-67.csv'), '--dry-run'], {
      database: t.database,
      env: t.running.deps.env,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    expect(code).toBe(0);
    expect(err.join('\n')).toContain('sample-67.csv: 1 行を処理');
    expect(out.join('\n')).toContain('変更なし 1');
  });
});
