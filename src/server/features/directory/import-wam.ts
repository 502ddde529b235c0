// WAM NET open-data import (DOMAIN.md §8, docs/directory.md): the national CSV, one file per
// service type, 29 columns, UTF-8 (with or without BOM) or Shift_JIS. Offices are keyed on
// 事業所番号 and services on (事業所番号, サービス種別). Only the fields WAM publishes are
// written; what offices maintain in tsunagu (capabilities, vacancy, ages, areas) is never
// touched. All files of one run commit together or not at all; by default any rejected row
// fails the run, so a malformed file changes nothing (allowRejections imports the good rows).
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { PREFECTURES } from '../../../shared/domain/municipalities.js';
import { SERVICE_TYPES, findServiceType } from '../../../shared/domain/service-types.js';
import { normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, Tx } from '../../db/client.js';
import { listingChange, municipality, office, organization, service, wamImportRun } from '../../db/schema/index.js';
import { canonicalJson, writeAudit, type AuditContext } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { refreshListingSearch } from './listing-search.js';

export const WAM_HEADER = [
  '都道府県コード又は市区町村コード',
  'NO（※システム内の固有の番号、連番）',
  '指定機関名',
  '法人の名称',
  '法人の名称_かな',
  '法人番号',
  '法人住所（市区町村）',
  '法人住所（番地以降）',
  '法人電話番号',
  '法人FAX番号',
  '法人URL',
  'サービス種別',
  '事業所の名称',
  '事業所の名称_かな',
  '事業所番号',
  '事業所住所（市区町村）',
  '事業所住所（番地以降）',
  '事業所電話番号',
  '事業所FAX番号',
  '事業所URL',
  '事業所緯度',
  '事業所経度',
  '利用可能な時間帯（平日）',
  '利用可能な時間帯（土曜）',
  '利用可能な時間帯（日曜）',
  '利用可能な時間帯（祝日）',
  '定休日',
  '利用可能曜日特記事項（留意事項）',
  '定員',
] as const;
const COL = Object.fromEntries(WAM_HEADER.map((h, i) => [h, i])) as Record<(typeof WAM_HEADER)[number], number>;

export interface WamSource {
  /** Shown in the report (file name). */
  name: string;
  /** A path on disk (streamed) or the bytes of an upload. */
  path?: string;
  data?: Uint8Array;
}

export interface WamRejection {
  file: string;
  line: number;
  column: string | null;
  reason: string;
}

export interface WamImportReport {
  id: string | null;
  status: 'succeeded' | 'failed' | 'dry_run';
  files: { file: string; encoding: string; serviceType: string | null; rows: number }[];
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  skipped: number;
  officesInserted: number;
  officesUpdated: number;
  rejections: WamRejection[];
  error: string | null;
}

/** Rejections listed in a report (the count stays exact beyond this). */
const MAX_LISTED_REJECTIONS = 1000;

class RollbackForReport extends Error {}

const TYPE_BY_LABEL = new Map(SERVICE_TYPES.filter((t) => t.isWam).map((t) => [normalizeForSearch(t.label), t.code]));

/** UTF-8 if the sample decodes strictly (a cut multibyte character at its end is allowed), else Shift_JIS. */
export function detectEncoding(sample: Uint8Array): 'utf-8' | 'utf-8-bom' | 'cp932' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  let end = sample.length;
  // Back off up to 3 bytes so a character cut by the sample boundary does not look invalid.
  for (let i = 0; i < 3 && end > 0 && (sample[end - 1]! & 0xc0) === 0x80; i++) end--;
  if (end > 0 && sample[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'cp932';
  }
}

async function openText(src: WamSource): Promise<{ stream: NodeJS.ReadableStream; encoding: string }> {
  let sample: Uint8Array;
  if (src.data) sample = src.data.subarray(0, 65536);
  else {
    const fh = await import('node:fs/promises').then((m) => m.open(src.path!, 'r'));
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    await fh.close();
    sample = buf.subarray(0, bytesRead);
  }
  const encoding = detectEncoding(sample);
  const raw = src.data ? Readable.from([Buffer.from(src.data)]) : createReadStream(src.path!);
  // iconv-lite strips a UTF-8 BOM by default.
  const stream = raw.pipe(iconv.decodeStream(encoding === 'cp932' ? 'cp932' : 'utf8'));
  return { stream, encoding };
}

