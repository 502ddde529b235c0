// 医療的ケア判定スコア: combines the items of care-items.ts into a total and a pay band.
//
// A doctor fills in the official sheet and the city prints the band on the 受給者証; this
// calculation is a helper for consultants and coordinators (to anticipate the band and to
// check a sheet), never a replacement for the doctor's judgement.
//
// Rules, and how the table in DOMAIN.md §3 is read:
// 1. Each item is counted once. Row 1 already says a ventilator counts once however many of the
//    listed devices (NPPV, high-flow, cough assist…) are used. If the same code is given twice,
//    the first entry counts and the later ones are ignored and reported in
//    `ignoredDuplicates` (not an error: forms may send a row twice on double-click, and the
//    score must not double).
// 2. 気管切開: when a ventilator is scored, the tracheostomy's base score (8) counts but its
//    見守りスコア is not added (the sheet's example: 人工呼吸器10点 + 人工呼吸器見守り + 気管切開8点).
// 3. Add-ons (持続経管注入ポンプ → 経管栄養, 持続皮下注射ポンプ → 皮下注射) are "+3" on top of their
//    parent and score nothing, neither base nor monitoring, without it.
// 4. A monitoring level that the sheet does not offer for an item (e.g. "中" for 吸引, anything
//    but "低" for ネブライザー) scores 0 and the line carries a note, so a form bug or an old
//    record shows up instead of being silently rounded to some other level.
// 5. Rows 12 (導尿: 間欠的 5 / 持続的 3, 見守り only for 持続的: 高1・低0) and 13 (排便管理:
//    消化管ストーマ 5 with 見守り 高1・低0, 摘便・洗腸 5 and 浣腸 3 without 見守り) are read as
//    alternatives within their row: the sheet numbers them (1)(2)(3) under one item, like the
//    two 経管栄養 routes, and the row is one 医療的ケア. So at most one sub-item per row is
//    scored — the one with the highest subtotal (base + monitoring), ties going to the earlier
//    sub-item on the sheet — and the others are listed with 0 and a note. This is an
//    interpretation (DOMAIN.md does not say whether sub-items add up); if the city or the
//    doctor's sheet adds them, delete `group` from those items in care-items.ts and they sum.
// 6. Band = 32 if total ≥ 32, 16 if ≥ 16, 3 if ≥ 3, else 0 (児発・放デイ thresholds).
import {
  CARE_ITEMS,
  CARE_ITEM_GROUP_LABELS,
  MONITORING_LEVEL_LABELS,
  getCareItem,
  isCareItemCode,
  isMonitoringLevel,
  type CareItem,
  type CareItemCode,
  type MonitoringLevel,
} from './care-items.js';

export interface CareScoreInput {
  code: CareItemCode;
  monitoring: MonitoringLevel;
}

export type CareScoreBand = 0 | 3 | 16 | 32;

export interface CareScoreLine {
  code: CareItemCode;
  label: string;
  /** Score-sheet row number (1–14). */
  row: number;
  /** Base points actually counted (0 when the line is not counted). */
  base: number;
  /** The monitoring level as entered. */
  monitoring: MonitoringLevel;
  /** Monitoring points actually counted. */
  monitoringScore: number;
  /** base + monitoringScore. */
  subtotal: number;
  /** False when a rule excluded the whole line (add-on without parent, other sub-item chosen). */
  counted: boolean;
  /** Japanese explanation whenever a rule changed what the table alone would give. */
  note?: string;
}

export interface CareScoreResult {
  total: number;
  band: CareScoreBand;
  /** One line per distinct item, in score-sheet order. */
  breakdown: CareScoreLine[];
  /** Codes given more than once; only their first entry was used. */
  ignoredDuplicates: CareItemCode[];
}

export interface CareScoreBandInfo {
  band: CareScoreBand;
  min: number;
  /** Inclusive upper bound; null for the open top band. */
  max: number | null;
  label: string;
  rangeLabel: string;
}

/** Ascending. Thresholds ≥3 / ≥16 / ≥32 are the 児発・放デイ bands (DOMAIN.md §3). */
export const CARE_SCORE_BANDS: readonly CareScoreBandInfo[] = [
  { band: 0, min: 0, max: 2, label: '3点未満', rangeLabel: '0〜2点' },
  { band: 3, min: 3, max: 15, label: '3点以上', rangeLabel: '3〜15点' },
  { band: 16, min: 16, max: 31, label: '16点以上', rangeLabel: '16〜31点' },
  { band: 32, min: 32, max: null, label: '32点以上', rangeLabel: '32点以上' },
];

