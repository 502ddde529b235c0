// Figures from aggregate facts, per viewer (pure: facts in, suppressed figures out). The same
// builders serve the dashboard, the CSV export, the snapshots and the council report.
import type { AnalyticsSection, Cell, Column, Definition, Figure, FigureId } from '../../../shared/contracts/analytics.js';
import { ACCEPTS_CODES, ACCEPTS_LABELS } from '../../../shared/contracts/people.js';
import { DECLINE_REASON_LABELS, SERVICE_DECLINE_REASONS, SERVICE_DECLINE_REASON_LABELS, type DeclineReason } from '../../../shared/contracts/referrals.js';
import { PARTICIPANT_ROLE_LABELS, type ParticipantRole } from '../../../shared/contracts/events.js';
import { gini, histogram, median, per100, percentile, round, topShare } from '../../../shared/domain/analytics-metrics.js';
import { CARE_ITEMS, findCareItem } from '../../../shared/domain/care-items.js';
import { LIFE_STAGES, type LifeStage } from '../../../shared/domain/life-stage.js';
import { findServiceType, getServiceType, type ServiceTypeCode } from '../../../shared/domain/service-types.js';
import type { ResolvedQuery } from './area.js';
import type { CareSupplyCell, ClientCell, FunnelCell, PowerCell, ProviderCell, ReferralNeedCell, SupplyCell } from './analytics-facts.js';
import { FIGURE_TEXT, suppressionNote } from './figure-definitions.js';
import { cellRatio, suppressRows, suppressStat, type Row, type Viewer } from './suppression.js';

export interface Facts {
  clients?: ClientCell[];
  planNeeds?: { m: string; t: string; planned: number; unmet: number }[];
  referralNeeds?: ReferralNeedCell[];
  power?: PowerCell[];
  supply?: { services: SupplyCell[]; care: CareSupplyCell[] };
  people?: { acceptance: { m: string; a: string; n: number; coordinators: number }[]; caseloads: number[] };
  referrals?: { funnel: FunnelCell[]; declines: { m: string; reason: string; n: number }[]; waiting: { m: string; urgency: string; n: number; maxDays: number | null }[]; providers?: ProviderCell[] };
  attendance?: { m: string; role: string; registered: number; attended: number }[];
  indicators?: { name: string; points: { date: string; title: string; responses: number; positiveShare: number | null; suppressed: boolean }[] }[];
}

/** Service types of the gap matrix: the scarce resources the seed names, and the medical ones. */
export const GAP_SERVICE_TYPES: ServiceTypeCode[] = ['24', 'medical_short_stay', '63', '65', '11', '22', '21', 'home_nursing'];
const CHILD_STAGES: LifeStage[] = ['infant', 'preschool', 'elementary', 'junior_high', 'high_school'];
/** Who a service type serves, by life stage (児発: before school; 放デイ: school age; adult-only types: 18+). */
export function eligibleStages(t: ServiceTypeCode): LifeStage[] {
  if (t === '63') return ['infant', 'preschool'];
  if (t === '65') return ['elementary', 'junior_high', 'high_school'];
  const info = getServiceType(t);
  if (info.forChildren === true) return CHILD_STAGES;
  if (info.forChildren === false) return ['adult'];
  return [...CHILD_STAGES, 'adult'];
}
/** Gap matrix rows beyond this many are cut (national "all" area); the most pressing come first. */
export const GAP_ROW_LIMIT = 600;

const col = (key: string, label: string, kind: Column['kind'], clientCount = false): Column => ({ key, label, kind, ...(clientCount ? { clientCount: true } : {}) });
const typeLabel = (t: string) => findServiceType(t)?.label ?? t;
const itemLabel = (c: string) => findCareItem(c)?.label ?? c;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export interface BuildContext {
  r: ResolvedQuery;
  viewer: Viewer;
}

/** National areas are shown per prefecture (the 市区町村 columns then name the prefecture). */
export const PREFECTURE_NOTE = '全国の表示では、行を都道府県ごとにまとめています（「市区町村」の列は都道府県を表します）。';

function definition(id: FigureId, ctx: BuildContext, extra: string[] = []): Definition {
  const t = FIGURE_TEXT[id];
  return {
    counts: t.counts,
    source: t.source,
    asOf: ctx.r.asOf,
    period: t.time === 'asOf' ? null : { from: ctx.r.from, to: ctx.r.to },
    notes: [...t.notes, ...extra, ...(ctx.r.unit === 'prefecture' ? [PREFECTURE_NOTE] : []), suppressionNote(ctx.viewer.threshold)],
  };
}

