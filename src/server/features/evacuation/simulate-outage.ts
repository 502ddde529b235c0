// The city's outage simulation: "after N hours without power, whose essential devices have
// stopped, and in what order?" Each plan's runtime is precomputed on save, so this is one
// indexed query (municipality, or a lat/lon box around a circle, + runtime < outage) ordered
// by runtime — no per-plan computation at request time (bench/evacuation.ts measures it).
//
// Named rows: only clients whose guardian consented to giving the plan to the city (the row-
// level security policy of migration 0009 filters them for the official). Everyone else
// matching the same conditions is counted, never named (decision 012).
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { DESTINATION_KIND_LABELS, PLAN_STATUS_LABELS, TRANSPORT_LABELS, type SimulationQuery } from '../../../shared/contracts/evacuation.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { evacuationConsent, evacuationPlan, municipality, type PlanListSummary } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAuditMany } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { withSystemContext, withUserContext } from '../clients/client-access.js';
import { writeProvision } from '../clients/team.js';
import { scopesOfItems } from './evacuation-consents.js';
import { statusOf } from './plan-view.js';
import type { EvacuationItem } from '../../../shared/domain/evacuation-recipients.js';

export interface Circle {
  lat: number;
  lon: number;
  radiusKm: number;
}

export interface SimulationFilter {
  outageHours: number;
  /** null = every municipality (system work and the benchmark only). */
  municipalityCodes: string[] | null;
  circle: Circle | null;
  /** Add the city-consent condition explicitly (system context, where RLS does not filter). */
  requireCityConsent?: boolean;
  today?: string;
}

const EARTH_KM = 6371.0088;

/** Great-circle distance (km). */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The lat/lon box around a circle (for the index); the exact distance is checked after. */
export function boxOf(c: Circle) {
  const dLat = (c.radiusKm / (Math.PI * EARTH_KM)) * 180;
  const dLon = dLat / Math.max(0.01, Math.cos((c.lat * Math.PI) / 180));
  return { minLat: c.lat - dLat, maxLat: c.lat + dLat, minLon: c.lon - dLon, maxLon: c.lon + dLon };
}

export interface SimulationRowRaw {
  clientId: string;
  name: string;
  nameKana: string;
  municipalityCode: string;
  municipalityName: string | null;
  runtimeHours: number;
  summary: PlanListSummary;
  lat: number | null;
  lon: number | null;
  status: 'draft' | 'approved';
  reviewDueOn: string | null;
}