export function careScoreBand(total: number): CareScoreBand {
  if (total >= 32) return 32;
  if (total >= 16) return 16;
  if (total >= 3) return 3;
  return 0;
}

export function careScoreBandInfo(band: CareScoreBand): CareScoreBandInfo {
  return CARE_SCORE_BANDS.find((b) => b.band === band)!;
}

/** Points the table gives an item at a level on its own (null level → 0). */
function tableScore(item: CareItem, monitoring: MonitoringLevel): { monitoringScore: number; note?: string } {
  const score = item.monitoringScores[monitoring];
  if (score === null) {
    return {
      monitoringScore: 0,
      note: `見守りスコア「${MONITORING_LEVEL_LABELS[monitoring]}」はこの項目にないため0点です。`,
    };
  }
  return { monitoringScore: score };
}

export function computeCareScore(items: readonly CareScoreInput[]): CareScoreResult {
  const levels = new Map<CareItemCode, MonitoringLevel>();
  const ignoredDuplicates: CareItemCode[] = [];
  for (const input of items) {
    // Guard the runtime shape too: this is fed from forms and stored JSON.
    if (!isCareItemCode(input.code)) throw new RangeError(`Unknown care item code: ${JSON.stringify(input.code)}`);
    if (!isMonitoringLevel(input.monitoring)) {
      throw new RangeError(`Unknown monitoring level for ${input.code}: ${JSON.stringify(input.monitoring)}`);
    }
    if (levels.has(input.code)) {
      if (!ignoredDuplicates.includes(input.code)) ignoredDuplicates.push(input.code);
      continue;
    }
    levels.set(input.code, input.monitoring);
  }

  const hasVentilator = levels.has('ventilator');

  // First pass: what each present item scores on its own, with rules 2–4 applied.
  const lines: CareScoreLine[] = [];
  for (const item of CARE_ITEMS) {
    const monitoring = levels.get(item.code);
    if (monitoring === undefined) continue;
    const line: CareScoreLine = {
      code: item.code,
      label: item.label,
      row: item.row,
      base: item.baseScore,
      monitoring,
      monitoringScore: 0,
      subtotal: 0,
      counted: true,
    };
    const scored = tableScore(item, monitoring);
    line.monitoringScore = scored.monitoringScore;
    if (scored.note) line.note = scored.note;

    if (item.code === 'tracheostomy' && hasVentilator && monitoring !== 'low') {
      line.monitoringScore = 0;
      line.note = '人工呼吸器を算定しているため、気管切開の見守りスコアは加点しません。';
    }

    if (item.addOnTo && !levels.has(item.addOnTo)) {
      line.base = 0;
      line.monitoringScore = 0;
      line.counted = false;
      line.note = `「${getCareItem(item.addOnTo).label}」がないため、加算しません。`;
    }

    line.subtotal = line.base + line.monitoringScore;
    lines.push(line);
  }

  // Second pass (rule 5): keep one sub-item per row-12 / row-13 group.
  const groups = new Map<string, CareScoreLine[]>();
  for (const line of lines) {
    const group = getCareItem(line.code).group;
    if (!group) continue;
    const members = groups.get(group) ?? [];
    members.push(line);
    groups.set(group, members);
  }
  for (const [group, members] of groups) {
    if (members.length < 2) continue;
    // `lines` is in sheet order, so a strict ">" keeps the earlier sub-item on ties.
    let chosen = members[0]!;
    for (const member of members) if (member.subtotal > chosen.subtotal) chosen = member;
    const groupLabel = CARE_ITEM_GROUP_LABELS[group as keyof typeof CARE_ITEM_GROUP_LABELS];
    for (const member of members) {
      if (member === chosen) continue;
      member.base = 0;
      member.monitoringScore = 0;
      member.subtotal = 0;
      member.counted = false;
      member.note = `${groupLabel}は1項目のみ算定します（「${chosen.label}」を算定）。`;
    }
  }

  const total = lines.reduce((sum, line) => sum + line.subtotal, 0);
  return { total, band: careScoreBand(total), breakdown: lines, ignoredDuplicates };
}
