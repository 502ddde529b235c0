// Open Referral HSDS 3.1 view of the directory (docs/directory.md "HSDS mapping").
//   organization  ← organization (法人); an office without one stands as its own organization
//   location      ← office (physical place: address, lat/lon, phone)
//   service       ← service (office × type); capacities = capacity and vacancy; schedules =
//                   weekday/Saturday/Sunday hours; service_areas = areas served
//   attributes    ← medical-care capabilities under our taxonomy `tsunagu-medical-care`
//                   (term per care item, value yes|conditional|no, label = the condition), and the
//                   service type under `tsunagu-service-type`
// Derived records (addresses, phones, schedules, attributes…) get deterministic name-based
// UUIDs, so ids stay stable between exports.
import { createHash } from 'node:crypto';
import { and, asc, count, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { CARE_ITEMS, getCareItem, type CareItemCode } from '../../../shared/domain/care-items.js';
import { SERVICE_TYPES, findServiceType } from '../../../shared/domain/service-types.js';
import type { Db } from '../../db/client.js';
import { municipality, office, organization, service, serviceCareCapability } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { buildSearchConditions } from './search-directory.js';
import { DEFAULT_DIRECTORY_SETTINGS } from './listing-view.js';

export const HSDS_VERSION = '3.1';
export const CARE_TAXONOMY = 'tsunagu-medical-care';
export const SERVICE_TYPE_TAXONOMY = 'tsunagu-service-type';

const NAMESPACE = 'tsunagu:hsds:';
/** A name-based UUID (version 5 layout, SHA-1), stable for the same name. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(NAMESPACE + name).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export const careTaxonomy = () => ({
  id: stableUuid(`taxonomy:${CARE_TAXONOMY}`),
  name: CARE_TAXONOMY,
  description: '医療的ケア判定スコア（2021 年報酬改定）の項目。属性の value は yes（対応可）/ conditional（条件付きで可、label に条件）/ no（不可）。',
  version: '2021',
});
export const serviceTypeTaxonomy = () => ({
  id: stableUuid(`taxonomy:${SERVICE_TYPE_TAXONOMY}`),
  name: SERVICE_TYPE_TAXONOMY,
  description: 'サービス種別。2 桁の数字は WAM NET オープンデータのファイル番号、それ以外は tsunagu の種別コード。',
  version: '1',
});

export function careTerm(code: CareItemCode) {
  const item = getCareItem(code);
  const t = careTaxonomy();
  return { id: stableUuid(`term:${CARE_TAXONOMY}:${code}`), code, name: item.label, description: item.description, taxonomy: t.name, taxonomy_id: t.id, language: 'ja' };
}
export function serviceTypeTerm(code: string) {
  const type = findServiceType(code);
  const t = serviceTypeTaxonomy();
  return { id: stableUuid(`term:${SERVICE_TYPE_TAXONOMY}:${code}`), code, name: type?.label ?? code, description: type ? `${type.label}（${type.shortLabel}）` : code, taxonomy: t.name, taxonomy_id: t.id, language: 'ja' };
}
export const allTaxonomyTerms = () => [...CARE_ITEMS.map((c) => careTerm(c.code)), ...SERVICE_TYPES.map((s) => serviceTypeTerm(s.code))];

/**
 * Reversible ids for records that are another row seen differently: the first 32 bits of the
 * source UUID XOR a constant. A service's service_at_location and an office standing as its
 * own organization get distinct ids, and a lookup by id needs no scan.
 */
function xorId(id: string, mask: number): string {
  const head = parseInt(id.slice(0, 8), 16);
  if (!/^[0-9a-f]{8}-/i.test(id) || Number.isNaN(head)) return stableUuid(`xor:${mask}:${id}`);
  return ((head ^ mask) >>> 0).toString(16).padStart(8, '0') + id.slice(8);
}
const SAL_MASK = 0xa5a5a5a5;
const OFFICE_ORG_MASK = 0x5a5a5a5a;
export const salIdOf = (serviceId: string) => xorId(serviceId, SAL_MASK);
export const serviceIdOfSal = (salId: string) => xorId(salId, SAL_MASK);
const officeOrgIdOf = (officeId: string) => xorId(officeId, OFFICE_ORG_MASK);

const CAPACITY_UNIT = { id: stableUuid('unit:person'), name: '人', scheme: 'tsunagu', identifier: 'person' };

export interface Page<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function pageOfHsds<T>(contents: T[], total: number, page: number, perPage: number): Page<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents };
}

