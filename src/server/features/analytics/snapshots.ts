// Monthly snapshots (issue #8 item 2): the metrics of every municipality for a month, kept so
// each figure can be shown over time and two months compared. snapshotAnalytics is idempotent:
// taking a month again replaces its rows in one transaction (same data → same rows).
import { and, asc, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { TREND_METRICS, suppressedMarker, type Cell, type CompareResponse, type Snapshot, type TrendMetric, type TrendsResponse } from '../../../shared/contracts/analytics.js';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../../../shared/calendar-date.js';
import { tokyoDate } from '../../../shared/dates.js';
import { isSmallCount } from '../../../shared/domain/analytics-metrics.js';
import type { Db } from '../../db/client.js';
import { analyticsSnapshot, analyticsSnapshotValue } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodic, withAdvisoryLock } from '../../lib/periodic.js';
import { resolveArea, type ResolvedQuery } from './area.js';
import { loadFacts, viewerOf, type AnalyticsConfig } from './analytics-views.js';
import { ANALYTICS_SECTIONS } from '../../../shared/contracts/analytics.js';
import { TREND_METRIC_INFO, additiveValues, regionalValues } from './trend-metrics.js';
import type { Viewer } from './suppression.js';

/** Distinct from the other advisory locks (migration 742617000, audit …001, referrals …004, evacuation …007). */
const SNAPSHOT_LOCK_KEY = 742617013;

const monthStart = (month: string): IsoDate => `${month}-01`;
const monthEnd = (month: string): IsoDate => addDays(addMonths(monthStart(month), 1), -1);

const serialize = (s: typeof analyticsSnapshot.$inferSelect): Snapshot => ({ month: s.month, asOf: s.asOf, takenAt: s.takenAt.toISOString(), rows: s.rowCount });

/**
 * Takes (or retakes) the snapshot of `month`: metrics as of the month's last day (or today for
 * the current month), flows within the month, for every municipality in the database, plus the
 * 東葛 region-wide statistics under scope 'region'.
 */
export async function snapshotAnalytics(opts: { db: Db; config: AnalyticsConfig; month: string; actor?: Actor; today?: IsoDate }): Promise<Snapshot> {
  const today = opts.today ?? tokyoDate();
  if (compareIsoDates(monthStart(opts.month), today) > 0)
    throw new AppError('VALIDATION_FAILED', '月: まだ始まっていない月のスナップショットは取れません', { fields: [{ field: 'month', label: '月', message: '月: まだ始まっていない月のスナップショットは取れません' }] });
  const end = monthEnd(opts.month);
  const asOf = compareIsoDates(end, today) > 0 ? today : end;
  const all = await resolveArea(opts.db, 'all');
  const r: ResolvedQuery = { area: all, codes: all.municipalities.map((m) => m.code), unit: 'municipality', units: all.municipalities, asOf, from: monthStart(opts.month), to: asOf, waitingDays: 30 };
  const facts = await loadFacts(opts.db, r, ANALYTICS_SECTIONS, opts.config);
  const values = additiveValues(facts, r);
  // Region-wide statistics: the council's region (東葛).
  const region = await resolveArea(opts.db, 'region');
  const rr: ResolvedQuery = { ...r, area: region, codes: region.municipalities.map((m) => m.code), units: region.municipalities };
  const regional = regionalValues(await loadFacts(opts.db, rr, ['people', 'referrals', 'network'], opts.config));
  const rows: (typeof analyticsSnapshotValue.$inferInsert)[] = [];
  for (const [m, mv] of values) for (const [metric, value] of mv) if (value !== 0) rows.push({ month: opts.month, scope: m, metric, value });
  for (const [metric, value] of regional) rows.push({ month: opts.month, scope: 'region', metric, value });
  const snap = await opts.db.transaction(async (tx) => {
    await tx.delete(analyticsSnapshot).where(eq(analyticsSnapshot.month, opts.month));
    const [s] = await tx.insert(analyticsSnapshot).values({ month: opts.month, asOf, rowCount: rows.length }).returning();
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(analyticsSnapshotValue).values(rows.slice(i, i + 1000));
    if (opts.actor) await writeAudit(tx, opts.actor.audit, { action: 'analytics.snapshot', entityType: 'analytics_snapshot', entityId: opts.month, details: { rows: rows.length, asOf } });
    return s!;
  });
  return serialize(snap);
}

export async function listSnapshots(opts: { db: Db }): Promise<Snapshot[]> {
  return (await opts.db.select().from(analyticsSnapshot).orderBy(desc(analyticsSnapshot.month))).map(serialize);
}