function figure(id: FigureId, ctx: BuildContext, chart: Figure['chart'], columns: Column[], rows: Row[], opts: { stats?: Record<string, Cell>; highlight?: number[]; hasSuppressed?: boolean; notes?: string[] } = {}): Figure {
  return {
    id,
    section: FIGURE_TEXT[id].section,
    title: FIGURE_TEXT[id].title,
    definition: definition(id, ctx, opts.notes),
    chart,
    columns,
    rows,
    stats: opts.stats ?? {},
    highlight: opts.highlight ?? [],
    hasSuppressed: opts.hasSuppressed ?? false,
  };
}

const muniCols = [col('municipality', '市区町村', 'label'), col('municipalityCode', '市区町村コード', 'code')];
const names = (ctx: BuildContext) => new Map(ctx.r.units.map((m) => [m.code, m.name]));
/** The rows' units: the area's municipalities, or its prefectures for a national area. */
const unitCodes = (ctx: BuildContext) => ctx.r.units.map((u) => u.code);
const TOTAL = '地域計';

// ── demand ──

export function buildDemand(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const clients = f.clients ?? [];
  // Rows: city × care item (incl. 合計) with a column per life stage and a total.
  const stageCols = LIFE_STAGES.map((s) => col(`stage_${s.code}`, s.label, 'count', true));
  const columns = [...muniCols, col('careItem', '医療的ケア', 'label'), col('careItemCode', '医療的ケアのコード', 'code'), ...stageCols, col('total', '計', 'count', true)];
  const items: (string | null)[] = [null, ...CARE_ITEMS.map((c) => c.code)];
  const byKey = new Map<string, number>();
  for (const c of clients) byKey.set(`${c.m}|${c.item ?? ''}|${c.stage}`, (byKey.get(`${c.m}|${c.item ?? ''}|${c.stage}`) ?? 0) + c.n);
  const raw: Row[] = [];
  const present = new Set(clients.map((c) => c.item ?? ''));
  for (const item of items) {
    if (item !== null && !present.has(item)) continue;
    const totals: Record<string, number> = {};
    for (const m of unitCodes(ctx)) {
      const row: Row = { municipality: nm.get(m) ?? m, municipalityCode: m, careItem: item ? itemLabel(item) : '合計（医療的ケアの有無を問わない）', careItemCode: item ?? '' };
      let t = 0;
      for (const s of LIFE_STAGES) {
        const n = byKey.get(`${m}|${item ?? ''}|${s.code}`) ?? 0;
        row[`stage_${s.code}`] = n;
        totals[s.code] = (totals[s.code] ?? 0) + n;
        t += n;
      }
      row.total = t;
      raw.push(row);
    }
    const totalRow: Row = { municipality: TOTAL, municipalityCode: null, careItem: item ? itemLabel(item) : '合計（医療的ケアの有無を問わない）', careItemCode: item ?? '' };
    for (const s of LIFE_STAGES) totalRow[`stage_${s.code}`] = totals[s.code] ?? 0;
    totalRow.total = sum(Object.values(totals));
    raw.push(totalRow);
  }
  const d = suppressRows(raw, columns, ctx.viewer, { groupKeys: ['careItemCode'] });
  const demandClients = figure('demand.clients', ctx, 'stacked_bar', columns, d.rows, { hasSuppressed: d.hasSuppressed });

  // Needs by city × service type.
  const needCols = [...muniCols, col('serviceType', 'サービスの種類', 'label'), col('serviceTypeCode', '種類のコード', 'code'), col('planned', '計画にある人数', 'count', true), col('unmet', 'うち提供先未定', 'count', true), col('requested', '紹介で希望（期間内）', 'count', true), col('waiting', '担当者待ちの紹介（基準日）', 'count', true),
    col('providerSent', '事業所へ紹介（期間内）', 'count', true), col('providerFound', '受け入れ先決定', 'count', true), col('providerWaiting', '受け入れ先待ち（基準日）', 'count', true)];
  const needKeys = ['planned', 'unmet', 'requested', 'waiting', 'providerSent', 'providerFound', 'providerWaiting'] as const;
  const needs = new Map<string, Row>();
  const needRow = (m: string, t: string) => {
    const k = `${m}|${t}`;
    if (!needs.has(k)) needs.set(k, { municipality: nm.get(m) ?? m, municipalityCode: m, serviceType: typeLabel(t), serviceTypeCode: t, ...Object.fromEntries(needKeys.map((k) => [k, 0])) });
    return needs.get(k)!;
  };
  for (const p of f.planNeeds ?? []) Object.assign(needRow(p.m, p.t), { planned: p.planned, unmet: p.unmet });
  for (const p of f.referralNeeds ?? []) Object.assign(needRow(p.m, p.t), { requested: p.requested, waiting: p.waiting, providerSent: p.providerSent, providerFound: p.providerFound, providerWaiting: p.providerWaiting });
  const needRows = [...needs.values()].sort((a, b) => String(a.serviceTypeCode).localeCompare(String(b.serviceTypeCode)) || String(a.municipalityCode).localeCompare(String(b.municipalityCode)));
  const types = [...new Set(needRows.map((r) => String(r.serviceTypeCode)))];
  const withTotals: Row[] = [];
  for (const t of types) {
    const rs = needRows.filter((r) => r.serviceTypeCode === t);
    withTotals.push(...rs, { municipality: TOTAL, municipalityCode: null, serviceType: typeLabel(t), serviceTypeCode: t, ...Object.fromEntries(needKeys.map((k) => [k, sum(rs.map((r) => r[k] as number))])) });
  }
  const n = suppressRows(withTotals, needCols, ctx.viewer, { groupKeys: ['serviceTypeCode'] });
  return [demandClients, figure('demand.needs', ctx, 'bar', needCols, n.rows, { hasSuppressed: n.hasSuppressed })];
}