type OfficeRow = typeof office.$inferSelect & { municipalityName: string; prefectureName: string };
type ServiceRow = typeof service.$inferSelect;
type OrgRow = typeof organization.$inferSelect;

/** The HSDS organization of an office: its 法人, or the office itself standing alone. */
const orgIdOf = (o: Pick<OfficeRow, 'id' | 'organizationId'>) => o.organizationId ?? officeOrgIdOf(o.id);

const strip = <T extends Record<string, unknown>>(obj: T): T => Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as T;

function phoneOf(number: string | null, owner: Record<string, string>, key: string, description = '代表') {
  return number ? [{ id: stableUuid(`phone:${key}`), number, type: 'voice', description, ...owner }] : [];
}

export function toHsdsLocation(o: OfficeRow) {
  return strip({
    id: o.id,
    location_type: 'physical',
    organization_id: orgIdOf(o),
    name: o.name,
    alternate_name: o.nameKana,
    description: o.description,
    url: o.url,
    latitude: o.lat,
    longitude: o.lon,
    external_identifier: o.wamOfficeNumber,
    external_identifier_type: o.wamOfficeNumber ? 'WAM NET 事業所番号' : null,
    addresses: [
      {
        id: stableUuid(`address:${o.id}`),
        location_id: o.id,
        address_1: o.address ?? '',
        city: o.municipalityName,
        region: o.municipalityCode,
        state_province: o.prefectureName,
        postal_code: o.postalCode ?? '',
        country: 'JP',
        address_type: 'physical',
      },
    ],
    phones: phoneOf(o.phone, { location_id: o.id }, `location:${o.id}`),
  });
}

function schedulesOf(s: ServiceRow) {
  const rows: { key: string; byday: string; text: string | null; note: string }[] = [
    { key: 'weekday', byday: 'MO,TU,WE,TH,FR', text: s.hours.weekday, note: '平日' },
    { key: 'saturday', byday: 'SA', text: s.openSaturday ? (s.hours.saturday ?? '') : null, note: '土曜' },
    { key: 'sunday', byday: 'SU', text: s.openSunday ? (s.hours.sunday ?? '') : null, note: '日曜' },
  ];
  const out: Record<string, unknown>[] = rows
    .filter((r) => r.text !== null)
    .map((r) => {
      const m = r.text?.normalize('NFKC').match(/(\d{1,2}):(\d{2})\s*[~〜ー-]\s*(\d{1,2}):(\d{2})/);
      return strip({
        id: stableUuid(`schedule:${s.id}:${r.key}`),
        service_id: s.id,
        freq: 'WEEKLY',
        wkst: 'MO',
        byday: r.byday,
        opens_at: m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null,
        closes_at: m ? `${m[3]!.padStart(2, '0')}:${m[4]}` : null,
        description: `${r.note}${r.text ? ` ${r.text}` : ''}`,
        notes: s.closedDays ? `定休日: ${s.closedDays}` : null,
      });
    });
  if (s.openHoliday)
    out.push(strip({ id: stableUuid(`schedule:${s.id}:holiday`), service_id: s.id, description: `祝日${s.hours.holiday ? ` ${s.hours.holiday}` : ''}`, notes: '祝日も利用可' }));
  return out;
}

