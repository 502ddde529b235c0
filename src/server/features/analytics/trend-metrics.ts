// The metrics kept in monthly snapshots: additive counts per municipality (summed over an area)
// and region-wide statistics (stored under scope 'region', the 東葛 region).
import type { AnalyticsSection, TrendMetric } from '../../../shared/contracts/analytics.js';
import type { Facts } from './build-figures.js';
import { buildGaps } from './build-figures.js';
import { gini, round, topShare } from '../../../shared/domain/analytics-metrics.js';
import type { ResolvedQuery } from './area.js';

interface Info {
  metric: TrendMetric;
  label: string;
  section: AnalyticsSection;
  kind: 'additive' | 'regional';
  clientCount: boolean;
}
const i = (metric: TrendMetric, label: string, section: AnalyticsSection, kind: Info['kind'], clientCount: boolean): Info => ({ metric, label, section, kind, clientCount });

export const TREND_METRIC_INFO: Record<TrendMetric, Info> = {
  clients: i('clients', '医療的ケア児者の人数', 'demand', 'additive', true),
  clients_ventilator: i('clients_ventilator', '人工呼吸器の管理がある人数', 'demand', 'additive', true),
  clients_power_dependent: i('clients_power_dependent', '電源が必要な人数', 'preparedness', 'additive', true),
  needs_unmet: i('needs_unmet', '計画のサービスで提供先未定の人数', 'demand', 'additive', true),
  services: i('services', 'サービス数', 'supply', 'additive', false),
  capacity: i('capacity', '定員計', 'supply', 'additive', false),
  vacancy_fresh: i('vacancy_fresh', '空き（新しい情報、人）', 'supply', 'additive', false),
  services_ventilator_yes: i('services_ventilator_yes', '人工呼吸器に対応できるサービス数', 'supply', 'additive', false),
  consultants_yes: i('consultants_yes', '引き受けられる相談支援専門員', 'people', 'additive', false),
  consultants_with_backup: i('consultants_with_backup', '支援があれば引き受けられる相談支援専門員', 'people', 'additive', false),
  consultants_no: i('consultants_no', '引き受けられない相談支援専門員', 'people', 'additive', false),
  coordinators: i('coordinators', 'コーディネーター', 'people', 'additive', false),
  referrals_intake: i('referrals_intake', '紹介の受付（月内）', 'referrals', 'additive', true),
  referrals_sent: i('referrals_sent', '打診した紹介（月内の受付）', 'referrals', 'additive', true),
  referrals_accepted: i('referrals_accepted', '承諾された紹介（月内の受付）', 'referrals', 'additive', true),
  referrals_assigned: i('referrals_assigned', '担当が決まった紹介（月内の受付）', 'referrals', 'additive', true),
  referrals_waiting: i('referrals_waiting', '担当が決まらず待っている紹介', 'referrals', 'additive', true),
  needs_provider_waiting: i('needs_provider_waiting', '受け入れ先待ちの紹介（サービスの種類ごと）', 'demand', 'additive', true),
  provider_requests_sent: i('provider_requests_sent', '事業所への紹介（月内に送付）', 'referrals', 'additive', true),
  provider_requests_accepted: i('provider_requests_accepted', '事業所が受け入れた紹介（月内に送付）', 'referrals', 'additive', true),
  plans_approved: i('plans_approved', '承認済みの個別避難計画（電源が必要な人）', 'preparedness', 'additive', true),
  gap_cells_zero_supply: i('gap_cells_zero_supply', '対応できるサービスが0か所のギャップ', 'gaps', 'additive', false),
  training_attendance: i('training_attendance', '研修の出席（月内）', 'network', 'additive', false),
  caseload_gini: i('caseload_gini', '担当件数のジニ係数（東葛）', 'people', 'regional', false),
  caseload_top20_share: i('caseload_top20_share', '上位20%が持つ担当の割合（東葛）', 'people', 'regional', false),
  assignment_days_median: i('assignment_days_median', '担当決定までの日数 中央値（東葛）', 'referrals', 'regional', false),
  assignment_days_p90: i('assignment_days_p90', '担当決定までの日数 90パーセンタイル（東葛）', 'referrals', 'regional', false),
  would_accept_share: i('would_accept_share', '「引き受ける」の肯定的な回答の割合（最新）', 'network', 'regional', false),
};