interface ParsedRow {
  line: number;
  serviceType: string;
  officeNumber: string;
  officeName: string;
  officeKana: string;
  municipalityCode: string | null;
  municipalityText: string;
  address: string | null;
  phone: string | null;
  fax: string | null;
  url: string | null;
  lat: number | null;
  lon: number | null;
  hours: { weekday: string | null; saturday: string | null; sunday: string | null; holiday: string | null };
  closedDays: string | null;
  availabilityNote: string | null;
  capacity: number | null;
  org: { name: string; kana: string; number: string | null } | null;
}

const text = (v: string | undefined) => {
  const s = (v ?? '').trim();
  return s === '' ? null : s;
};

function toNumber(v: string | undefined): number | null | 'bad' {
  const s = text(v);
  if (s === null) return null;
  const n = Number(s.normalize('NFKC'));
  return Number.isFinite(n) ? n : 'bad';
}

type MunicipalityIndex = Map<string, string>;

async function municipalityIndex(db: Db | Tx): Promise<MunicipalityIndex> {
  const rows = await db.select({ code: municipality.code, name: municipality.name, pref: municipality.prefectureName }).from(municipality);
  return new Map(rows.map((r) => [normalizeForSearch(r.pref + r.name), r.code]));
}

/** 「千葉県松戸市」→ '12207' when registered; wards of designated cities fall back to the city. */
export function resolveMunicipality(index: MunicipalityIndex, value: string): string | null {
  const key = normalizeForSearch(value);
  const direct = index.get(key);
  if (direct) return direct;
  const city = key.match(/^(.+?市).+区$/u)?.[1];
  if (city) return index.get(city) ?? null;
  return null;
}

function parseRecord(rec: string[], line: number, file: string, munis: MunicipalityIndex): ParsedRow | WamRejection {
  const reject = (column: string | null, reason: string): WamRejection => ({ file, line, column, reason });
  if (rec.length !== WAM_HEADER.length) return reject(null, `列の数が ${rec.length} です（29 列が必要）`);
  const typeLabel = text(rec[COL['サービス種別']]);
  const serviceType = typeLabel ? TYPE_BY_LABEL.get(normalizeForSearch(typeLabel)) : undefined;
  if (!serviceType) return reject('サービス種別', `サービス種別「${typeLabel ?? ''}」は WAM NET の種別として登録されていません`);
  const officeNumber = (text(rec[COL['事業所番号']]) ?? '').normalize('NFKC');
  if (!/^[0-9A-Z]{10}$/.test(officeNumber)) return reject('事業所番号', `事業所番号「${officeNumber}」は 10 桁の英数字ではありません`);
  const officeName = text(rec[COL['事業所の名称']]);
  if (!officeName) return reject('事業所の名称', '事業所の名称が空です');
  const municipalityText = text(rec[COL['事業所住所（市区町村）']]) ?? '';
  if (!PREFECTURES.some((p) => municipalityText.startsWith(p.name))) return reject('事業所住所（市区町村）', `「${municipalityText}」が都道府県名で始まっていません`);
  const lat = toNumber(rec[COL['事業所緯度']]);
  if (lat === 'bad' || (lat !== null && (lat < 20 || lat > 46))) return reject('事業所緯度', `緯度「${rec[COL['事業所緯度']]}」が数値（20〜46）ではありません`);
  const lon = toNumber(rec[COL['事業所経度']]);
  if (lon === 'bad' || (lon !== null && (lon < 122 || lon > 154))) return reject('事業所経度', `経度「${rec[COL['事業所経度']]}」が数値（122〜154）ではありません`);
  const capacity = toNumber(rec[COL['定員']]);
  if (capacity === 'bad' || (capacity !== null && (!Number.isInteger(capacity) || capacity < 0))) return reject('定員', `定員「${rec[COL['定員']]}」が 0 以上の整数ではありません`);
  const orgName = text(rec[COL['法人の名称']]);
  // The published files carry some 法人番号 with lost leading zeros or typos; the number only
  // links offices to their corporation, so a malformed one is ignored (linked by name instead).
  const rawOrgNumber = text(rec[COL['法人番号']])?.normalize('NFKC') ?? null;
  const orgNumber = rawOrgNumber && /^\d{13}$/.test(rawOrgNumber) ? rawOrgNumber : null;
  return {
    line,
    serviceType,
    officeNumber,
    officeName,
    officeKana: text(rec[COL['事業所の名称_かな']]) ?? officeName,
    municipalityCode: resolveMunicipality(munis, municipalityText),
    municipalityText,
    address: text(rec[COL['事業所住所（番地以降）']]),
    phone: text(rec[COL['事業所電話番号']]),
    fax: text(rec[COL['事業所FAX番号']]),
    url: text(rec[COL['事業所URL']]),
    lat,
    lon,
    hours: {
      weekday: text(rec[COL['利用可能な時間帯（平日）']]),
      saturday: text(rec[COL['利用可能な時間帯（土曜）']]),
      sunday: text(rec[COL['利用可能な時間帯（日曜）']]),
      holiday: text(rec[COL['利用可能な時間帯（祝日）']]),
    },
    closedDays: text(rec[COL['定休日']]),
    availabilityNote: text(rec[COL['利用可能曜日特記事項（留意事項）']]),
    capacity,
    org: orgName ? { name: orgName, kana: text(rec[COL['法人の名称_かな']]) ?? orgName, number: orgNumber } : null,
  };
}