// ── supply ──

export function buildSupply(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const s = f.supply ?? { services: [], care: [] };
  const cols = [...muniCols, col('serviceType', 'サービスの種類', 'label'), col('serviceTypeCode', '種類のコード', 'code'), col('services', 'サービス数', 'count'), col('capacity', '定員計', 'count'), col('vacancyServices', '空きあり（新しい情報）', 'count'), col('vacancy', '空き（人）', 'count')];
  const rows: Row[] = s.services
    .map((x) => ({ municipality: nm.get(x.m) ?? x.m, municipalityCode: x.m, serviceType: typeLabel(x.t), serviceTypeCode: x.t, services: x.services, capacity: x.capacity, vacancyServices: x.vacancyServices, vacancy: x.vacancy }))
    .sort((a, b) => a.serviceTypeCode.localeCompare(b.serviceTypeCode) || a.municipalityCode.localeCompare(b.municipalityCode));
  const careCols = [...muniCols, col('serviceType', 'サービスの種類', 'label'), col('serviceTypeCode', '種類のコード', 'code'), col('careItem', '医療的ケア', 'label'), col('careItemCode', '医療的ケアのコード', 'code'), col('yes', '対応可', 'count'), col('conditional', '条件付きで可', 'count')];
  const careRows: Row[] = s.care
    .map((x) => ({ municipality: nm.get(x.m) ?? x.m, municipalityCode: x.m, serviceType: typeLabel(x.t), serviceTypeCode: x.t, careItem: itemLabel(x.item), careItemCode: x.item, yes: x.yes, conditional: x.conditional }))
    .sort((a, b) => a.careItemCode.localeCompare(b.careItemCode) || a.serviceTypeCode.localeCompare(b.serviceTypeCode) || a.municipalityCode.localeCompare(b.municipalityCode));
  return [
    figure('supply.services', ctx, 'bar', cols, rows, { stats: { services: sum(s.services.map((x) => x.services)), capacity: sum(s.services.map((x) => x.capacity)), vacancyServices: sum(s.services.map((x) => x.vacancyServices)) } }),
    figure('supply.care', ctx, 'heatmap', careCols, careRows),
  ];
}

// ── gaps ──

export type GapLevel = 'none' | 'high' | 'medium' | 'low';
export function gapLevel(clients: number, supply: number): GapLevel {
  if (supply === 0) return 'none';
  const r = clients / supply;
  return r >= 10 ? 'high' : r >= 3 ? 'medium' : 'low';
}

