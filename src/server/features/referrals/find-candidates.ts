// Loads the matching input from the registry (people feature) and ranks it (matching.ts).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { tokyoDate } from '../../../shared/dates.js';
import { SERVICE_TYPES, findServiceType } from '../../../shared/domain/service-types.js';
import { TOKATSU_MUNICIPALITIES, findTokatsuMunicipality } from '../../../shared/domain/municipalities.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { office, referralOffer, referralServiceOffer, service, serviceCareCapability } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { listMatchingPool } from '../people/people.js';
import { CONSULTANT_WEIGHTS, DISTANCE_ZERO_KM, SERVICE_WEIGHTS } from './matching-weights.js';
import { municipalityDistanceKm, rankConsultants, rankServices, type ConsultantInput, type CoordinatorInput, type ServiceCandidate } from './matching.js';
import { loadCase, requireCaseManager } from './referral-cases.js';
import type { CaseRow } from './referral-views.js';

export async function rankForCase(db: DbOrTx, row: CaseRow) {
  const pool = await listMatchingPool({ db });
  const consultants: ConsultantInput[] = pool
    .filter((p) => p.roles.includes('consultant'))
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      nameKana: p.nameKana,
      offices: p.offices.map((o) => o.name),
      officeMunicipalities: p.offices.map((o) => o.municipalityCode),
      acceptsMedicalCare: p.hasProfile ? p.acceptsMedicalCare : null,
      careItems: p.careItems,
      maxCaseload: p.maxCaseload,
      currentCaseload: p.currentCaseload,
      municipalities: p.municipalities,
      availableDays: p.availableDays,
      declaredGender: p.declaredGender,
      coordinatorTrainingYear: p.coordinatorTrainingYear,
    }));
  const coordinators: CoordinatorInput[] = pool
    .filter((p) => p.roles.includes('coordinator') && p.hasProfile)
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      nameKana: p.nameKana,
      municipalities: p.municipalities,
      backupAvailable: p.backupAvailable,
      maxBackupCases: p.maxBackupCases,
      currentBackupCases: p.currentBackupCases,
    }));
  return rankConsultants({ case: { municipalityCode: row.municipalityCode, careItems: row.careItems, wishes: row.wishes }, consultants, coordinators });
}

/** Services listed per requested type (the best ones; the rest are one directory search away). */
export const SERVICES_PER_TYPE = 10;
/** Upper bound on directory rows read for one case (national-scale data stays cheap). */
const SERVICE_ROWS_MAX = 2000;

/** A type merged into another (医療型児童発達支援 → 児童発達支援, FY2024) is matched as that one. */
export const canonicalType = (code: string) => findServiceType(code)?.mergedInto ?? code;

/** Municipalities whose services can score area points for a case in `code` (within DISTANCE_ZERO_KM). */
export function nearbyMunicipalities(code: string): string[] {
  const near = TOKATSU_MUNICIPALITIES.map((m) => m.code).filter((m) => {
    const d = municipalityDistanceKm(m, code);
    return d !== null && d < DISTANCE_ZERO_KM;
  });
  return [...new Set([code, ...near])];
}

/**
 * Directory services of the requested types that could serve the case: located in or near the
 * case's city, or travelling to it (areas served). Answered by the service table's tags GIN index
 * (m:<city>, area:<city>) and service_type; capabilities in one more query.
 */
export async function loadServiceCandidates(db: DbOrTx, municipalityCode: string, serviceTypes: string[]): Promise<ServiceCandidate[]> {
  if (serviceTypes.length === 0) return [];
  const wanted = new Set(serviceTypes.map(canonicalType));
  const codes = [...new Set([...wanted, ...SERVICE_TYPES.filter((t) => t.mergedInto && wanted.has(t.mergedInto)).map((t) => t.code)])];
  const tags = [...nearbyMunicipalities(municipalityCode).map((m) => `m:${m}`), `area:${municipalityCode}`];
  const rows = await db
    .select({
      id: service.id,
      officeId: service.officeId,
      officeName: office.name,
      officeNameKana: office.nameKana,
      serviceType: service.serviceType,
      municipalityCode: service.municipalityCode,
      vacancyCount: service.vacancyCount,
      vacancyConfirmedAt: service.vacancyConfirmedAt,
      openSaturday: service.openSaturday,
      openSunday: service.openSunday,
      areasServed: service.areasServed,
      ageMin: service.ageMin,
      ageMax: service.ageMax,
    })
    .from(service)
    .innerJoin(office, eq(office.id, service.officeId))
    .where(and(inArray(service.serviceType, codes), sql`${service.tags} && array[${sql.join(tags.map((t) => sql`${t}`), sql`, `)}]::text[]`))
    .orderBy(asc(service.id))
    .limit(SERVICE_ROWS_MAX);
  const caps = new Map<string, Record<string, 'yes' | 'conditional' | 'no'>>();
  if (rows.length) {
    const capRows = await db
      .select({ serviceId: serviceCareCapability.serviceId, careItem: serviceCareCapability.careItem, level: serviceCareCapability.level })
      .from(serviceCareCapability)
      .where(inArray(serviceCareCapability.serviceId, rows.map((r) => r.id)));
    for (const c of capRows) {
      if (c.level === 'unknown') continue; // "unknown" is stated as not stated
      const m = caps.get(c.serviceId) ?? {};
      m[c.careItem] = c.level;
      caps.set(c.serviceId, m);
    }
  }
  return rows.map((r) => ({
    serviceId: r.id,
    officeId: r.officeId,
    officeName: r.officeName,
    officeNameKana: r.officeNameKana,
    serviceType: canonicalType(r.serviceType),
    municipalityCode: r.municipalityCode,
    careCapabilities: caps.get(r.id) ?? {},
    vacancy: r.vacancyCount,
    vacancyUpdatedOn: r.vacancyConfirmedAt ? tokyoDate(r.vacancyConfirmedAt) : null,
    weekendOpen: r.openSaturday || r.openSunday,
    areasServed: r.areasServed,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
  }));
}

