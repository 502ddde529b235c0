// Resolves the area filter (contract AreaSchema) and the period of a dashboard query.
import { inArray, eq } from 'drizzle-orm';
import type { AnalyticsQuery, AreaInfo } from '../../../shared/contracts/analytics.js';
import { addDays, addMonths, compareIsoDates, type IsoDate } from '../../../shared/calendar-date.js';
import { tokyoDate } from '../../../shared/dates.js';
import { TOKATSU_MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import type { DbOrTx } from '../../db/client.js';
import { municipality } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';

/** Areas with more municipalities than this (the whole country) are shown per prefecture. */
export const PREFECTURE_UNIT_ABOVE = 200;

export interface ResolvedQuery {
  area: AreaInfo;
  /** The municipalities of the area. */
  codes: string[];
  /**
   * The geographic unit of the figures' rows: municipalities, or prefectures for a national area
   * (thousands of municipalities × types × care items would be hundreds of thousands of rows).
   */
  unit: 'municipality' | 'prefecture';
  /** The rows' units (municipalities or prefectures) with their names. */
  units: { code: string; name: string }[];
  asOf: IsoDate;
  from: IsoDate;
  to: IsoDate;
  waitingDays: number;
}

const fieldError = (field: string, label: string, message: string) => new AppError('VALIDATION_FAILED', `${label}: ${message}`, { fields: [{ field, label, message: `${label}: ${message}` }] });

export async function resolveArea(db: DbOrTx, area: string): Promise<AreaInfo> {
  let rows: { code: string; name: string }[];
  let label: string;
  if (area === 'region') {
    const codes = TOKATSU_MUNICIPALITIES.map((m) => m.code);
    rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality).where(inArray(municipality.code, codes));
    label = '東葛地域';
  } else if (area === 'all') {
    rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality);
    label = '全域';
  } else if (area.startsWith('zone:')) {
    const zone = area.slice(5);
    rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality).where(eq(municipality.region, zone));
    if (!rows.length) throw fieldError('area', '地域', `圏域「${zone}」の市区町村が見つかりません`);
    label = `${zone}圏域`;
  } else {
    const codes = [...new Set(area.split(','))];
    rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality).where(inArray(municipality.code, codes));
    const missing = codes.filter((c) => !rows.some((r) => r.code === c));
    if (missing.length) throw fieldError('area', '地域', `市区町村コード ${missing.join('、')} が見つかりません`);
    rows.sort((a, b) => codes.indexOf(a.code) - codes.indexOf(b.code));
    label = rows.map((r) => r.name).join('・');
  }
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return { area, label, municipalities: rows };
}

/** Base date (default today in Tokyo), the period (default the 12 months to it) and the waiting threshold. */
export async function resolveQuery(db: DbOrTx, q: Partial<AnalyticsQuery>, today: IsoDate = tokyoDate()): Promise<ResolvedQuery> {
  const area = await resolveArea(db, q.area ?? 'region');
  const asOf = q.asOf ?? today;
  const to = q.to ?? asOf;
  const from = q.from ?? addDays(addMonths(to, -12), 1);
  if (compareIsoDates(from, to) > 0) throw fieldError('from', '期間の開始日', '終了日より前の日付を指定してください');
  const byPrefecture = area.municipalities.length > PREFECTURE_UNIT_ABOVE;
  const units = byPrefecture ? await prefecturesOf(db, area) : area.municipalities;
  return { area, codes: area.municipalities.map((m) => m.code), unit: byPrefecture ? 'prefecture' : 'municipality', units, asOf, from, to, waitingDays: q.waitingDays ?? 30 };
}

/** The prefectures of an area's municipalities (code and name; a real name wins over a generated one). */
async function prefecturesOf(db: DbOrTx, area: AreaInfo) {
  const codes = new Set(area.municipalities.map((m) => m.code));
  const rows = await db.select({ code: municipality.code, prefectureCode: municipality.prefectureCode, prefectureName: municipality.prefectureName }).from(municipality);
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!codes.has(r.code)) continue;
    const prev = out.get(r.prefectureCode);
    if (prev === undefined || (prev.startsWith('（') && !r.prefectureName.startsWith('（'))) out.set(r.prefectureCode, r.prefectureName);
  }
  return [...out].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code));
}
