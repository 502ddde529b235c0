// The search columns of a service row (decision 006). Everything GET /api/offices filters on
// is copied onto the service row, so a search touches one table and its indexes:
// - tags: one GIN-indexed text[] for every equality filter (municipality, sector, type, care
//   item handled, open day, age band, area served);
// - care_mask: the handled care items as bits, for facet counts in a single pass;
// - search_text / search_name: normalised text (normalizeForSearch), fields separated by '\n'
//   so a query term never matches across two fields; jp_bigrams(search_text) is indexed.
import { eq, inArray } from 'drizzle-orm';
import { CARE_ITEM_CODES, type CareItemCode } from '../../../shared/domain/care-items.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { normalizeForSearch } from '../../../shared/text/normalize.js';
import type { DbOrTx } from '../../db/client.js';
import { municipality, office, organization, service, serviceCareCapability } from '../../db/schema/index.js';
import { canonicalJson } from '../../lib/audit.js';

/**
 * Age bands for the tags index (lower bounds): 0–2, 3–5, 6–11, 12–14, 15–17, 18+. A query age
 * picks its band from the index; the exact age_min/age_max bound is rechecked in SQL. Bands
 * keep the tags array short (a 0–18 service has 6 tags, not 19).
 */
export const AGE_BANDS = [0, 3, 6, 12, 15, 18] as const;

export interface ListingOfficeFacts {
  name: string;
  nameKana: string;
  sector: string;
  municipalityCode: string;
  municipalityName: string;
  prefectureName: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  organizationName: string | null;
  organizationKana: string | null;
}

export interface ListingServiceFacts {
  serviceType: string;
  name: string | null;
  ageMin: number | null;
  ageMax: number | null;
  openSaturday: boolean;
  openSunday: boolean;
  openHoliday: boolean;
  areasServed: string[];
  /** Care items whose level is yes or conditional. */
  careHandled: readonly string[];
}

export const careBit = (code: string): number => {
  const i = CARE_ITEM_CODES.indexOf(code as CareItemCode);
  return i < 0 ? 0 : 1 << i;
};

export function ageTag(age: number): string {
  let band: number = AGE_BANDS[0];
  for (const b of AGE_BANDS) if (age >= b) band = b;
  return `a:${band}`;
}

export function listingSearchColumns(o: ListingOfficeFacts, s: ListingServiceFacts) {
  const type = findServiceType(s.serviceType);
  const tags = new Set<string>([`m:${o.municipalityCode}`, `s:${o.sector}`, `t:${s.serviceType}`]);
  let careMask = 0;
  for (const c of s.careHandled) {
    tags.add(`c:${c}`);
    careMask |= careBit(c);
  }
  if (s.openSaturday) tags.add('o:sat');
  if (s.openSunday) tags.add('o:sun');
  if (s.openHoliday) tags.add('o:holiday');
  const lo = s.ageMin ?? 0;
  const hi = s.ageMax ?? 200;
  AGE_BANDS.forEach((b, i) => {
    const end = AGE_BANDS[i + 1] ?? 200;
    if (lo < end && hi >= b) tags.add(`a:${b}`);
  });
  for (const m of s.areasServed) tags.add(`area:${m}`);
  const norm = (v: string | null | undefined) => (v ? normalizeForSearch(v) : '');
  const fields = [
    o.name,
    o.nameKana,
    s.name,
    `${o.prefectureName}${o.municipalityName}${o.address ?? ''}`,
    type?.label,
    type?.shortLabel,
    o.organizationName,
    o.organizationKana,
  ];
  return {
    municipalityCode: o.municipalityCode,
    sector: o.sector,
    lat: o.lat,
    lon: o.lon,
    sortKana: normalizeForSearch(o.nameKana),
    tags: [...tags],
    careMask,
    searchName: [o.name, o.nameKana, s.name].map(norm).filter(Boolean).join('\n'),
    searchText: fields.map(norm).filter(Boolean).join('\n'),
  };
}

/** Recomputes the search columns of every service of the given offices (after any edit). */
export async function refreshListingSearch(tx: DbOrTx, officeIds: string[]) {
  if (officeIds.length === 0) return;
  const offices = await tx
    .select({
      id: office.id,
      name: office.name,
      nameKana: office.nameKana,
      sector: office.sector,
      municipalityCode: office.municipalityCode,
      municipalityName: municipality.name,
      prefectureName: municipality.prefectureName,
      address: office.address,
      lat: office.lat,
      lon: office.lon,
      organizationName: organization.name,
      organizationKana: organization.nameKana,
    })
    .from(office)
    .innerJoin(municipality, eq(municipality.code, office.municipalityCode))
    .leftJoin(organization, eq(organization.id, office.organizationId))
    .where(inArray(office.id, officeIds));
  const byId = new Map(offices.map((o) => [o.id, o]));
  const services = await tx.select().from(service).where(inArray(service.officeId, officeIds));
  if (services.length === 0) return;
  const caps = await tx
    .select({ serviceId: serviceCareCapability.serviceId, careItem: serviceCareCapability.careItem, level: serviceCareCapability.level })
    .from(serviceCareCapability)
    .where(inArray(serviceCareCapability.serviceId, services.map((s) => s.id)));
  const handled = new Map<string, string[]>();
  for (const c of caps) if (c.level === 'yes' || c.level === 'conditional') handled.set(c.serviceId, [...(handled.get(c.serviceId) ?? []), c.careItem]);
  for (const s of services) {
    const o = byId.get(s.officeId);
    if (!o) continue;
    const cols = listingSearchColumns(o, { ...s, careHandled: handled.get(s.id) ?? [] });
    // Unchanged columns are not rewritten: a new row version means new entries in every index.
    if (Object.entries(cols).every(([k, v]) => canonicalJson(v) === canonicalJson((s as Record<string, unknown>)[k]))) continue;
    await tx.update(service).set(cols).where(eq(service.id, s.id));
  }
}
