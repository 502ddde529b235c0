// Turns service rows (+ their capabilities) into the API shape: labels, vacancy freshness,
// the stale flag. Shared by search, office detail and "my listings".
import { asc, eq, inArray } from 'drizzle-orm';
import { CARE_ITEMS, getCareItem, type CareItemCode } from '../../../shared/domain/care-items.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import type { DbOrTx } from '../../db/client.js';
import { service, serviceCareCapability } from '../../db/schema/index.js';

export interface DirectorySettings {
  vacancyFreshDays: number;
  staleDays: number;
  /** Counts and facets are exact up to this many matches; beyond, total is an estimate (decision 006). */
  countCap?: number;
  /** A broad search's reading-order page walks at most this many rows before it sorts the matches instead (default 10,000). */
  walkLimit?: number;
  /**
   * The directory sample is 1 service in this many (default 64, the share service_sample_idx
   * holds; any other value reads the table without that index). Tests set 1: the sample is then
   * the whole directory, so the sampled path can be checked on a few rows.
   */
  sampleShare?: number;
  /** The database is the embedded PGlite: it has no parallel workers to turn off (one statement less per search). */
  embedded?: boolean;
}

export const DEFAULT_COUNT_CAP = 3_000;
export const DEFAULT_DIRECTORY_SETTINGS: DirectorySettings = { vacancyFreshDays: 14, staleDays: 30, countCap: DEFAULT_COUNT_CAP };

const DAY_MS = 86_400_000;
const CARE_ORDER = new Map(CARE_ITEMS.map((c, i) => [c.code as string, i]));

type ServiceRow = typeof service.$inferSelect;
type CapRow = { serviceId: string; careItem: string; level: string; note: string | null };

export async function capabilitiesOf(db: DbOrTx, serviceIds: string[]) {
  const map = new Map<string, CapRow[]>();
  if (serviceIds.length === 0) return map;
  const rows = await db
    .select({ serviceId: serviceCareCapability.serviceId, careItem: serviceCareCapability.careItem, level: serviceCareCapability.level, note: serviceCareCapability.note })
    .from(serviceCareCapability)
    .where(inArray(serviceCareCapability.serviceId, serviceIds));
  for (const r of rows) map.set(r.serviceId, [...(map.get(r.serviceId) ?? []), r]);
  return map;
}

export async function servicesOfOffice(db: DbOrTx, officeId: string) {
  return db.select().from(service).where(eq(service.officeId, officeId)).orderBy(asc(service.serviceType));
}

export function toServiceView(s: ServiceRow, caps: CapRow[], settings: DirectorySettings, now = Date.now()) {
  const type = findServiceType(s.serviceType);
  const capabilities = caps
    .filter((c) => CARE_ORDER.has(c.careItem))
    .sort((a, b) => CARE_ORDER.get(a.careItem)! - CARE_ORDER.get(b.careItem)!)
    .map((c) => ({
      careItem: c.careItem as CareItemCode,
      label: getCareItem(c.careItem as CareItemCode).label,
      level: c.level as 'yes' | 'conditional' | 'no' | 'unknown',
      note: c.note,
    }));
  const confirmedAt = s.vacancyConfirmedAt;
  const ageDays = confirmedAt ? Math.floor((now - confirmedAt.getTime()) / DAY_MS) : null;
  return {
    id: s.id,
    officeId: s.officeId,
    serviceType: s.serviceType,
    serviceTypeLabel: type?.label ?? s.serviceType,
    serviceTypeShortLabel: type?.shortLabel ?? s.serviceType,
    name: s.name,
    capacity: s.capacity,
    vacancy: {
      count: s.vacancyCount,
      confirmedAt: confirmedAt?.toISOString() ?? null,
      confirmedByName: s.vacancyConfirmedByName,
      note: s.vacancyNote,
      isFresh: ageDays !== null && now - confirmedAt!.getTime() <= settings.vacancyFreshDays * DAY_MS,
      ageDays,
    },
    ageMin: s.ageMin,
    ageMax: s.ageMax,
    hours: s.hours,
    openSaturday: s.openSaturday,
    openSunday: s.openSunday,
    openHoliday: s.openHoliday,
    closedDays: s.closedDays,
    availabilityNote: s.availabilityNote,
    areasServed: s.areasServed,
    contactPhone: s.contactPhone,
    note: s.note,
    capabilities,
    careHandled: capabilities.filter((c) => c.level === 'yes' || c.level === 'conditional').map((c) => c.careItem),
    source: s.source,
    wamSyncedAt: s.wamSyncedAt?.toISOString() ?? null,
    listingConfirmedAt: s.listingConfirmedAt.toISOString(),
    stale: now - s.listingConfirmedAt.getTime() > settings.staleDays * DAY_MS,
    updatedAt: s.updatedAt.toISOString(),
  };
}
export type ServiceView = ReturnType<typeof toServiceView>;
