// Dashboard services (issue #8): one section, all sections, one figure as CSV. Each read is
// written to the access log (aggregates only: no client id) with the area and the viewer scope.
import { ANALYTICS_SECTION_LABELS, ANALYTICS_SECTIONS, FIGURE_IDS, TREND_METRICS, suppressedMarker, type AnalyticsQuery, type AnalyticsSection, type Cell, type DashboardResponse, type Figure, type FigureId, type SectionResponse } from '../../../shared/contracts/analytics.js';
import type { Db } from '../../db/client.js';
import { hasRole, type Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { toCsv } from '../../lib/csv.js';
import { listIndicators, indicatorTrend } from '../surveys/results.js';
import { resolveQuery, type ResolvedQuery } from './area.js';
import { loadAttendance, loadClientFacts, loadPeople, loadReferralNeeds, loadReferrals, loadSupply } from './analytics-facts.js';
import { BUILDERS, GAP_SERVICE_TYPES, type Facts } from './build-figures.js';
import { FIGURE_TEXT } from './figure-definitions.js';
import { TREND_METRIC_INFO } from './trend-metrics.js';
import type { Viewer } from './suppression.js';

export interface AnalyticsConfig {
  suppressBelow: number;
  vacancyFreshDays: number;
}

/** Exact counts only for an official's own municipality (decision 013). */
export function viewerOf(actor: Pick<Actor, 'roles' | 'municipalityCode'>, config: AnalyticsConfig): Viewer {
  return { detailMunicipality: hasRole(actor, 'official') ? actor.municipalityCode : null, threshold: config.suppressBelow };
}

/** Loads only what the sections need (one query set per source). */
export async function loadFacts(db: Db, r: ResolvedQuery, sections: readonly AnalyticsSection[], config: AnalyticsConfig): Promise<Facts> {
  const has = (...s: AnalyticsSection[]) => s.some((x) => sections.includes(x));
  const facts: Facts = {};
  const cf = await loadClientFacts(db, r, { clients: has('demand', 'gaps', 'people'), needs: has('demand'), power: has('preparedness') });
  facts.clients = cf.clients;
  facts.planNeeds = cf.planNeeds;
  facts.power = cf.power;
  if (has('demand')) facts.referralNeeds = await loadReferralNeeds(db, r);
  if (has('supply')) facts.supply = await loadSupply(db, r, config.vacancyFreshDays, true);
  else if (has('gaps')) facts.supply = await loadSupply(db, r, config.vacancyFreshDays, true, { careTypes: GAP_SERVICE_TYPES });
  if (has('people')) facts.people = await loadPeople(db, r);
  if (has('referrals')) facts.referrals = await loadReferrals(db, r);
  if (has('network')) {
    facts.attendance = await loadAttendance(db, r);
    const inds = (await listIndicators({ db })).items;
    facts.indicators = [];
    for (const ind of inds) {
      const t = await indicatorTrend({ db, id: ind.id });
      facts.indicators.push({ name: ind.name, points: t.points.filter((p) => p.date.slice(0, 10) <= r.to).map((p) => ({ date: p.date, title: p.surveyTitle, responses: p.responses, positiveShare: p.positiveShare, suppressed: p.suppressed })) });
    }
  }
  return facts;
}

export function buildSection(section: AnalyticsSection, facts: Facts, r: ResolvedQuery, viewer: Viewer, tookMs = 0): SectionResponse {
  return {
    section,
    title: ANALYTICS_SECTION_LABELS[section],
    area: r.area,
    asOf: r.asOf,
    period: { from: r.from, to: r.to },
    viewer: { detailMunicipality: viewer.detailMunicipality, suppressBelow: viewer.threshold, marker: suppressedMarker(viewer.threshold) },
    figures: BUILDERS[section](facts, { r, viewer }),
    tookMs,
  };
}

const audit = (db: Db, actor: Actor, action: string, r: ResolvedQuery, viewer: Viewer, details: Record<string, unknown>) =>
  writeAudit(db, actor.audit, { action, entityType: 'analytics', details: { area: r.area.area, municipalities: r.codes.length <= 20 ? r.codes : r.codes.length, asOf: r.asOf, from: r.from, to: r.to, detailMunicipality: viewer.detailMunicipality, ...details } });

export async function getAnalyticsSection(opts: { db: Db; actor: Actor; config: AnalyticsConfig; section: AnalyticsSection; query: AnalyticsQuery }): Promise<SectionResponse> {
  const t0 = performance.now();
  const r = await resolveQuery(opts.db, opts.query);
  const viewer = viewerOf(opts.actor, opts.config);
  const facts = await loadFacts(opts.db, r, [opts.section], opts.config);
  await audit(opts.db, opts.actor, 'analytics.read', r, viewer, { section: opts.section });
  return buildSection(opts.section, facts, r, viewer, Math.round(performance.now() - t0));
}

export async function getAnalyticsDashboard(opts: { db: Db; actor: Actor; config: AnalyticsConfig; query: AnalyticsQuery }): Promise<DashboardResponse> {
  const t0 = performance.now();
  const r = await resolveQuery(opts.db, opts.query);
  const viewer = viewerOf(opts.actor, opts.config);
  const facts = await loadFacts(opts.db, r, ANALYTICS_SECTIONS, opts.config);
  await audit(opts.db, opts.actor, 'analytics.read', r, viewer, { section: 'all' });
  const took = Math.round(performance.now() - t0);
  const sections = ANALYTICS_SECTIONS.map((s) => buildSection(s, facts, r, viewer, took));
  return { area: r.area, asOf: r.asOf, period: { from: r.from, to: r.to }, viewer: sections[0]!.viewer, sections };
}

const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : typeof c === 'boolean' ? (c ? '○' : '') : String(c));

/** A figure as CSV: definition lines first (what, source, as of), then the same cells as the screen. */
export function figureCsv(f: Figure, areaLabel: string): string {
  const lines: string[][] = [
    [`# ${f.title}`],
    [`# 地域: ${areaLabel}`],
    [`# 数えているもの: ${f.definition.counts}`],
    [`# データ: ${f.definition.source}`],
    [`# 基準日: ${f.definition.asOf}${f.definition.period ? `（期間 ${f.definition.period.from}〜${f.definition.period.to}）` : ''}`],
    ...f.definition.notes.map((n) => [`# ${n}`]),
    f.columns.map((c) => c.label),
    ...f.rows.map((r) => f.columns.map((c) => cellText(r[c.key]))),
  ];
  return toCsv(lines);
}

export async function exportFigureCsv(opts: { db: Db; actor: Actor; config: AnalyticsConfig; figure: FigureId; query: AnalyticsQuery }) {
  const r = await resolveQuery(opts.db, opts.query);
  const viewer = viewerOf(opts.actor, opts.config);
  const section = FIGURE_TEXT[opts.figure].section;
  const facts = await loadFacts(opts.db, r, [section], opts.config);
  const f = buildSection(section, facts, r, viewer).figures.find((x) => x.id === opts.figure)!;
  await audit(opts.db, opts.actor, 'analytics.export', r, viewer, { figure: opts.figure, format: 'CSV' });
  return { filename: `${f.title.replace(/[\\/:*?"<>|（）() ]+/g, '_')}_${r.asOf}.csv`, body: figureCsv(f, r.area.label) };
}

export function metricCatalogue() {
  return {
    items: TREND_METRICS.map((m) => TREND_METRIC_INFO[m]),
    figures: FIGURE_IDS.map((id) => ({ id, section: FIGURE_TEXT[id].section, title: FIGURE_TEXT[id].title })),
  };
}