export function toHsdsService(
  s: ServiceRow,
  o: OfficeRow,
  caps: { careItem: string; level: string; note: string | null }[],
  extra: { org?: ReturnType<typeof toHsdsOrganization>; areaNames?: Map<string, string>; full?: boolean } = {},
) {
  const type = findServiceType(s.serviceType);
  const typeTerm = serviceTypeTerm(s.serviceType);
  const attributes = [
    { id: stableUuid(`attr:${s.id}:type`), link_id: s.id, link_type: 'service', link_entity: 'service', taxonomy_term_id: typeTerm.id, taxonomy_term: typeTerm, value: s.serviceType },
    ...caps
      .filter((c) => c.level !== 'unknown' && CARE_ITEMS.some((i) => i.code === c.careItem))
      .map((c) => {
        const term = careTerm(c.careItem as CareItemCode);
        return strip({
          id: stableUuid(`attr:${s.id}:care:${c.careItem}`),
          link_id: s.id,
          link_type: 'service',
          link_entity: 'service',
          taxonomy_term_id: term.id,
          taxonomy_term: term,
          value: c.level,
          label: c.note,
        });
      }),
  ];
  const capacities =
    s.capacity !== null || s.vacancyCount !== null
      ? [
          strip({
            id: stableUuid(`capacity:${s.id}`),
            service_id: s.id,
            unit: CAPACITY_UNIT,
            available: s.vacancyCount ?? 0,
            maximum: s.capacity,
            description: s.vacancyCount === null ? '空き状況は未登録' : `空き ${s.vacancyCount} 人${s.vacancyConfirmedByName ? `（${s.vacancyConfirmedByName} が確認）` : ''}${s.vacancyNote ? ` ${s.vacancyNote}` : ''}`,
            updated: (s.vacancyConfirmedAt ?? s.updatedAt).toISOString(),
          }),
        ]
      : [];
  return strip({
    id: s.id,
    organization_id: orgIdOf(o),
    name: `${s.name ?? o.name}（${type?.label ?? s.serviceType}）`,
    alternate_name: type?.shortLabel,
    description: [type?.label, s.note, s.availabilityNote].filter(Boolean).join('。'),
    url: o.url,
    email: o.email,
    status: 'active',
    minimum_age: s.ageMin,
    maximum_age: s.ageMax,
    assured_date: s.listingConfirmedAt.toISOString().slice(0, 10),
    last_modified: s.updatedAt.toISOString(),
    phones: phoneOf(s.contactPhone ?? o.phone, { service_id: s.id }, `service:${s.id}`),
    schedules: schedulesOf(s),
    service_areas: s.areasServed.map((code) => ({ id: stableUuid(`area:${s.id}:${code}`), service_id: s.id, name: extra.areaNames?.get(code) ?? code, extent_type: 'municipality', extent: code })),
    capacities,
    attributes,
    ...(extra.full
      ? {
          organization: extra.org,
          service_at_locations: [toHsdsServiceAtLocation(s, o)],
        }
      : {}),
  });
}

export function toHsdsServiceAtLocation(s: ServiceRow, o: OfficeRow, withLocation = true) {
  return strip({
    id: salIdOf(s.id),
    service_id: s.id,
    location_id: o.id,
    description: `${o.name}の${findServiceType(s.serviceType)?.label ?? s.serviceType}`,
    location: withLocation ? toHsdsLocation(o) : null,
  });
}

export function toHsdsOrganization(org: OrgRow | null, offices: OfficeRow[], full = false) {
  const first = offices[0];
  const id = org?.id ?? (first ? orgIdOf(first) : stableUuid('org:none'));
  return strip({
    id,
    name: org?.name ?? first?.name ?? '',
    alternate_name: org?.nameKana ?? first?.nameKana,
    description: org ? `${org.name}（事業所 ${offices.length} か所）` : `${first?.name ?? ''}（法人の登録なし）`,
    organization_identifiers: org?.corporateNumber
      ? [{ id: stableUuid(`orgid:${org.id}`), organization_id: org.id, identifier_scheme: 'JP-CN', identifier_type: '法人番号', identifier: org.corporateNumber }]
      : [],
    locations: full ? offices.map(toHsdsLocation) : undefined,
  });
}