/** Default ages for a new service of a children's / adults' type (offices refine them later). */
function defaultAges(type: string): { ageMin: number | null; ageMax: number | null } {
  const t = findServiceType(type);
  if (type === '65') return { ageMin: 6, ageMax: 18 };
  if (type === '63' || type === '64') return { ageMin: 0, ageMax: 6 };
  if (t?.forChildren === true) return { ageMin: 0, ageMax: 18 };
  if (t?.forChildren === false) return { ageMin: 18, ageMax: null };
  return { ageMin: null, ageMax: null };
}

// Key order independent: jsonb returns object keys in its own order.
const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

interface Upserter {
  orgIdByNumber: Map<string, string>;
  orgIdByName: Map<string, string>;
  touchedOffices: Set<string>;
  /** Offices already written in this run: one office appears in several service files, whose
   *  names may differ; the first row wins, so re-running the same files changes nothing. */
  seenOffices: Set<string>;
  /** Offices created by this run: their services are only those this run inserted (no lookup). */
  newOffices: Set<string>;
  /** `officeId service_type` of the services this run inserted. */
  insertedServices: Set<string>;
  /** History rows waiting to be written in bulk (flushChanges): one statement per 500 rows, not one per row. */
  changes: (typeof listingChange.$inferInsert)[];
}

/** Writes the buffered history rows. */
async function flushChanges(tx: Tx, u: Upserter) {
  while (u.changes.length) await tx.insert(listingChange).values(u.changes.splice(0, 500));
}

/** The office columns an import compares (officeValues) and its id: not the whole row. */
const officeCompared = {
  id: office.id,
  name: office.name,
  nameKana: office.nameKana,
  municipalityCode: office.municipalityCode,
  address: office.address,
  lat: office.lat,
  lon: office.lon,
  phone: office.phone,
  fax: office.fax,
  url: office.url,
  organizationId: office.organizationId,
};

