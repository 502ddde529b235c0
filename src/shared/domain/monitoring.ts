// モニタリング (計画相談支援 / 障害児相談支援) frequency and due months.
//
// The city decides the period from the consultant's proposal (DOMAIN.md §4). The rule the
// product applies: a new plan (or one whose services changed a lot) is monitored every month
// for the first 3 months after the services start, then every `periodMonths` (1, 3 or 6).
// Monitoring is due "in a month" (実施月), so a due item is a month plus the last day of it.
//
// source (check): 厚生労働省「指定計画相談支援の具体的な員数及び運営に関する基準」に係る
// モニタリング期間の標準（平成30年度報酬改定後）, as summarised by municipal guides (e.g.
// 千葉県・各市の計画相談支援の手引き). The table below is marked "(check)" in DOMAIN.md: verify
// against the city's current guide before relying on it; it is data only.
import { addMonths, compareIsoDates, daysInMonth, parseIsoDate, toIsoDate, type IsoDate } from '../calendar-date.js';

export const MONITORING_PERIODS = [1, 3, 6] as const;
export type MonitoringPeriod = (typeof MONITORING_PERIODS)[number];

/** Months of monthly monitoring that open a new plan. */
export const NEW_PLAN_MONTHLY_MONTHS = 3;

export interface MonitoringStandard {
  code: string;
  situation: string;
  periodMonths: MonitoringPeriod;
  note?: string;
}

/** 標準期間 (check): shown next to the period selector so consultants propose within the norm. */
export const MONITORING_STANDARD_TABLE: readonly MonitoringStandard[] = [
  { code: 'new_or_changed', situation: '新規、またはサービスの種類・内容・量に著しい変動があった', periodMonths: 1, note: '利用開始から3か月間は毎月' },
  { code: 'intensive', situation: '集中的な支援が必要（医療との連携が密、家庭環境の変化、入退院の前後など）', periodMonths: 1 },
  { code: 'home_services', situation: '居宅介護・重度訪問介護・短期入所・行動援護・同行援護などを利用', periodMonths: 3 },
  { code: 'day_services', situation: '生活介護・就労継続支援・共同生活援助・障害児通所支援（児発・放デイ）を利用', periodMonths: 6, note: '医療的ケア児者は3か月以内を推奨' },
  { code: 'residential', situation: '療養介護・施設入所支援・重度障害者等包括支援を利用', periodMonths: 6 },
];

export function isMonitoringPeriod(value: unknown): value is MonitoringPeriod {
  return typeof value === 'number' && (MONITORING_PERIODS as readonly number[]).includes(value);
}

export interface MonitoringDue {
  /** 'YYYY-MM' of the 実施月. */
  month: string;
  /** Last day of that month: the report should be done by then. */
  dueBy: IsoDate;
  /** 1-based count since the plan started. */
  sequence: number;
  /** True for the monthly monitorings that open a new plan. */
  isInitialMonthly: boolean;
}

const endOfMonth = (iso: IsoDate): IsoDate => {
  const { year, month } = parseIsoDate(iso);
  return toIsoDate({ year, month, day: daysInMonth(year, month) });
};

/**
 * Due months from the month after `startDate` up to and including the month of `until`.
 * `isNewPlan`: the first three months are monthly whatever the period.
 */
export function monitoringSchedule(opts: { startDate: IsoDate; periodMonths: MonitoringPeriod; isNewPlan: boolean; until: IsoDate }): MonitoringDue[] {
  if (!isMonitoringPeriod(opts.periodMonths)) throw new RangeError(`periodMonths must be 1, 3 or 6, got ${String(opts.periodMonths)}`);
  const startMonth = toIsoDate({ ...parseIsoDate(opts.startDate), day: 1 });
  const limit = endOfMonth(opts.until);
  const out: MonitoringDue[] = [];
  let offset = 0;
  for (let seq = 1; seq < 1000; seq++) {
    const initial = opts.isNewPlan && seq <= NEW_PLAN_MONTHLY_MONTHS;
    offset += initial ? 1 : opts.periodMonths;
    const first = addMonths(startMonth, offset);
    const dueBy = endOfMonth(first);
    if (compareIsoDates(dueBy, limit) > 0) break;
    out.push({ month: first.slice(0, 7), dueBy, sequence: seq, isInitialMonthly: initial });
  }
  return out;
}

/**
 * The next monitoring not yet done: the earliest scheduled month after the last report's month
 * (or the first one when there is none). Overdue when its dueBy is before `asOf`.
 */
export function nextMonitoringDue(opts: {
  startDate: IsoDate;
  periodMonths: MonitoringPeriod;
  isNewPlan: boolean;
  lastReportDate: IsoDate | null;
  asOf: IsoDate;
}): (MonitoringDue & { overdue: boolean }) | null {
  const schedule = monitoringSchedule({ ...opts, until: addMonths(opts.asOf, 12) });
  const doneMonth = opts.lastReportDate?.slice(0, 7) ?? '';
  const next = schedule.find((d) => d.month > doneMonth);
  if (!next) return null;
  return { ...next, overdue: compareIsoDates(next.dueBy, opts.asOf) < 0 };
}