// ── Queries ──────────────────────────────────────────────────────────────────

const officeSelect = {
  o: office,
  municipalityName: municipality.name,
  prefectureName: municipality.prefectureName,
};

async function officesById(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, OfficeRow>();
  const rows = await db.select(officeSelect).from(office).innerJoin(municipality, eq(municipality.code, office.municipalityCode)).where(inArray(office.id, ids));
  return new Map(rows.map((r) => [r.o.id, { ...r.o, municipalityName: r.municipalityName, prefectureName: r.prefectureName }]));
}

async function capsOf(db: Db, ids: string[]) {
  const map = new Map<string, { careItem: string; level: string; note: string | null }[]>();
  if (!ids.length) return map;
  const rows = await db.select().from(serviceCareCapability).where(inArray(serviceCareCapability.serviceId, ids));
  for (const r of rows) map.set(r.serviceId, [...(map.get(r.serviceId) ?? []), r]);
  return map;
}

async function municipalityNames(db: Db, services: ServiceRow[]) {
  const codes = [...new Set(services.flatMap((s) => s.areasServed))];
  if (!codes.length) return new Map<string, string>();
  const rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality).where(inArray(municipality.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface HsdsListQuery {
  page: number;
  per_page: number;
  search?: string;
  organization_id?: string;
  taxonomy_term_id?: string;
  taxonomy_id?: string;
  modified_after?: string;
  full?: boolean;
}

function serviceWhere(q: HsdsListQuery): SQL {
  const conds: SQL[] = [];
  if (q.search) conds.push(buildSearchConditions({ q: q.search }, DEFAULT_DIRECTORY_SETTINGS).where);
  if (q.organization_id) {
    // A registered 法人, or an office standing as its own organization (reversible id).
    const standalone = officeOrgIdOf(q.organization_id);
    conds.push(
      sql`${service.officeId} in (select ${office.id} from ${office} where ${office.organizationId} = ${q.organization_id} or (${office.organizationId} is null and ${office.id} = ${standalone}))`,
    );
  }
  if (q.taxonomy_term_id) {
    const term = allTaxonomyTerms().find((t) => t.id === q.taxonomy_term_id);
    conds.push(term ? sql`${service.tags} @> array[${term.taxonomy === CARE_TAXONOMY ? `c:${term.code}` : `t:${term.code}`}]::text[]` : sql`false`);
  }
  if (q.taxonomy_id && q.taxonomy_id !== careTaxonomy().id && q.taxonomy_id !== serviceTypeTaxonomy().id) conds.push(sql`false`);
  if (q.modified_after) conds.push(gte(service.updatedAt, new Date(q.modified_after)));
  return conds.length ? sql.join(conds, sql` and `) : sql`true`;
}

export async function listHsdsServices(db: Db, q: HsdsListQuery) {
  const where = serviceWhere(q);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(service).where(where);
  const rows = await db.select().from(service).where(where).orderBy(asc(service.id)).limit(q.per_page).offset((q.page - 1) * q.per_page);
  return pageOfHsds(await renderServices(db, rows, Boolean(q.full)), n, q.page, q.per_page);
}

async function renderServices(db: Db, rows: ServiceRow[], full: boolean) {
  const offices = await officesById(db, [...new Set(rows.map((r) => r.officeId))]);
  const caps = await capsOf(db, rows.map((r) => r.id));
  const areaNames = await municipalityNames(db, rows);
  const orgs = full ? await orgsById(db, [...new Set([...offices.values()].map((o) => o.organizationId).filter((x): x is string => Boolean(x)))]) : new Map<string, OrgRow>();
  return rows.flatMap((s) => {
    const o = offices.get(s.officeId);
    if (!o) return [];
    const org = full ? toHsdsOrganization(o.organizationId ? (orgs.get(o.organizationId) ?? null) : null, [o]) : undefined;
    return [toHsdsService(s, o, caps.get(s.id) ?? [], { org, areaNames, full })];
  });
}

async function orgsById(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, OrgRow>();
  const rows = await db.select().from(organization).where(inArray(organization.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getHsdsService(db: Db, id: string) {
  const rows = await db.select().from(service).where(eq(service.id, id));
  if (!rows.length) throw notFound('サービス');
  return (await renderServices(db, rows, true))[0]!;
}

export async function listHsdsServiceAtLocations(db: Db, q: HsdsListQuery) {
  const where = serviceWhere(q);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(service).where(where);
  const rows = await db.select().from(service).where(where).orderBy(asc(service.id)).limit(q.per_page).offset((q.page - 1) * q.per_page);
  const offices = await officesById(db, [...new Set(rows.map((r) => r.officeId))]);
  return pageOfHsds(
    rows.flatMap((s) => (offices.get(s.officeId) ? [toHsdsServiceAtLocation(s, offices.get(s.officeId)!, Boolean(q.full))] : [])),
    n,
    q.page,
    q.per_page,
  );
}

export async function getHsdsServiceAtLocation(db: Db, id: string) {
  const [s] = await db.select().from(service).where(eq(service.id, serviceIdOfSal(id)));
  if (!s) throw notFound('サービス提供場所');
  const offices = await officesById(db, [s.officeId]);
  const o = offices.get(s.officeId);
  if (!o) throw notFound('サービス提供場所');
  return toHsdsServiceAtLocation(s, o, true);
}

/**
 * Organizations: the registered 法人 plus, for offices without one, the office standing as
 * its own organization. Ordered by id for stable pages.
 */
export async function listHsdsOrganizations(db: Db, q: HsdsListQuery) {
  const all = await db.execute(sql`
    select id, kind from (
      select ${organization.id} as id, 'org' as kind from ${organization}
      union all
      select ${office.id} as id, 'office' as kind from ${office} where ${office.organizationId} is null
    ) x order by id limit ${q.per_page} offset ${(q.page - 1) * q.per_page}`);
  const rows = ((all as unknown as { rows?: { id: string; kind: string }[] }).rows ?? (all as unknown as { id: string; kind: string }[]));
  const [{ a } = { a: 0 }] = await db.select({ a: count() }).from(organization);
  const [{ b } = { b: 0 }] = await db.select({ b: count() }).from(office).where(isNull(office.organizationId));
  const contents = [];
  for (const r of rows) contents.push(r.kind === 'org' ? await renderOrganization(db, r.id, Boolean(q.full)) : await renderOfficeOrganization(db, r.id, Boolean(q.full)));
  return pageOfHsds(contents, a + b, q.page, q.per_page);
}

async function renderOrganization(db: Db, id: string, full: boolean) {
  const [org] = await db.select().from(organization).where(eq(organization.id, id));
  if (!org) throw notFound('法人');
  const ids = (await db.select({ id: office.id }).from(office).where(eq(office.organizationId, id))).map((r) => r.id);
  const offices = [...(await officesById(db, ids)).values()];
  return toHsdsOrganization(org, offices, full);
}

async function renderOfficeOrganization(db: Db, officeId: string, full: boolean) {
  const offices = [...(await officesById(db, [officeId])).values()];
  if (!offices.length) throw notFound('法人');
  return toHsdsOrganization(null, offices, full);
}

export async function getHsdsOrganization(db: Db, id: string) {
  const [org] = await db.select({ id: organization.id }).from(organization).where(eq(organization.id, id));
  if (org) return renderOrganization(db, id, true);
  // An office standing as its own organization: its id is derived from the office id.
  const [match] = await db.select({ id: office.id }).from(office).where(and(eq(office.id, officeOrgIdOf(id)), isNull(office.organizationId)));
  if (!match) throw notFound('法人');
  return renderOfficeOrganization(db, match.id, true);
}