async function upsertRow(tx: Tx, u: Upserter, r: ParsedRow, report: WamImportReport, actorLabel: string, now: Date) {
  let orgId: string | null = null;
  if (r.org) {
    const existing = (r.org.number && u.orgIdByNumber.get(r.org.number)) || (!r.org.number ? u.orgIdByName.get(r.org.name) : undefined);
    if (existing) orgId = existing;
    else {
      const [found] = r.org.number
        ? await tx.select({ id: organization.id, name: organization.name }).from(organization).where(eq(organization.corporateNumber, r.org.number))
        : await tx.select({ id: organization.id, name: organization.name }).from(organization).where(eq(organization.name, r.org.name));
      orgId = found?.id ?? newId();
      if (!found) await tx.insert(organization).values({ id: orgId, name: r.org.name, nameKana: r.org.kana, corporateNumber: r.org.number });
      else if (found.name !== r.org.name) await tx.update(organization).set({ name: r.org.name, nameKana: r.org.kana, updatedAt: now }).where(eq(organization.id, orgId));
      if (r.org.number) u.orgIdByNumber.set(r.org.number, orgId);
      else u.orgIdByName.set(r.org.name, orgId);
    }
  }
  const officeValues = {
    name: r.officeName,
    nameKana: r.officeKana,
    municipalityCode: r.municipalityCode!,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    phone: r.phone,
    fax: r.fax,
    url: r.url,
    organizationId: orgId,
  };
  const [o] = await tx.select(officeCompared).from(office).where(eq(office.wamOfficeNumber, r.officeNumber));
  let officeId: string;
  if (!o) {
    officeId = newId();
    await tx.insert(office).values({ id: officeId, ...officeValues, sector: findServiceType(r.serviceType)?.sector ?? 'welfare', wamOfficeNumber: r.officeNumber });
    report.officesInserted++;
    u.touchedOffices.add(officeId);
    u.newOffices.add(officeId);
  } else if (u.seenOffices.has(o.id)) {
    officeId = o.id;
  } else {
    officeId = o.id;
    const changed = Object.entries(officeValues).filter(([k, v]) => !same((o as Record<string, unknown>)[k], v));
    if (changed.length) {
      await tx.update(office).set({ ...officeValues, updatedAt: now }).where(eq(office.id, officeId));
      if (!u.touchedOffices.has(officeId)) report.officesUpdated++;
      u.touchedOffices.add(officeId);
    }
  }
  u.seenOffices.add(officeId);

  // Only what WAM publishes; capabilities, vacancy, ages and areas stay as the office keeps them.
  const wamFields = {
    name: r.officeName,
    capacity: r.capacity,
    hours: r.hours,
    openSaturday: r.hours.saturday !== null,
    openSunday: r.hours.sunday !== null,
    openHoliday: r.hours.holiday !== null,
    closedDays: r.closedDays,
    availabilityNote: r.availabilityNote,
  };
  const key = `${officeId} ${r.serviceType}`;
  const [s] =
    u.newOffices.has(officeId) && !u.insertedServices.has(key)
      ? []
      : await tx
          .select()
          .from(service)
          .where(and(eq(service.officeId, officeId), eq(service.serviceType, r.serviceType)));
  if (!s) {
    const id = newId();
    u.insertedServices.add(key);
    await tx.insert(service).values({
      id,
      officeId,
      serviceType: r.serviceType,
      ...wamFields,
      ...defaultAges(r.serviceType),
      source: 'wam',
      wamSyncedAt: now,
      municipalityCode: r.municipalityCode!,
      sector: findServiceType(r.serviceType)?.sector ?? 'welfare',
    });
    u.changes.push({ officeId, serviceId: id, actorName: actorLabel, action: 'wam.import', changes: { serviceType: { from: null, to: r.serviceType } } });
    report.inserted++;
    u.touchedOffices.add(officeId);
    return;
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(wamFields)) {
    const before = (s as Record<string, unknown>)[k];
    if (!same(before, v)) changes[k] = { from: before ?? null, to: v };
  }
  if (Object.keys(changes).length === 0) {
    report.unchanged++;
    return;
  }
  await tx.update(service).set({ ...wamFields, wamSyncedAt: now, updatedAt: now }).where(eq(service.id, s.id));
  u.changes.push({ officeId, serviceId: s.id, actorName: actorLabel, action: 'wam.import', changes });
  report.updated++;
  u.touchedOffices.add(officeId);
}

/** An import yields to the event loop after this many rows (see the loop in importWam). */
const YIELD_EVERY_ROWS = 50;

