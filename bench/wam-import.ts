// `npm run bench:wam -- [--offices 6000] [--runs 1]`
//
// How fast the WAM NET import (src/server/features/directory/import-wam.ts) writes a large
// file set. It generates fictitious WAM open-data files in the official 29-column layout from
// the directory generator (scripts/lib/directory-generator.ts: every generated office with a
// 事業所番号, one row per WAM service it runs, one file per service type), then imports them
// into a fresh database — PGlite in memory by default, a new PostgreSQL database when
// DATABASE_URL is set — three times:
//
//   1. new        every row inserts an office or a service
//   2. unchanged  the same files again (nothing to write)
//   3. changed    the same files with 定員 changed on every 10th row
//
// and prints rows/s and ms per row for each, beside the baseline: the same offices and
// services, search columns computed in JS, written by multi-row INSERTs (250 rows per
// statement) into another fresh database — the floor an import could reach without parsing,
// reading, comparing or validating anything.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { createScratchDatabase } from './lib/scratch-database.js';
import { generateMunicipalities, generateOffices, type GeneratedMunicipality } from '../scripts/lib/directory-generator.js';
import { openDatabase, optimizeEmbeddedEngine, type Database } from '../src/server/db/client.js';
import { municipality, office, service } from '../src/server/db/schema/index.js';
import { WAM_HEADER, importWam, wamSourceFromPath, type WamImportReport } from '../src/server/features/directory/import-wam.js';
import { listingSearchColumns } from '../src/server/features/directory/listing-search.js';
import { newId } from '../src/server/lib/ids.js';
import { findServiceType } from '../src/shared/domain/service-types.js';

const { values } = parseArgs({ options: { offices: { type: 'string', default: '6000' }, dir: { type: 'string', default: 'tmp/wam-bench' } } });
const OFFICES = Number(values.offices);
const url = process.env.DATABASE_URL;

interface WamRow {
  type: string;
  record: string[];
}

/** One WAM row per WAM service of every generated office that has a 事業所番号. */
function generateRows(munis: GeneratedMunicipality[]): WamRow[] {
  const rows: WamRow[] = [];
  let no = 0;
  for (const o of generateOffices({ offices: OFFICES, municipalities: munis, seed: 42 })) {
    if (!o.wamOfficeNumber) continue;
    for (const s of o.services) {
      const t = findServiceType(s.serviceType);
      if (!t?.isWam) continue;
      const orgName = `社会福祉法人ベンチ会${o.organization}`;
      rows.push({
        type: s.serviceType,
        record: [
          o.municipality.code,
          String(++no),
          `${o.municipality.prefectureName}`,
          orgName,
          `しゃかいふくしほうじんべんちかい${o.organization}`,
          String(1_000_000_000_000 + o.organization),
          `${o.municipality.prefectureName}${o.municipality.name}`,
          '本町1-1',
          '000-000-0000',
          '',
          '',
          t.label,
          o.name,
          o.nameKana,
          o.wamOfficeNumber,
          `${o.municipality.prefectureName}${o.municipality.name}`,
          o.address,
          o.phone,
          '',
          '',
          o.lat.toFixed(6),
          o.lon.toFixed(6),
          s.hours.weekday ?? '',
          s.hours.saturday ?? '',
          s.hours.sunday ?? '',
          s.hours.holiday ?? '',
          s.openSunday ? '' : '日曜',
          '',
          s.capacity === null ? '' : String(s.capacity),
        ],
      });
    }
  }
  return rows;
}

function writeFiles(rows: WamRow[], dir: string, change?: (r: string[], i: number) => string[]): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const byType = new Map<string, string[][]>();
  rows.forEach((r, i) => {
    const list = byType.get(r.type) ?? [];
    list.push(change ? change([...r.record], i) : r.record);
    byType.set(r.type, list);
  });
  return [...byType].map(([type, records]) => {
    const file = path.join(dir, `bench-${type}.csv`);
    writeFileSync(file, '\uFEFF' + stringify([[...WAM_HEADER], ...records]));
    return file;
  });
}

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (url) return createScratchDatabase(url, { prefix: 'tsunagu_wam', poolMax: 4 });
  const database = await openDatabase({});
  return { database, drop: () => database.close() };
}

async function prepare(database: Database, munis: GeneratedMunicipality[]) {
  await database.migrate();
  for (let i = 0; i < munis.length; i += 500)
    await database.db
      .insert(municipality)
      .values(munis.slice(i, i + 500).map((m) => ({ code: m.code, name: m.name, nameKana: m.nameKana, prefectureCode: m.prefectureCode, prefectureName: m.prefectureName })))
      .onConflictDoNothing();
}