export function buildGaps(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const demand = new Map<string, number>();
  for (const c of f.clients ?? []) if (c.item) demand.set(`${c.m}|${c.item}|${c.stage}`, (demand.get(`${c.m}|${c.item}|${c.stage}`) ?? 0) + c.n);
  const supply = new Map<string, { yes: number; conditional: number }>();
  for (const s of f.supply?.care ?? []) supply.set(`${s.m}|${s.t}|${s.item}`, { yes: s.yes, conditional: s.conditional });
  const items = [...new Set((f.clients ?? []).filter((c) => c.item).map((c) => c.item!))];
  const raw: (Row & { _clients: number; _supply: number })[] = [];
  for (const m of unitCodes(ctx))
    for (const item of items)
      for (const t of GAP_SERVICE_TYPES) {
        const clients = sum(eligibleStages(t).map((s) => demand.get(`${m}|${item}|${s}`) ?? 0));
        if (clients === 0) continue;
        const sp = supply.get(`${m}|${t}|${item}`) ?? { yes: 0, conditional: 0 };
        const total = sp.yes + sp.conditional;
        raw.push({ careItem: itemLabel(item), careItemCode: item, serviceType: typeLabel(t), serviceTypeCode: t, municipality: nm.get(m) ?? m, municipalityCode: m, clients, yes: sp.yes, conditional: sp.conditional, services: total, ratio: null, level: gapLevel(clients, total), discussFirst: false, _clients: clients, _supply: total });
      }
  // Most pressing first: no supply, then the largest ratio; larger demand breaks ties.
  raw.sort((a, b) => Number(b._supply === 0) - Number(a._supply === 0) || (b._supply ? b._clients / b._supply : 0) - (a._supply ? a._clients / a._supply : 0) || b._clients - a._clients || String(a.municipalityCode).localeCompare(String(b.municipalityCode)));
  const cut = raw.length > GAP_ROW_LIMIT;
  const kept = raw.slice(0, GAP_ROW_LIMIT).map(({ _clients: _c, _supply: _s, ...r }) => r as Row);
  const columns = [col('careItem', '医療的ケア', 'label'), col('careItemCode', '医療的ケアのコード', 'code'), col('serviceType', 'サービスの種類', 'label'), col('serviceTypeCode', '種類のコード', 'code'), ...muniCols, col('clients', '対象の人数（需要）', 'count', true), col('yes', '対応可', 'count'), col('conditional', '条件付きで可', 'count'), col('services', '対応できるサービス（供給）', 'count'), col('ratio', '需要 ÷ 供給', 'ratio'), col('level', '色', 'code'), col('discussFirst', 'まず話し合う', 'flag')];
  const sup = suppressRows(kept, columns, ctx.viewer, { derived: { ratio: (r) => cellRatio(r.clients, r.services, 2) } });
  // Discuss first: the top cells by what the viewer can see (a hidden count ranks as the smallest).
  const highlight: number[] = [];
  sup.rows.forEach((r, i) => {
    if (highlight.length < 10 && (r.level === 'none' || r.level === 'high')) highlight.push(i);
  });
  for (const i of highlight) sup.rows[i]!.discussFirst = true;
  return [figure('gaps.matrix', ctx, 'heatmap', columns, sup.rows, { highlight, hasSuppressed: sup.hasSuppressed, stats: { cells: raw.length, zeroSupply: raw.filter((r) => r._supply === 0).length }, notes: cut ? [`行が多いため、上位${GAP_ROW_LIMIT}行だけを表示しています（全${raw.length}行）。`] : [] })];
}

/** One sentence per highlighted gap: "野田市の人工呼吸器の管理に対応する短期入所: 0か所、7人". */
export function gapText(r: Row): string {
  return `${r.municipality}で${r.careItem}に対応する${r.serviceType}: ${r.services}か所、${r.clients}人`;
}

// ── people ──