/** Ranked services per requested type, best first (eligible ones; ineligible too on request). */
export async function rankServicesForCase(db: DbOrTx, row: CaseRow, opts: { includeIneligible?: boolean; today?: string } = {}) {
  const types = [...new Set(row.servicesWanted.map((s) => canonicalType(s.serviceType)))];
  const pool = await loadServiceCandidates(db, row.municipalityCode, types);
  const today = opts.today ?? tokyoDate();
  const matchCase = { municipalityCode: row.municipalityCode, ageYears: row.ageYears, careItems: row.careItems, wishes: row.wishes };
  return types.map((serviceType) => {
    const ranked = rankServices({ case: matchCase, serviceType, services: pool, today });
    const shown = ranked.filter((s) => opts.includeIneligible || s.eligible).slice(0, SERVICES_PER_TYPE);
    const byId = new Map(pool.map((p) => [p.serviceId, p]));
    return {
      serviceType,
      serviceTypeLabel: findServiceType(serviceType)?.label ?? serviceType,
      total: ranked.length,
      eligibleCount: ranked.filter((s) => s.eligible).length,
      services: shown.map((s) => {
        const p = byId.get(s.serviceId)!;
        return { ...s, municipalityName: findTokatsuMunicipality(p.municipalityCode)?.name ?? null, vacancy: p.vacancy, vacancyUpdatedOn: p.vacancyUpdatedOn };
      }),
    };
  });
}

export async function findCandidates(opts: { db: Db; actor: Actor; caseId: string; includeIneligible?: boolean }) {
  const row = await loadCase(opts.db, opts.caseId);
  requireCaseManager(opts.actor, row);
  const ranking = await rankForCase(opts.db, row);
  const services = await rankServicesForCase(opts.db, row, { includeIneligible: opts.includeIneligible });
  const offers = await opts.db
    .select({ id: referralOffer.id, status: referralOffer.status, candidateId: referralOffer.candidateId })
    .from(referralOffer)
    .where(and(eq(referralOffer.caseId, row.id)))
    .orderBy(desc(referralOffer.createdAt));
  const latest = new Map<string, { id: string; status: (typeof offers)[number]['status'] }>();
  for (const o of offers) if (!latest.has(o.candidateId)) latest.set(o.candidateId, { id: o.id, status: o.status });
  await writeAudit(opts.db, opts.actor.audit, { action: 'referral_case.match', entityType: 'referral_case', entityId: row.id, details: { candidates: ranking.candidates.length, services: services.reduce((n, t) => n + t.total, 0) } });
  const requests = await opts.db
    .select({ id: referralServiceOffer.id, status: referralServiceOffer.status, serviceId: referralServiceOffer.serviceId })
    .from(referralServiceOffer)
    .where(eq(referralServiceOffer.caseId, row.id))
    .orderBy(desc(referralServiceOffer.createdAt));
  const latestRequest = new Map<string, { id: string; status: (typeof requests)[number]['status'] }>();
  for (const q of requests) if (!latestRequest.has(q.serviceId)) latestRequest.set(q.serviceId, { id: q.id, status: q.status });
  const list = ranking.candidates.filter((c) => opts.includeIneligible || c.eligible);
  return {
    caseId: row.id,
    regionAverageCaseload: ranking.regionAverageCaseload,
    weights: { ...CONSULTANT_WEIGHTS },
    consultants: list.map((c) => ({ ...c, existingOffer: latest.get(c.userId) ?? null })),
    serviceWeights: { ...SERVICE_WEIGHTS },
    services: services.map((g) => ({ ...g, services: g.services.map((s) => ({ ...s, existingRequest: latestRequest.get(s.serviceId) ?? null })) })),
  };
}