/** The floor: the same offices and services in bulk INSERTs, search columns computed in JS. */
async function bulkBaseline(database: Database, rows: WamRow[], munis: GeneratedMunicipality[]): Promise<number> {
  const t0 = performance.now();
  const byCode = new Map(munis.map((m) => [m.code, m]));
  const officeIds = new Map<string, string>();
  const offices: (typeof office.$inferInsert)[] = [];
  const services: (typeof service.$inferInsert)[] = [];
  for (const { type, record: r } of rows) {
    const number = r[14]!;
    const m = byCode.get(r[0]!)!;
    const facts = { name: r[12]!, nameKana: r[13]!, sector: 'welfare' as const, municipalityCode: m.code, municipalityName: m.name, prefectureName: m.prefectureName, address: r[16]!, lat: Number(r[20]), lon: Number(r[21]), organizationName: r[3]!, organizationKana: r[4]! };
    let officeId = officeIds.get(number);
    if (!officeId) {
      officeId = newId();
      officeIds.set(number, officeId);
      offices.push({ id: officeId, ...facts, phone: r[17]!, wamOfficeNumber: number });
    }
    const hours = { weekday: r[22] || null, saturday: r[23] || null, sunday: r[24] || null, holiday: r[25] || null };
    const fields = { serviceType: type, name: r[12]!, ageMin: null, ageMax: null, openSaturday: !!hours.saturday, openSunday: !!hours.sunday, openHoliday: !!hours.holiday };
    services.push({ id: newId(), officeId, ...fields, capacity: r[28] ? Number(r[28]) : null, hours, closedDays: r[26] || null, source: 'wam', ...listingSearchColumns(facts, { ...fields, areasServed: [], careHandled: [] }) });
  }
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < offices.length; i += 250) await tx.insert(office).values(offices.slice(i, i + 250));
    for (let i = 0; i < services.length; i += 250) await tx.insert(service).values(services.slice(i, i + 250));
  });
  return performance.now() - t0;
}

async function timeImport(database: Database, files: string[]): Promise<{ ms: number; report: WamImportReport }> {
  const t0 = performance.now();
  const report = await importWam({ db: database.db, sources: files.map(wamSourceFromPath), audit: { label: 'bench' }, actorLabel: 'bench' });
  const ms = performance.now() - t0;
  if (report.status !== 'succeeded') throw new Error(`取り込みに失敗しました: ${report.error ?? JSON.stringify(report.rejections.slice(0, 3))}`);
  return { ms, report };
}

async function main() {
  if (!url) optimizeEmbeddedEngine();
  const munis = generateMunicipalities(1);
  const rows = generateRows(munis);
  const dir = values.dir!;
  const files = writeFiles(rows, path.join(dir, 'base'));
  const changedFiles = writeFiles(rows, path.join(dir, 'changed'), (r, i) => {
    if (i % 10 === 0) r[28] = String(Number(r[28] || 0) + 1);
    return r;
  });
  const offices = new Set(rows.map((r) => r.record[14])).size;
  console.log(`WAM NET 取り込みベンチ — ${url ? 'PostgreSQL' : 'PGlite (memory)'}、${rows.length.toLocaleString()} 行（${files.length} ファイル、${offices.toLocaleString()} 事業所）、${cpus().length} コア、load ${loadavg()[0]!.toFixed(2)}`);

  const results: string[][] = [];
  const line = (label: string, ms: number, n: number, detail: string) =>
    results.push([label, `${(ms / 1000).toFixed(1)} s`, `${Math.round((n / ms) * 1000).toLocaleString()}`, (ms / n).toFixed(2), detail]);

  const base = await freshDatabase();
  try {
    await prepare(base.database, munis);
    const ms = await bulkBaseline(base.database, rows, munis);
    line('baseline: bulk INSERT', ms, rows.length, `${offices.toLocaleString()} 事業所 + ${rows.length.toLocaleString()} サービス`);
  } finally {
    await base.drop();
  }

  const target = await freshDatabase();
  try {
    await prepare(target.database, munis);
    const first = await timeImport(target.database, files);
    line('import: new', first.ms, rows.length, `inserted ${first.report.inserted}, offices ${first.report.officesInserted}`);
    const second = await timeImport(target.database, files);
    line('import: unchanged', second.ms, rows.length, `unchanged ${second.report.unchanged}`);
    const third = await timeImport(target.database, changedFiles);
    line('import: 10 % changed', third.ms, rows.length, `updated ${third.report.updated}, unchanged ${third.report.unchanged}`);
  } finally {
    await target.drop();
  }
  const header = ['run', 'time', 'rows/s', 'ms/row', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...results.map((r) => r[i]!.length)));
  for (const r of [header, ...results]) console.log(r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  const floor = Number(results[0]![3]);
  console.log(`new / baseline (ms per row): ${(Number(results[1]![3]) / floor).toFixed(1)}×`);
}

await main();