export function buildPeople(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const p = f.people ?? { acceptance: [], caseloads: [] };
  const clientsBy = new Map<string, number>();
  for (const c of f.clients ?? []) if (!c.item) clientsBy.set(c.m, (clientsBy.get(c.m) ?? 0) + c.n);
  const accCols = [...muniCols, ...ACCEPTS_CODES.map((a) => col(a, ACCEPTS_LABELS[a], 'count')), col('total', '計', 'count'), col('withBackupShare', '支援があればの割合', 'share')];
  const accRows: Row[] = unitCodes(ctx).map((m) => {
    const row: Row = { municipality: nm.get(m) ?? m, municipalityCode: m };
    for (const a of ACCEPTS_CODES) row[a] = p.acceptance.find((x) => x.m === m && x.a === a)?.n ?? 0;
    row.total = sum(ACCEPTS_CODES.map((a) => row[a] as number));
    row.withBackupShare = cellRatio(row.with_backup, row.total);
    return row;
  });
  const coordCols = [...muniCols, col('coordinators', 'コーディネーター', 'count'), col('clients', '医療的ケア児者', 'count', true), col('per100', '100人あたり', 'number')];
  const coordRaw: Row[] = unitCodes(ctx).map((m) => ({ municipality: nm.get(m) ?? m, municipalityCode: m, coordinators: sum(p.acceptance.filter((x) => x.m === m).map((x) => x.coordinators)), clients: clientsBy.get(m) ?? 0, per100: null }));
  const coord = suppressRows(coordRaw, coordCols, ctx.viewer, { derived: { per100: (r) => (typeof r.clients === 'number' ? round(per100(r.coordinators as number, r.clients), 2) : null) } });
  const loads = p.caseloads;
  const histCols = [col('bucket', '担当件数', 'label'), col('consultants', '人数', 'count')];
  const histRows: Row[] = histogram(loads).map((b) => ({ bucket: b.label, consultants: b.count }));
  const stats = { consultants: loads.length, cases: sum(loads), mean: loads.length ? round(sum(loads) / loads.length, 2) : null, median: median(loads), p90: round(percentile(loads, 0.9), 2), top20Share: round(topShare(loads), 3), gini: round(gini(loads), 3), max: loads.length ? Math.max(...loads) : null };
  return [figure('people.acceptance', ctx, 'stacked_bar', accCols, accRows), figure('people.coordinators', ctx, 'bar', coordCols, coord.rows, { hasSuppressed: coord.hasSuppressed }), figure('people.caseload', ctx, 'histogram', histCols, histRows, { stats })];
}

// ── referrals ──