/** Sums an area's additive values and suppresses client counts unless the area is the viewer's own city. */
export function areaValue(metric: TrendMetric, perScope: Map<string, number>, codes: string[], viewer: Viewer, isRegion: boolean): Cell {
  const info = TREND_METRIC_INFO[metric];
  if (info.kind === 'regional') return isRegion ? (perScope.get('region') ?? null) : null;
  const n = codes.reduce((s, c) => s + (perScope.get(c) ?? 0), 0);
  const own = codes.length === 1 && codes[0] === viewer.detailMunicipality;
  return info.clientCount && !own && isSmallCount(n, viewer.threshold) ? suppressedMarker(viewer.threshold) : n;
}

async function loadValues(db: Db, months: string[], metrics: TrendMetric[], codes: string[]) {
  if (!months.length || !metrics.length) return new Map<string, Map<string, Map<string, number>>>();
  const rows = await db
    .select()
    .from(analyticsSnapshotValue)
    .where(and(inArray(analyticsSnapshotValue.month, months), inArray(analyticsSnapshotValue.metric, metrics), inArray(analyticsSnapshotValue.scope, [...codes, 'region'])));
  const out = new Map<string, Map<string, Map<string, number>>>(); // month → metric → scope → value
  for (const r of rows) {
    const byMetric = out.get(r.month) ?? new Map<string, Map<string, number>>();
    out.set(r.month, byMetric);
    const byScope = byMetric.get(r.metric) ?? new Map<string, number>();
    byMetric.set(r.metric, byScope);
    byScope.set(r.scope, r.value);
  }
  return out;
}

const trendDefinition = (viewer: Viewer, from: string, to: string) => ({
  counts: '月次スナップショット（毎月、月末時点の値と月内の件数）を地域の市区町村で合計した値。「（東葛）」の指標は東葛地域全体の値で、地域を東葛にしたときだけ表示します。',
  source: '月次スナップショット（各図表と同じ集計）',
  asOf: to,
  period: { from, to },
  notes: [`人数が1〜${viewer.threshold - 1}人の値は、その市の行政職員以外には「<${viewer.threshold}」と表示します。`],
});

export async function getTrends(opts: { db: Db; actor: Actor; config: AnalyticsConfig; query: { area: string; metrics?: string; from?: string; to?: string } }): Promise<TrendsResponse> {
  const area = await resolveArea(opts.db, opts.query.area);
  const codes = area.municipalities.map((m) => m.code);
  const metrics = (opts.query.metrics ? opts.query.metrics.split(',').map((s) => s.trim()) : [...TREND_METRICS]) as TrendMetric[];
  const bad = metrics.filter((m) => !TREND_METRICS.includes(m));
  if (bad.length) throw new AppError('VALIDATION_FAILED', `指標: ${bad.join('、')} は指標の一覧にありません`, { fields: [{ field: 'metrics', label: '指標', message: `指標: ${bad.join('、')} は指標の一覧にありません` }] });
  const snaps = await opts.db
    .select({ month: analyticsSnapshot.month })
    .from(analyticsSnapshot)
    .where(and(opts.query.from ? gte(analyticsSnapshot.month, opts.query.from) : undefined, opts.query.to ? lte(analyticsSnapshot.month, opts.query.to) : undefined))
    .orderBy(asc(analyticsSnapshot.month));
  const months = snaps.map((s) => s.month);
  const values = await loadValues(opts.db, months, metrics, codes);
  const viewer = viewerOf(opts.actor, opts.config);
  const isRegion = opts.query.area === 'region';
  await writeAudit(opts.db, opts.actor.audit, { action: 'analytics.trends', entityType: 'analytics', details: { area: opts.query.area, metrics, months: months.length } });
  return {
    area,
    viewer: { detailMunicipality: viewer.detailMunicipality, suppressBelow: viewer.threshold, marker: suppressedMarker(viewer.threshold) },
    months,
    series: metrics.map((metric) => ({
      metric,
      label: TREND_METRIC_INFO[metric].label,
      section: TREND_METRIC_INFO[metric].section,
      points: months.map((month) => ({ month, value: areaValue(metric, values.get(month)?.get(metric) ?? new Map(), codes, viewer, isRegion) })),
    })),
    definition: trendDefinition(viewer, months[0] ?? '', months.at(-1) ?? ''),
  };
}

