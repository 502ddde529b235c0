// Excel 様式 layouts per 支給決定市区町村 (DOMAIN.md §4: "Municipal forms differ; exports must be
// configurable"). One data file, so a city's form can be entered or corrected without touching
// the workbook code.
//
// Source (check): the national 参考様式 of 計画相談支援 / 障害児相談支援 (MHLW) — 様式1-1/1-2
// サービス等利用計画案・障害児支援利用計画案 and its 週間計画表, 様式2-1/2-2 the agreed plan and its
// 週間計画表, 様式3-1 モニタリング報告書. Neither DOMAIN.md nor ../shared/reference holds any
// city's own form, so every city of the region uses the national layout until its form is
// checked; a city entry then overrides only what differs (form numbers, the hours of the
// 週間計画表 grid, column headings).

export interface ExcelLayout {
  id: string;
  /** Shown in the sheet's corner: which form this is. */
  forms: { planDraft: string; plan: string; weeklyDraft: string; weekly: string; monitoring: string };
  /** The 週間計画表 grid: one row per hour from startHour to endHour (24 = midnight). */
  weeklyGrid: { startHour: number; endHour: number };
  /** Headings of the needs table of the plan, in column order (9 columns). */
  needsHeadings: readonly string[];
  /** Headings of the per-goal table of the monitoring report (9 columns). */
  monitoringHeadings: readonly string[];
  source: string;
}

export const NATIONAL_LAYOUT: ExcelLayout = {
  id: 'mhlw',
  forms: { planDraft: '様式1-1', plan: '様式2-1', weeklyDraft: '様式1-2', weekly: '様式2-2', monitoring: '様式3-1' },
  weeklyGrid: { startHour: 6, endHour: 24 },
  needsHeadings: ['優先順位', '解決すべき課題（本人のニーズ）', '支援目標', '達成時期', '福祉サービス等 種類・内容・量（頻度・時間）', '提供事業者名（担当者名・電話）', '課題解決のための本人の役割', '評価時期', 'その他留意事項'],
  monitoringHeadings: ['優先順位', '支援目標', '達成時期', 'サービス提供状況（事業者からの聞き取り）', '本人の感想・満足度', '支援目標の達成度（ニーズの充足度）', '今後の課題・解決方法', '計画変更の必要性（種類/量/週間）', 'その他留意事項'],
  source: '厚生労働省 計画相談支援・障害児相談支援の参考様式 (check)',
};

/** Per city (5-digit code, DOMAIN.md §9): the layout used, with overrides where a city's form differs. */
export const CITY_LAYOUTS: Record<string, Partial<ExcelLayout> & { city: string }> = {
  '12207': { city: '松戸市' },
  '12217': { city: '柏市' },
  '12220': { city: '流山市' },
  '12208': { city: '野田市' },
  '12222': { city: '我孫子市' },
  '12224': { city: '鎌ケ谷市' },
};

/** The layout for a client's 支給決定市区町村 (the national one for any city without its own entry). */
export function layoutFor(municipalityCode: string | null | undefined, table: typeof CITY_LAYOUTS = CITY_LAYOUTS): ExcelLayout {
  const city = municipalityCode ? table[municipalityCode.slice(0, 5)] : undefined;
  if (!city) return NATIONAL_LAYOUT;
  const { city: name, ...override } = city;
  return { ...NATIONAL_LAYOUT, ...override, id: override.id ?? `${NATIONAL_LAYOUT.id}:${name}` };
}