/** Earliest to run out first; ties by reading, then id (stable across runs). Ranks from 1. */
export function orderSimulationRows<T extends { runtimeHours: number; nameKana: string; clientId: string }>(rows: T[]): (T & { rank: number })[] {
  return [...rows]
    .sort((a, b) => a.runtimeHours - b.runtimeHours || (a.nameKana < b.nameKana ? -1 : a.nameKana > b.nameKana ? 1 : 0) || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The guardian's active consent to give the plan to the plan's city (same rule as the RLS function). */
export function cityConsentExists(today: string): SQL {
  return sql`exists (select 1 from ${evacuationConsent} ec where ec.client_id = ${evacuationPlan.clientId} and ec.recipient_kind = 'city' and ec.revoked_at is null and (ec.expires_on is null or ec.expires_on >= ${today}) and ec.recipient_municipality_code = ${evacuationPlan.municipalityCode})`;
}

function conditions(f: SimulationFilter, opts: { runtimeBelow: boolean }): SQL | undefined {
  const today = f.today ?? tokyoDate();
  const box = f.circle ? boxOf(f.circle) : null;
  return and(
    sql`${evacuationPlan.runtimeHours} is not null`,
    opts.runtimeBelow ? sql`${evacuationPlan.runtimeHours} < ${f.outageHours}` : undefined,
    f.municipalityCodes ? inArray(evacuationPlan.municipalityCode, f.municipalityCodes) : undefined,
    box ? sql`${evacuationPlan.lat} between ${box.minLat} and ${box.maxLat} and ${evacuationPlan.lon} between ${box.minLon} and ${box.maxLon}` : undefined,
    f.requireCityConsent ? cityConsentExists(today) : undefined,
  );
}

/** The query itself: rows whose essential devices stop before power returns, earliest first. */
export async function querySimulation(tx: Tx | Db, f: SimulationFilter): Promise<SimulationRowRaw[]> {
  const rows = await tx
    .select({
      clientId: evacuationPlan.clientId,
      name: evacuationPlan.name,
      nameKana: evacuationPlan.nameKana,
      municipalityCode: evacuationPlan.municipalityCode,
      municipalityName: municipality.name,
      runtimeHours: evacuationPlan.runtimeHours,
      summary: evacuationPlan.summary,
      lat: evacuationPlan.lat,
      lon: evacuationPlan.lon,
      status: evacuationPlan.status,
      reviewDueOn: evacuationPlan.reviewDueOn,
    })
    .from(evacuationPlan)
    .leftJoin(municipality, eq(municipality.code, evacuationPlan.municipalityCode))
    .where(conditions(f, { runtimeBelow: true }))
    .orderBy(evacuationPlan.runtimeHours, evacuationPlan.nameKana, evacuationPlan.clientId);
  const within = f.circle ? rows.filter((r) => r.lat !== null && r.lon !== null && haversineKm(f.circle!, { lat: r.lat, lon: r.lon }) <= f.circle!.radiusKm) : rows;
  return within as SimulationRowRaw[];
}

async function countMatching(tx: Tx, f: SimulationFilter, runtimeBelow: boolean): Promise<number> {
  if (!f.circle) {
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(evacuationPlan).where(conditions(f, { runtimeBelow }));
    return r?.n ?? 0;
  }
  const rows = await tx.select({ lat: evacuationPlan.lat, lon: evacuationPlan.lon }).from(evacuationPlan).where(conditions(f, { runtimeBelow }));
  return rows.filter((r) => r.lat !== null && r.lon !== null && haversineKm(f.circle!, { lat: r.lat, lon: r.lon }) <= f.circle!.radiusKm).length;
}

/** Municipalities an official may simulate: their own (the consent is to the client's city). */
function areaOf(actor: Pick<Actor, 'municipalityCode'>, requested: string[] | undefined): string[] {
  if (!actor.municipalityCode) throw new AppError('FORBIDDEN', '所属の市区町村が登録されていないため、避難シミュレーションを使えません（管理者に登録を依頼してください）。');
  const codes = requested?.length ? [...new Set(requested)] : [actor.municipalityCode];
  const other = codes.filter((c) => c !== actor.municipalityCode);
  if (other.length) throw new AppError('FORBIDDEN', `自分の市区町村（${actor.municipalityCode}）以外の利用者は、避難シミュレーションに含められません（${other.join('、')}）。`);
  return codes;
}

export type SimulationResult = Awaited<ReturnType<typeof simulateOutage>>;

/**
 * Runs the simulation for an official: named rows within the city consent (RLS), counts of
 * the rest (system work, numbers only), a GeoJSON layer for the map. Each client named is one
 * access-log row; an export (CSV, PDF) is also one provision record per client.
 */
export async function simulateOutage(opts: { db: Db; actor: Actor; query: SimulationQuery; exportAs?: 'CSV' | 'PDF' }) {
  const started = performance.now();
  const codes = areaOf(opts.actor, opts.query.municipalityCodes);
  const circle = opts.query.radiusKm !== undefined ? { lat: opts.query.lat!, lon: opts.query.lon!, radiusKm: opts.query.radiusKm } : null;
  const filter: SimulationFilter = { outageHours: opts.query.outageHours, municipalityCodes: codes, circle };
  const today = tokyoDate();

  // RLS already limits an official to consented clients; the explicit condition also keeps
  // out a client the official sees as a team member without the city consent.
  const consented = { ...filter, requireCityConsent: true, today };
  const named = await withUserContext(opts.db, opts.actor, async (tx) => {
    const raw = await querySimulation(tx, consented);
    const inArea = await countMatching(tx, consented, false);
    const withoutLocation = circle
      ? ((await tx.select({ n: sql<number>`count(*)::int` }).from(evacuationPlan).where(and(inArray(evacuationPlan.municipalityCode, codes), sql`${evacuationPlan.runtimeHours} is not null`, or(isNull(evacuationPlan.lat), isNull(evacuationPlan.lon)))))[0]?.n ?? 0)
      : 0;
    const action = opts.exportAs ? 'evacuation.simulation.export' : 'evacuation.simulation.view';
    await writeAuditMany(tx, opts.actor.audit, raw.map((r) => ({ action, entityType: 'evacuation_plan', entityId: r.clientId, clientId: r.clientId, details: { outageHours: filter.outageHours, format: opts.exportAs ?? 'json' } })));
    if (opts.exportAs && raw.length) {
      // The export leaves the system for the disaster response: a provision under each client's city consent.
      const consents = await tx
        .select()
        .from(evacuationConsent)
        .where(and(inArray(evacuationConsent.clientId, raw.map((r) => r.clientId)), eq(evacuationConsent.recipientKind, 'city'), isNull(evacuationConsent.revokedAt)));
      for (const r of raw) {
        const c = consents.find((k) => k.clientId === r.clientId && k.recipientMunicipalityCode === r.municipalityCode && (!k.expiresOn || k.expiresOn >= today));
        if (!c) continue;
        await writeProvision(tx, {
          clientId: r.clientId,
          kind: 'export',
          recipientName: c.recipientName,
          scopes: scopesOfItems(c.items as EvacuationItem[]),
          items: [`停電シミュレーション ${filter.outageHours}時間（${opts.exportAs}）: 氏名・住所・連絡先・止まるまでの時間・支援者・避難先`],
          consentId: c.id,
          actor: opts.actor,
        });
      }
    }
    return { raw, inArea, withoutLocation };
  });

  // Counted, never named: the same conditions over every plan, as numbers only.
  const everyone = await withSystemContext(opts.db, (tx) => countMatching(tx, filter, true));

  const rows = orderSimulationRows(named.raw).map((r) => {
    const status = statusOf(r, today);
    return {
      rank: r.rank,
      clientId: r.clientId,
      name: r.name,
      nameKana: r.nameKana,
      municipalityCode: r.municipalityCode,
      municipalityName: r.municipalityName,
      runtimeHours: r.runtimeHours,
      shortfallHours: filter.outageHours - r.runtimeHours,
      firstStop: r.summary.firstStop,
      address: r.summary.address,
      phone: r.summary.phone,
      lat: r.lat,
      lon: r.lon,
      supporters: r.summary.supporters,
      destination: {
        kind: r.summary.destination.kind,
        kindLabel: DESTINATION_KIND_LABELS[r.summary.destination.kind as keyof typeof DESTINATION_KIND_LABELS] ?? r.summary.destination.kind,
        name: r.summary.destination.name,
        transport: r.summary.destination.transport.map((t) => TRANSPORT_LABELS[t as keyof typeof TRANSPORT_LABELS] ?? t),
      },
      hasManualAlternative: r.summary.hasManualAlternative,
      status,
      statusLabel: PLAN_STATUS_LABELS[status],
    };
  });
  return {
    outageHours: filter.outageHours,
    municipalityCodes: codes,
    circle,
    asOf: new Date().toISOString(),
    rows,
    counts: { affected: rows.length, affectedWithoutConsent: Math.max(0, everyone - rows.length), plansInArea: named.inArea, withoutLocation: named.withoutLocation },
    geojson: {
      type: 'FeatureCollection' as const,
      features: rows
        .filter((r) => r.lat !== null && r.lon !== null)
        .map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { rank: r.rank, clientId: r.clientId, name: r.name, runtimeHours: r.runtimeHours, firstStop: r.firstStop.join('、') } })),
    },
    elapsedMs: Math.round(performance.now() - started),
  };
}