export async function importWam(opts: {
  db: Db;
  sources: WamSource[];
  audit: AuditContext;
  actorLabel: string;
  /** Only rows of offices in these municipality codes (others are counted as skipped). */
  municipalities?: string[];
  /** Import the valid rows even when some rows are rejected. */
  allowRejections?: boolean;
  /** Parse, validate and count, then roll back. */
  dryRun?: boolean;
  onProgress?: (p: { file: string; rows: number }) => void;
}): Promise<WamImportReport> {
  const report: WamImportReport = {
    id: null,
    status: 'succeeded',
    files: [],
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    skipped: 0,
    officesInserted: 0,
    officesUpdated: 0,
    rejections: [],
    error: null,
  };
  const only = opts.municipalities?.length ? new Set(opts.municipalities) : null;
  const startedAt = new Date();
  const addRejection = (r: WamRejection) => {
    report.rejected++;
    if (report.rejections.length < MAX_LISTED_REJECTIONS) report.rejections.push(r);
  };
  try {
    await opts.db.transaction(async (tx) => {
      const munis = await municipalityIndex(tx);
      const u: Upserter = {
        orgIdByNumber: new Map(),
        orgIdByName: new Map(),
        touchedOffices: new Set(),
        seenOffices: new Set(),
        newOffices: new Set(),
        insertedServices: new Set(),
        changes: [],
      };
      const now = new Date();
      for (const src of opts.sources) {
        const { stream, encoding } = await openText(src);
        const fileReport = { file: src.name, encoding, serviceType: null as string | null, rows: 0 };
        report.files.push(fileReport);
        const parser = stream.pipe(parse({ relax_column_count: true, skip_empty_lines: true, info: true }));
        let header = true;
        for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
          const { record, info } = item;
          if (header) {
            header = false;
            const bad = WAM_HEADER.findIndex((h, i) => (record[i] ?? '').trim() !== h);
            if (record.length !== WAM_HEADER.length || bad >= 0)
              throw new MalformedFileError(
                `${src.name}: 1 行目が WAM NET オープンデータの見出し行（29 列）と一致しません` +
                  (bad >= 0 ? `（${bad + 1} 列目: 「${WAM_HEADER[bad]}」のはずが「${record[bad] ?? ''}」）` : `（${record.length} 列）`),
              );
            continue;
          }
          fileReport.rows++;
          if (fileReport.rows % 1000 === 0) opts.onProgress?.({ file: src.name, rows: fileReport.rows });
          // Let the event loop run between rows now and then: on the embedded database every
          // statement resolves without waiting for I/O, so a long import would otherwise hold the
          // loop — its own progress lines unsent, every other request unanswered — until it ends.
          if (fileReport.rows % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
          if (only) {
            // Out-of-scope rows are skipped before validation: a national file imported for a
            // few cities is not failed by a bad row elsewhere.
            const code = resolveMunicipality(munis, record[COL['事業所住所（市区町村）']] ?? '');
            if (!code || !only.has(code)) {
              report.skipped++;
              continue;
            }
          }
          const parsed = parseRecord(record, info.lines, src.name, munis);
          if (!('serviceType' in parsed)) {
            addRejection(parsed);
            continue;
          }
          fileReport.serviceType ??= parsed.serviceType;
          if (!parsed.municipalityCode) {
            addRejection({ file: src.name, line: parsed.line, column: '事業所住所（市区町村）', reason: `市区町村「${parsed.municipalityText}」が登録されていません（管理画面の市区町村に登録してください）` });
            continue;
          }
          await upsertRow(tx, u, parsed, report, opts.actorLabel, now);
          if (u.changes.length >= 500) await flushChanges(tx, u);
        }
        opts.onProgress?.({ file: src.name, rows: fileReport.rows });
      }
      if (report.rejected > 0 && !opts.allowRejections) {
        report.error = `${report.rejected} 行に誤りがあるため、何も取り込みませんでした（誤りのある行を除いて取り込むには allowRejections を指定）。`;
        throw new RollbackForReport();
      }
      await flushChanges(tx, u);
      const touched = [...u.touchedOffices];
      for (let i = 0; i < touched.length; i += 500) await refreshListingSearch(tx, touched.slice(i, i + 500));
      if (opts.dryRun) throw new RollbackForReport();
      await writeAudit(tx, opts.audit, {
        action: 'directory.wam_import',
        entityType: 'wam_import_run',
        details: { files: report.files.map((f) => f.file), inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, skipped: report.skipped },
      });
    });
  } catch (e) {
    if (e instanceof RollbackForReport) report.status = report.rejected > 0 && !opts.allowRejections ? 'failed' : 'dry_run';
    else if (e instanceof MalformedFileError || (e as { code?: string }).code?.startsWith('CSV_')) {
      report.status = 'failed';
      report.error = e instanceof MalformedFileError ? e.message : `CSV の形式が正しくありません: ${(e as Error).message}`;
    } else throw e;
    if (report.status === 'failed') {
      // Nothing was written: say so in the counts.
      report.inserted = report.updated = report.unchanged = report.officesInserted = report.officesUpdated = 0;
    }
  }
  if (report.status !== 'dry_run') {
    report.id = newId();
    await opts.db.insert(wamImportRun).values({
      id: report.id,
      startedAt,
      finishedAt: new Date(),
      actorLabel: opts.actorLabel,
      files: report.files.map((f) => f.file),
      status: report.status === 'succeeded' ? 'succeeded' : 'failed',
      report: { ...report },
    });
  }
  return report;
}

class MalformedFileError extends Error {}

export const wamSourceFromPath = (p: string): WamSource => ({ name: path.basename(p), path: p });