export async function compareSnapshots(opts: { db: Db; actor: Actor; config: AnalyticsConfig; query: { area: string; a: string; b: string } }): Promise<CompareResponse> {
  const area = await resolveArea(opts.db, opts.query.area);
  const codes = area.municipalities.map((m) => m.code);
  const found = await opts.db.select({ month: analyticsSnapshot.month }).from(analyticsSnapshot).where(inArray(analyticsSnapshot.month, [opts.query.a, opts.query.b]));
  for (const [k, m, label] of [['a', opts.query.a, '比較元の月'], ['b', opts.query.b, '比較先の月']] as const)
    if (!found.some((f) => f.month === m)) throw new AppError('VALIDATION_FAILED', `${label}: ${m} のスナップショットがありません`, { fields: [{ field: k, label, message: `${label}: ${m} のスナップショットがありません` }] });
  const values = await loadValues(opts.db, [opts.query.a, opts.query.b], [...TREND_METRICS], codes);
  const viewer = viewerOf(opts.actor, opts.config);
  await writeAudit(opts.db, opts.actor.audit, { action: 'analytics.compare', entityType: 'analytics', details: { area: opts.query.area, a: opts.query.a, b: opts.query.b } });
  return { area, viewer: { detailMunicipality: viewer.detailMunicipality, suppressBelow: viewer.threshold, marker: suppressedMarker(viewer.threshold) }, a: opts.query.a, b: opts.query.b, rows: compareRows(values.get(opts.query.a), values.get(opts.query.b), codes, viewer, opts.query.area === 'region'), definition: trendDefinition(viewer, opts.query.a, opts.query.b) };
}

type MonthValues = Map<string, Map<string, number>> | undefined;
export function compareRows(a: MonthValues, b: MonthValues, codes: string[], viewer: Viewer, isRegion: boolean) {
  return TREND_METRICS.map((metric) => {
    const va = areaValue(metric, a?.get(metric) ?? new Map(), codes, viewer, isRegion);
    const vb = areaValue(metric, b?.get(metric) ?? new Map(), codes, viewer, isRegion);
    const info = TREND_METRIC_INFO[metric];
    return { metric, label: info.label, section: info.section, a: va, b: vb, change: typeof va === 'number' && typeof vb === 'number' ? Math.round((vb - va) * 10000) / 10000 : null };
  });
}

/** Latest snapshot's values for an area (for "changes since" in reports). */
export async function latestSnapshotValues(db: Db, codes: string[], before?: string) {
  const [s] = await db.select().from(analyticsSnapshot).where(before ? lte(analyticsSnapshot.month, before) : undefined).orderBy(desc(analyticsSnapshot.month)).limit(1);
  if (!s) return null;
  return { month: s.month, values: (await loadValues(db, [s.month], [...TREND_METRICS], codes)).get(s.month) };
}

/**
 * Scheduler: makes sure last month's (complete) and this month's (refreshed daily) snapshots
 * exist. Started through lib/periodic.ts (advisory lock, idempotent; decision 008).
 */
export async function analyticsSnapshotTickOnce(opts: { db: Db; config: AnalyticsConfig; today?: IsoDate }): Promise<string[] | false> {
  const today = opts.today ?? tokyoDate();
  return withAdvisoryLock(opts.db, SNAPSHOT_LOCK_KEY, async (inner) => {
    const taken: string[] = [];
    const thisMonth = today.slice(0, 7);
    const lastMonth = addMonths(`${thisMonth}-01`, -1).slice(0, 7);
    const existing = await inner.select({ month: analyticsSnapshot.month, asOf: analyticsSnapshot.asOf }).from(analyticsSnapshot).where(inArray(analyticsSnapshot.month, [lastMonth, thisMonth]));
    const last = existing.find((e) => e.month === lastMonth);
    if (!last || last.asOf !== monthEnd(lastMonth)) taken.push((await snapshotAnalytics({ db: inner, config: opts.config, month: lastMonth, today })).month);
    const cur = existing.find((e) => e.month === thisMonth);
    if (!cur || cur.asOf !== today) taken.push((await snapshotAnalytics({ db: inner, config: opts.config, month: thisMonth, today })).month);
    return taken;
  });
}

export function startAnalyticsScheduler(opts: { db: Db; config: AnalyticsConfig & { snapshotTickSeconds: number }; logger: Logger }): () => void {
  return startPeriodic({
    name: 'analytics snapshot',
    seconds: opts.config.snapshotTickSeconds,
    firstDelayMs: 30_000,
    logger: opts.logger,
    run: async () => {
      const r = await analyticsSnapshotTickOnce({ db: opts.db, config: opts.config });
      if (r && r.length) opts.logger.info({ months: r }, 'analytics: monthly snapshots taken');
    },
  });
}