export type MetricValues = Map<string, Map<TrendMetric, number>>;

/** Per-municipality additive values from the facts (exact: snapshots are never shown unsuppressed). */
export function additiveValues(f: Facts, r: ResolvedQuery): MetricValues {
  const out: MetricValues = new Map(r.codes.map((m) => [m, new Map<TrendMetric, number>()]));
  const add = (m: string | null, k: TrendMetric, n: number) => {
    if (m === null || !out.has(m)) return;
    const mm = out.get(m)!;
    mm.set(k, (mm.get(k) ?? 0) + n);
  };
  for (const m of r.codes) for (const k of Object.values(TREND_METRIC_INFO)) if (k.kind === 'additive') out.get(m)!.set(k.metric, 0);
  for (const c of f.clients ?? []) {
    if (c.item === null) add(c.m, 'clients', c.n);
    if (c.item === 'ventilator') add(c.m, 'clients_ventilator', c.n);
  }
  for (const p of f.power ?? []) {
    add(p.m, 'clients_power_dependent', p.powerDependent);
    add(p.m, 'plans_approved', p.approved);
  }
  for (const p of f.planNeeds ?? []) add(p.m, 'needs_unmet', p.unmet);
  for (const s of f.supply?.services ?? []) {
    add(s.m, 'services', s.services);
    add(s.m, 'capacity', s.capacity);
    add(s.m, 'vacancy_fresh', s.vacancy);
  }
  for (const s of f.supply?.care ?? []) if (s.item === 'ventilator') add(s.m, 'services_ventilator_yes', s.yes + s.conditional);
  for (const a of f.people?.acceptance ?? []) {
    add(a.m, a.a === 'yes' ? 'consultants_yes' : a.a === 'with_backup' ? 'consultants_with_backup' : 'consultants_no', a.n);
    add(a.m, 'coordinators', a.coordinators);
  }
  for (const x of f.referrals?.funnel ?? []) {
    add(x.m, 'referrals_intake', x.intake);
    add(x.m, 'referrals_sent', x.sent);
    add(x.m, 'referrals_accepted', x.accepted);
    add(x.m, 'referrals_assigned', x.assigned);
  }
  for (const w of f.referrals?.waiting ?? []) add(w.m, 'referrals_waiting', w.n);
  for (const p of f.referralNeeds ?? []) add(p.m, 'needs_provider_waiting', p.providerWaiting);
  for (const p of f.referrals?.providers ?? []) {
    add(p.m, 'provider_requests_sent', p.sent);
    add(p.m, 'provider_requests_accepted', p.accepted);
  }
  for (const a of f.attendance ?? []) add(a.m, 'training_attendance', a.attended);
  // Gap cells with no supply, counted on exact data (threshold 1 hides nothing).
  const gaps = buildGaps(f, { r, viewer: { detailMunicipality: null, threshold: 1 } })[0]!;
  for (const row of gaps.rows) if (row.level === 'none') add(row.municipalityCode as string, 'gap_cells_zero_supply', 1);
  return out;
}

/** Region-wide statistics (not additive over cities). */
export function regionalValues(f: Facts): Map<TrendMetric, number> {
  const out = new Map<TrendMetric, number>();
  const set = (k: TrendMetric, v: number | null) => v !== null && out.set(k, v);
  const loads = f.people?.caseloads ?? [];
  set('caseload_gini', round(gini(loads), 4));
  set('caseload_top20_share', round(topShare(loads), 4));
  const total = f.referrals?.funnel.find((x) => x.m === null);
  if (total) {
    set('assignment_days_median', round(total.median, 2));
    set('assignment_days_p90', round(total.p90, 2));
  }
  const latest = (f.indicators ?? []).flatMap((x) => x.points).filter((p) => !p.suppressed && p.positiveShare !== null).sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  if (latest) set('would_accept_share', round(latest.positiveShare, 4));
  return out;
}
