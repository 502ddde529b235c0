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
import { eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { PREFECTURES } from '../../../shared/domain/municipalities.js';
import { SERVICE_TYPES, findServiceType } from '../../../shared/domain/service-types.js';
import { normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, Tx } from '../../db/client.js';
import { listingChange, municipality, office, organization, service, wamImportRun } from '../../db/schema/index.js';
import { canonicalJson, writeAudit, type AuditContext } from '../../lib/audit.js';
import { newId } from '../../lib/ids.js';
import { listingSearchColumns, refreshListingSearch, type ListingOfficeFacts } from './listing-search.js';

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

interface MunicipalityIndex {
  /** normalizeForSearch(都道府県名 + 市区町村名) → code */
  byName: Map<string, string>;
  byCode: Map<string, { name: string; prefectureName: string }>;
}

async function municipalityIndex(db: Db | Tx): Promise<MunicipalityIndex> {
  const rows = await db.select({ code: municipality.code, name: municipality.name, pref: municipality.prefectureName }).from(municipality);
  return {
    byName: new Map(rows.map((r) => [normalizeForSearch(r.pref + r.name), r.code])),
    byCode: new Map(rows.map((r) => [r.code, { name: r.name, prefectureName: r.pref }])),
  };
}

/** 「千葉県松戸市」→ '12207' when registered; wards of designated cities fall back to the city. */
export function resolveMunicipality(byName: Map<string, string>, value: string): string | null {
  const key = normalizeForSearch(value);
  const direct = byName.get(key);
  if (direct) return direct;
  const city = key.match(/^(.+?市).+区$/u)?.[1];
  if (city) return byName.get(city) ?? null;
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
    municipalityCode: resolveMunicipality(munis.byName, municipalityText),
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

/** Rows written together: a batch reads its organisations, offices and services in one statement
 *  each and inserts what is new in one statement per table (not 2–5 statements per row). */
const BATCH_ROWS = 250;

/** The WAM fields of a service: only what WAM publishes (capabilities, vacancy, ages and areas stay as the office keeps them). */
function wamFieldsOf(r: ParsedRow) {
  return {
    name: r.officeName,
    capacity: r.capacity,
    hours: r.hours,
    openSaturday: r.hours.saturday !== null,
    openSunday: r.hours.sunday !== null,
    openHoliday: r.hours.holiday !== null,
    closedDays: r.closedDays,
    availabilityNote: r.availabilityNote,
  };
}
type WamFields = ReturnType<typeof wamFieldsOf>;
/** The service columns of the WAM fields, as an import reads them to compare. */
const serviceWamColumns = {
  name: service.name,
  capacity: service.capacity,
  hours: service.hours,
  openSaturday: service.openSaturday,
  openSunday: service.openSunday,
  openHoliday: service.openHoliday,
  closedDays: service.closedDays,
  availabilityNote: service.availabilityNote,
} satisfies Record<keyof WamFields, unknown>;
/** WAM fields a service's search columns are made of (listingSearchColumns): changing one means a refresh. */
const SEARCHED_WAM_FIELDS = new Set(['name', 'openSaturday', 'openSunday', 'openHoliday']);

interface Upserter {
  munis: MunicipalityIndex;
  orgIdByNumber: Map<string, string>;
  orgIdByName: Map<string, string>;
  /** Organisations renamed by this run: their offices' search columns are refreshed at the end. */
  renamedOrgs: Set<string>;
  /** Offices already written in this run, by 事業所番号, with the facts their services' search
   *  columns are computed from. One office appears in several service files, whose names may
   *  differ; the first row wins, so re-running the same files changes nothing. */
  offices: Map<string, { id: string; facts: ListingOfficeFacts }>;
  /** Offices created by this run: their services are only those this run inserted (no lookup). */
  newOffices: Set<string>;
  /** `officeId service_type` of the services this run inserted. */
  insertedServices: Set<string>;
  /** Offices whose services' search columns must be recomputed at the end (refreshListingSearch):
   *  the office changed, or a searched field of one of its services did. New services get theirs
   *  when inserted. */
  refresh: Set<string>;
  /** History rows waiting to be written in bulk (flushChanges): one statement per 500 rows, not one per row. */
  changes: (typeof listingChange.$inferInsert)[];
}

/** Writes the buffered history rows. */
async function flushChanges(tx: Tx, u: Upserter) {
  while (u.changes.length) await tx.insert(listingChange).values(u.changes.splice(0, 500));
}

/** The office columns an import compares (officeValues), its id and sector: not the whole row. */
const officeCompared = {
  id: office.id,
  wamOfficeNumber: office.wamOfficeNumber,
  sector: office.sector,
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

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The organisation of each row: found by 法人番号 (or by name without one), created when new. */
async function upsertOrganizations(tx: Tx, u: Upserter, rows: ParsedRow[], now: Date): Promise<(string | null)[]> {
  const numbers = unique(rows.flatMap((r) => (r.org?.number && !u.orgIdByNumber.has(r.org.number) ? [r.org.number] : [])));
  const names = unique(rows.flatMap((r) => (r.org && !r.org.number && !u.orgIdByName.has(r.org.name) ? [r.org.name] : [])));
  const found = new Map<string, { id: string; name: string }>();
  const cols = { id: organization.id, name: organization.name, number: organization.corporateNumber };
  // First match wins, as a lookup of one row would.
  if (numbers.length) for (const o of await tx.select(cols).from(organization).where(inArray(organization.corporateNumber, numbers))) if (!found.has(`#${o.number}`)) found.set(`#${o.number}`, o);
  if (names.length) for (const o of await tx.select(cols).from(organization).where(inArray(organization.name, names))) if (!found.has(o.name)) found.set(o.name, o);
  const created: (typeof organization.$inferInsert)[] = [];
  const renamed: { id: string; name: string; nameKana: string }[] = [];
  const ids = rows.map((r) => {
    if (!r.org) return null;
    const cached = r.org.number ? u.orgIdByNumber.get(r.org.number) : u.orgIdByName.get(r.org.name);
    if (cached) return cached;
    const f = found.get(r.org.number ? `#${r.org.number}` : r.org.name);
    const id = f?.id ?? newId();
    if (!f) created.push({ id, name: r.org.name, nameKana: r.org.kana, corporateNumber: r.org.number });
    else if (f.name !== r.org.name) renamed.push({ id, name: r.org.name, nameKana: r.org.kana });
    if (r.org.number) u.orgIdByNumber.set(r.org.number, id);
    else u.orgIdByName.set(r.org.name, id);
    return id;
  });
  if (created.length) await tx.insert(organization).values(created);
  for (const o of renamed) {
    await tx.update(organization).set({ name: o.name, nameKana: o.nameKana, updatedAt: now }).where(eq(organization.id, o.id));
    u.renamedOrgs.add(o.id);
  }
  return ids;
}

/** The office of each row: created when its 事業所番号 is new, updated when WAM changed it. */
async function upsertOffices(tx: Tx, u: Upserter, rows: ParsedRow[], orgIds: (string | null)[], report: WamImportReport, now: Date): Promise<string[]> {
  const unseen = unique(rows.map((r) => r.officeNumber).filter((n) => !u.offices.has(n)));
  const stored = new Map((unseen.length ? await tx.select(officeCompared).from(office).where(inArray(office.wamOfficeNumber, unseen)) : []).map((o) => [o.wamOfficeNumber!, o]));
  const created: (typeof office.$inferInsert)[] = [];
  const updated: { id: string; values: Record<string, unknown> }[] = [];
  const ids = rows.map((r, i) => {
    const seen = u.offices.get(r.officeNumber);
    if (seen) return seen.id;
    const values = {
      name: r.officeName,
      nameKana: r.officeKana,
      municipalityCode: r.municipalityCode!,
      address: r.address,
      lat: r.lat,
      lon: r.lon,
      phone: r.phone,
      fax: r.fax,
      url: r.url,
      organizationId: orgIds[i]!,
    };
    const o = stored.get(r.officeNumber);
    let id: string;
    let sector: (typeof office.$inferSelect)['sector'];
    if (!o) {
      id = newId();
      sector = findServiceType(r.serviceType)?.sector ?? 'welfare';
      created.push({ id, ...values, sector, wamOfficeNumber: r.officeNumber });
      report.officesInserted++;
      u.newOffices.add(id);
    } else {
      ({ id, sector } = o);
      if (Object.entries(values).some(([k, v]) => !same((o as Record<string, unknown>)[k], v))) {
        updated.push({ id, values });
        report.officesUpdated++;
        u.refresh.add(id);
      }
    }
    const m = u.munis.byCode.get(values.municipalityCode);
    const facts: ListingOfficeFacts = {
      ...values,
      sector,
      municipalityName: m?.name ?? '',
      prefectureName: m?.prefectureName ?? '',
      organizationName: r.org?.name ?? null,
      organizationKana: r.org?.kana ?? null,
    };
    u.offices.set(r.officeNumber, { id, facts });
    return id;
  });
  if (created.length) await tx.insert(office).values(created);
  for (const o of updated) await tx.update(office).set({ ...o.values, updatedAt: now }).where(eq(office.id, o.id));
  return ids;
}

/** Writes one batch of valid rows: organisations, offices, then services and their history. */
async function upsertBatch(tx: Tx, u: Upserter, rows: ParsedRow[], report: WamImportReport, actorLabel: string, now: Date) {
  const orgIds = await upsertOrganizations(tx, u, rows, now);
  const officeIds = await upsertOffices(tx, u, rows, orgIds, report, now);
  const keys = rows.map((r, i) => `${officeIds[i]} ${r.serviceType}`);
  // Services of this batch's offices as stored — but a new office has only what this run inserted.
  const lookup = unique(officeIds.filter((id, i) => !u.newOffices.has(id) || u.insertedServices.has(keys[i]!)));
  const current = new Map<string, { id: string } & { [K in keyof WamFields]: (typeof service.$inferSelect)[K] }>();
  if (lookup.length) {
    const stored = await tx
      .select({ id: service.id, officeId: service.officeId, serviceType: service.serviceType, ...serviceWamColumns })
      .from(service)
      .where(inArray(service.officeId, lookup));
    for (const { officeId, serviceType, ...s } of stored) current.set(`${officeId} ${serviceType}`, s);
  }
  /** Inserted by this batch, by key: a later row of the same key changes the row to insert. */
  const inserts = new Map<string, typeof service.$inferInsert>();
  const updates = new Map<string, { id: string; fields: WamFields }>();
  rows.forEach((r, i) => {
    const officeId = officeIds[i]!;
    const key = keys[i]!;
    const fields = wamFieldsOf(r);
    const s = current.get(key);
    if (!s) {
      const id = newId();
      const base = { serviceType: r.serviceType, ...fields, ...defaultAges(r.serviceType) };
      // The search columns now, from what this run knows of the office: no second write.
      const search = listingSearchColumns(u.offices.get(r.officeNumber)!.facts, { ...base, areasServed: [], careHandled: [] });
      inserts.set(key, { id, officeId, ...base, source: 'wam', wamSyncedAt: now, ...search });
      current.set(key, { id, ...fields });
      u.insertedServices.add(key);
      u.changes.push({ officeId, serviceId: id, actorName: actorLabel, action: 'wam.import', changes: { serviceType: { from: null, to: r.serviceType } } });
      report.inserted++;
      return;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [k, v] of Object.entries(fields)) {
      const before = (s as Record<string, unknown>)[k];
      if (!same(before, v)) changes[k] = { from: before ?? null, to: v };
    }
    if (Object.keys(changes).length === 0) {
      report.unchanged++;
      return;
    }
    current.set(key, { id: s.id, ...fields });
    const pending = inserts.get(key);
    if (pending) Object.assign(pending, fields);
    else updates.set(key, { id: s.id, fields });
    if (pending || Object.keys(changes).some((k) => SEARCHED_WAM_FIELDS.has(k))) u.refresh.add(officeId);
    u.changes.push({ officeId, serviceId: s.id, actorName: actorLabel, action: 'wam.import', changes });
    report.updated++;
  });
  if (inserts.size) await tx.insert(service).values([...inserts.values()]);
  for (const { id, fields } of updates.values()) await tx.update(service).set({ ...fields, wamSyncedAt: now, updatedAt: now }).where(eq(service.id, id));
  if (u.changes.length >= 500) await flushChanges(tx, u);
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
        munis,
        orgIdByNumber: new Map(),
        orgIdByName: new Map(),
        renamedOrgs: new Set(),
        offices: new Map(),
        newOffices: new Set(),
        insertedServices: new Set(),
        refresh: new Set(),
        changes: [],
      };
      const now = new Date();
      let batch: ParsedRow[] = [];
      const writeBatch = async () => {
        // Once a row is rejected the run fails and rolls back: writing more would be wasted.
        if (batch.length && (opts.allowRejections || report.rejected === 0)) await upsertBatch(tx, u, batch, report, opts.actorLabel, now);
        batch = [];
      };
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
            const code = resolveMunicipality(munis.byName, record[COL['事業所住所（市区町村）']] ?? '');
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
          batch.push(parsed);
          if (batch.length >= BATCH_ROWS) await writeBatch();
        }
        await writeBatch();
        opts.onProgress?.({ file: src.name, rows: fileReport.rows });
      }
      if (report.rejected > 0 && !opts.allowRejections) {
        report.error = `${report.rejected} 行に誤りがあるため、何も取り込みませんでした（誤りのある行を除いて取り込むには allowRejections を指定）。`;
        throw new RollbackForReport();
      }
      await flushChanges(tx, u);
      if (u.renamedOrgs.size)
        for (const o of await tx.select({ id: office.id }).from(office).where(inArray(office.organizationId, [...u.renamedOrgs]))) u.refresh.add(o.id);
      const refresh = [...u.refresh];
      for (let i = 0; i < refresh.length; i += 500) await refreshListingSearch(tx, refresh.slice(i, i + 500));
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