export function buildReferrals(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const rf = f.referrals ?? { funnel: [], declines: [], waiting: [] };
  const funnelCols = [...muniCols, col('intake', '受付', 'count', true), col('sent', '打診', 'count', true), col('accepted', '承諾', 'count', true), col('assigned', '担当決定', 'count', true), col('assignedShare', '担当決定の割合', 'share')];
  const empty = { intake: 0, sent: 0, accepted: 0, assigned: 0, median: null, p90: null };
  const perCity = unitCodes(ctx).map((m) => ({ ...(rf.funnel.find((x) => x.m === m) ?? empty), m }));
  const total = rf.funnel.find((x) => x.m === null) ?? { ...empty, m: null };
  const funnelRaw: Row[] = [...perCity.map((x) => ({ municipality: nm.get(x.m) ?? x.m, municipalityCode: x.m, intake: x.intake, sent: x.sent, accepted: x.accepted, assigned: x.assigned })), { municipality: TOTAL, municipalityCode: null, intake: total.intake, sent: total.sent, accepted: total.accepted, assigned: total.assigned }];
  const funnel = suppressRows(funnelRaw, funnelCols, ctx.viewer, { derived: { assignedShare: (r) => cellRatio(r.assigned, r.intake) } });
  const timeCols = [...muniCols, col('assigned', '担当決定の件数', 'count', true), col('median', '中央値（日）', 'days'), col('p90', '90パーセンタイル（日）', 'days')];
  const timeRaw: Row[] = [...perCity.map((x) => ({ municipality: nm.get(x.m) ?? x.m, municipalityCode: x.m, assigned: x.assigned, median: suppressStat(round(x.median, 1), x.assigned, x.m, ctx.viewer), p90: suppressStat(round(x.p90, 1), x.assigned, x.m, ctx.viewer) })), { municipality: TOTAL, municipalityCode: null, assigned: total.assigned, median: suppressStat(round(total.median, 1), total.assigned, null, ctx.viewer), p90: suppressStat(round(total.p90, 1), total.assigned, null, ctx.viewer) }];
  const time = suppressRows(timeRaw, timeCols, ctx.viewer);
  const declineCols = [...muniCols, col('reason', '辞退の理由', 'label'), col('reasonCode', '理由のコード', 'code'), col('offers', '辞退の件数', 'count', true)];
  const reasons = [...new Set(rf.declines.map((d) => d.reason))].sort();
  const declineRaw: Row[] = [];
  for (const reason of reasons) {
    const rs = rf.declines.filter((d) => d.reason === reason);
    const label = DECLINE_REASON_LABELS[reason as DeclineReason] ?? reason;
    for (const d of rs) declineRaw.push({ municipality: nm.get(d.m) ?? d.m, municipalityCode: d.m, reason: label, reasonCode: reason, offers: d.n });
    declineRaw.push({ municipality: TOTAL, municipalityCode: null, reason: label, reasonCode: reason, offers: sum(rs.map((d) => d.n)) });
  }
  const declines = suppressRows(declineRaw, declineCols, ctx.viewer, { groupKeys: ['reasonCode'] });
  const waitCols = [...muniCols, col('urgent', '緊急', 'count', true), col('soon', '早めに', 'count', true), col('normal', '通常', 'count', true), col('total', '計', 'count', true), col('maxDays', '最長の待機（日）', 'days')];
  const waitRaw: Row[] = unitCodes(ctx).map((m) => {
    const ws = rf.waiting.filter((w) => w.m === m);
    const n = sum(ws.map((w) => w.n));
    const max = ws.length ? Math.max(...ws.map((w) => Number(w.maxDays ?? 0))) : null;
    return { municipality: nm.get(m) ?? m, municipalityCode: m, urgent: ws.find((w) => w.urgency === 'urgent')?.n ?? 0, soon: ws.find((w) => w.urgency === 'soon')?.n ?? 0, normal: ws.find((w) => w.urgency === 'normal')?.n ?? 0, total: n, maxDays: suppressStat(round(max, 0), n, m, ctx.viewer) };
  });
  const allWaits = rf.waiting;
  const waitTotal = sum(allWaits.map((w) => w.n));
  waitRaw.push({ municipality: TOTAL, municipalityCode: null, urgent: sum(allWaits.filter((w) => w.urgency === 'urgent').map((w) => w.n)), soon: sum(allWaits.filter((w) => w.urgency === 'soon').map((w) => w.n)), normal: sum(allWaits.filter((w) => w.urgency === 'normal').map((w) => w.n)), total: waitTotal, maxDays: suppressStat(allWaits.length ? round(Math.max(...allWaits.map((w) => Number(w.maxDays ?? 0))), 0) : null, waitTotal, null, ctx.viewer) });
  const waiting = suppressRows(waitRaw, waitCols, ctx.viewer);
  const providers = buildProviders(rf.providers ?? [], ctx);
  return [
    figure('referrals.funnel', ctx, 'funnel', funnelCols, funnel.rows, { hasSuppressed: funnel.hasSuppressed }),
    figure('referrals.time', ctx, 'bar', timeCols, time.rows, { hasSuppressed: time.hasSuppressed, stats: { median: time.rows.at(-1)!.median ?? null, p90: time.rows.at(-1)!.p90 ?? null } }),
    figure('referrals.declines', ctx, 'bar', declineCols, declines.rows, { hasSuppressed: declines.hasSuppressed }),
    figure('referrals.waiting', ctx, 'stacked_bar', waitCols, waiting.rows, { hasSuppressed: waiting.hasSuppressed, notes: [`待機日数の基準: ${ctx.r.waitingDays}日`] }),
    providers,
  ];
}

/** Requests to service offices by type (per unit, then the area's total per type): answers and decline reasons. */
function buildProviders(cells: ProviderCell[], ctx: BuildContext): Figure {
  const nm = names(ctx);
  const reasonKey = (c: string) => `reason_${c}`;
  const cols = [
    ...muniCols,
    col('serviceType', 'サービスの種類', 'label'),
    col('serviceTypeCode', '種類のコード', 'code'),
    col('sent', '紹介（期間内に送付）', 'count', true),
    col('accepted', '受け入れ', 'count', true),
    col('declined', '辞退', 'count', true),
    col('expired', '期限切れ', 'count', true),
    col('acceptedShare', '受け入れの割合', 'share'),
    col('medianDays', '回答までの日数（中央値）', 'days'),
    ...SERVICE_DECLINE_REASONS.map((c) => col(reasonKey(c), `辞退: ${SERVICE_DECLINE_REASON_LABELS[c]}`, 'count', true)),
  ];
  const rowOf = (x: ProviderCell): Row => ({
    municipality: x.m === null ? TOTAL : (nm.get(x.m) ?? x.m),
    municipalityCode: x.m,
    serviceType: typeLabel(x.t),
    serviceTypeCode: x.t,
    sent: x.sent,
    accepted: x.accepted,
    declined: x.declined,
    expired: x.expired,
    medianDays: suppressStat(round(x.medianDays, 1), x.responded, x.m, ctx.viewer),
    ...Object.fromEntries(SERVICE_DECLINE_REASONS.map((c) => [reasonKey(c), x.reasons[c] ?? 0])),
  });
  const raw: Row[] = [];
  for (const t of [...new Set(cells.map((x) => x.t))].sort()) {
    const rs = cells.filter((x) => x.t === t && x.m !== null).sort((a, b) => String(a.m).localeCompare(String(b.m)));
    raw.push(...rs.map(rowOf));
    const total = cells.find((x) => x.t === t && x.m === null);
    if (total) raw.push(rowOf(total));
  }
  const s = suppressRows(raw, cols, ctx.viewer, { groupKeys: ['serviceTypeCode'], derived: { acceptedShare: (r) => cellRatio(r.accepted, r.sent) } });
  return figure('referrals.providers', ctx, 'table', cols, s.rows, { hasSuppressed: s.hasSuppressed });
}

// ── preparedness ──

export function buildPreparedness(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const power = f.power ?? [];
  const cols = [...muniCols, col('powerDependent', '電源が必要な人', 'count', true), col('withPlan', '計画あり', 'count', true), col('approved', '承認済み', 'count', true), col('approvedShare', '承認済みの割合', 'share')];
  const raw: Row[] = unitCodes(ctx).map((m) => {
    const p = power.find((x) => x.m === m);
    return { municipality: nm.get(m) ?? m, municipalityCode: m, powerDependent: p?.powerDependent ?? 0, withPlan: p?.withPlan ?? 0, approved: p?.approved ?? 0 };
  });
  raw.push({ municipality: TOTAL, municipalityCode: null, powerDependent: sum(power.map((p) => p.powerDependent)), withPlan: sum(power.map((p) => p.withPlan)), approved: sum(power.map((p) => p.approved)) });
  const s = suppressRows(raw, cols, ctx.viewer, { derived: { approvedShare: (r) => cellRatio(r.approved, r.powerDependent) } });
  return [figure('preparedness.plans', ctx, 'bar', cols, s.rows, { hasSuppressed: s.hasSuppressed })];
}

// ── network ──

export function buildNetwork(f: Facts, ctx: BuildContext): Figure[] {
  const nm = names(ctx);
  const att = f.attendance ?? [];
  const cols = [...muniCols, col('role', '職種', 'label'), col('roleCode', '職種のコード', 'code'), col('registered', '申込', 'count'), col('attended', '出席', 'count')];
  const rows: Row[] = att
    .map((a) => ({ municipality: nm.get(a.m) ?? a.m, municipalityCode: a.m, role: PARTICIPANT_ROLE_LABELS[a.role as ParticipantRole] ?? a.role, roleCode: a.role, registered: a.registered, attended: a.attended }))
    .sort((a, b) => a.municipalityCode.localeCompare(b.municipalityCode) || a.roleCode.localeCompare(b.roleCode));
  const indCols = [col('indicator', '指標', 'label'), col('date', '日付', 'label'), col('survey', 'アンケート', 'label'), col('responses', '回答数', 'count'), col('positiveShare', '肯定的な回答の割合', 'share')];
  const indRows: Row[] = [];
  for (const ind of f.indicators ?? []) for (const p of ind.points) indRows.push({ indicator: ind.name, date: p.date.slice(0, 10), survey: p.title, responses: p.suppressed ? null : p.responses, positiveShare: p.suppressed ? null : round(p.positiveShare, 3) });
  return [
    figure('network.attendance', ctx, 'stacked_bar', cols, rows, { stats: { registered: sum(att.map((a) => a.registered)), attended: sum(att.map((a) => a.attended)) } }),
    figure('network.indicator', ctx, 'line', indCols, indRows),
  ];
}

export const BUILDERS: Record<AnalyticsSection, (f: Facts, ctx: BuildContext) => Figure[]> = {
  demand: buildDemand,
  supply: buildSupply,
  gaps: buildGaps,
  people: buildPeople,
  referrals: buildReferrals,
  preparedness: buildPreparedness,
  network: buildNetwork,
};
