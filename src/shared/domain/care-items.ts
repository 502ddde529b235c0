// The 医療的ケア判定スコア items (障害福祉サービス等報酬 2021 revision), DOMAIN.md §3.
//
// The codes are stable API strings (stored on client records and sent by forms); never rename
// them. Scores live here, in one table, so a correction to the official score sheet is a data
// change only. care-score.ts holds the rules that combine them.
//
// source: DOMAIN.md §3 table, cross-read with the MHLW score sheet as reproduced in
// 「令和3年度障害福祉サービス等報酬改定の概要」 p.113 (障害福祉サービス等報酬改定検討チーム).
// A `null` monitoring score means the sheet has no box for that level ('–' in DOMAIN.md).

export const CARE_ITEM_CODES = [
  'ventilator',
  'tracheostomy',
  'nasopharyngeal_airway',
  'oxygen',
  'suction',
  'nebulizer',
  'tube_feeding',
  'feeding_pump',
  'central_venous',
  'injection',
  'injection_pump',
  'blood_glucose',
  'dialysis',
  'intermittent_catheterization',
  'continuous_catheterization',
  'stoma',
  'bowel_irrigation',
  'enema',
  'seizure_care',
] as const;

export type CareItemCode = (typeof CARE_ITEM_CODES)[number];

export const MONITORING_LEVELS = ['high', 'middle', 'low'] as const;
export type MonitoringLevel = (typeof MONITORING_LEVELS)[number];

/** 見守りスコア labels as printed on the score sheet. */
export const MONITORING_LEVEL_LABELS: Record<MonitoringLevel, string> = {
  high: '高',
  middle: '中',
  low: '低',
};

export type MonitoringScores = Record<MonitoringLevel, number | null>;

/**
 * Rows 12 (導尿) and 13 (排便管理) list sub-items that the score counts as alternatives within
 * the row; see care-score.ts for how a group is resolved.
 */
export type CareItemGroup = 'urinary_catheterization' | 'bowel_management';

export const CARE_ITEM_GROUP_LABELS: Record<CareItemGroup, string> = {
  urinary_catheterization: '導尿',
  bowel_management: '排便管理',
};

export interface CareItem {
  code: CareItemCode;
  /** Row number 1–14 on the score sheet; sub-items share their row's number. */
  row: number;
  /** Japanese label as shown in forms (row name, with the sub-item in brackets when any). */
  label: string;
  /** One plain-language sentence for families and for consultants new to medical care. */
  description: string;
  /** 基本スコア. For an add-on this is the "+3" added on top of its parent. */
  baseScore: number;
  /** 見守りスコア per level; null where the sheet has no such level. */
  monitoringScores: MonitoringScores;
  /** Add-ons (ポンプ使用) only score together with their parent item. */
  addOnTo?: CareItemCode;
  /** Sub-items of row 12 / row 13 that are alternatives within their row. */
  group?: CareItemGroup;
  /** Extra rule text shown next to the item, e.g. what "count once" covers. */
  note?: string;
}

const m = (high: number | null, middle: number | null, low: number | null): MonitoringScores => ({ high, middle, low });

// Ordered as the score sheet, so breakdowns print in the same order doctors fill the form.
export const CARE_ITEMS: readonly CareItem[] = [
  {
    code: 'ventilator',
    row: 1,
    label: '人工呼吸器の管理',
    description: '人工呼吸器で呼吸を助けています。鼻マスク式（NPPV）、ハイフローセラピー、排痰補助装置なども含みます。',
    baseScore: 10,
    monitoringScores: m(2, 1, 0),
    note: '人工呼吸器や括弧内の装置は、いくつ使っていても1項目として数えます。',
  },
  {
    code: 'tracheostomy',
    row: 2,
    label: '気管切開の管理',
    description: 'のどに開けた穴（気管孔）にカニューレという管を入れて呼吸しています。',
    baseScore: 8,
    monitoringScores: m(2, null, 0),
    note: '人工呼吸器も使っている場合、気管切開の見守りスコアは加点しません。',
  },
  {
    code: 'nasopharyngeal_airway',
    row: 3,
    label: '鼻咽頭エアウェイの管理',
    description: '鼻から柔らかい管を入れて、空気の通り道を確保しています。',
    baseScore: 5,
    monitoringScores: m(1, null, 0),
  },
  {
    code: 'oxygen',
    row: 4,
    label: '酸素療法',
    description: '酸素濃縮器や酸素ボンベで酸素を吸っています。',
    baseScore: 8,
    monitoringScores: m(1, null, 0),
  },
  {
    code: 'suction',
    row: 5,
    label: '吸引（口鼻腔・気管内）',
    description: '口・鼻・気管にたまった痰やよだれを、機械で吸い取ります。',
    baseScore: 8,
    monitoringScores: m(1, null, 0),
  },
  {
    code: 'nebulizer',
    row: 6,
    label: 'ネブライザーの管理',
    description: '薬を霧状にして吸入します。',
    baseScore: 3,
    monitoringScores: m(null, null, 0),
  },
  {
    code: 'tube_feeding',
    row: 7,
    label: '経管栄養',
    description: '鼻からの管や、おなかの穴（胃ろう・腸ろう）から栄養や水分を入れます。',
    baseScore: 8,
    monitoringScores: m(2, null, 0),
    note: '経鼻胃管・胃瘻・経鼻腸管・経胃瘻腸管・腸瘻・食道瘻のいずれか（同じ点数）。',
  },
  {
    code: 'feeding_pump',
    row: 7,
    label: '経管栄養（持続経管注入ポンプ使用）',
    description: '経管栄養をポンプで時間をかけて注入します。経管栄養への加算です。',
    baseScore: 3,
    monitoringScores: m(1, null, 0),
    addOnTo: 'tube_feeding',
  },
  {
    code: 'central_venous',
    row: 8,
    label: '中心静脈カテーテルの管理',
    description: '太い静脈に入れたカテーテルから、栄養や薬（肺高血圧症の薬など）を入れます。',
    baseScore: 8,
    monitoringScores: m(2, null, 0),
  },
  {
    code: 'injection',
    row: 9,
    label: 'その他の注射管理（皮下注射）',
    description: 'インスリンなどを皮下に注射します。',
    baseScore: 5,
    monitoringScores: m(1, null, 0),
  },
  {
    code: 'injection_pump',
    row: 9,
    label: 'その他の注射管理（持続皮下注射ポンプ使用）',
    description: 'ポンプで皮下に薬を少しずつ注入し続けます。皮下注射への加算です。',
    baseScore: 3,
    monitoringScores: m(1, null, 0),
    addOnTo: 'injection',
  },
  {
    // source: DOMAIN.md §3 marks this row "(check)"; the MHLW summary p.113 also shows 3 / 1 / 0.
    code: 'blood_glucose',
    row: 10,
    label: '血糖測定',
    description: '血糖値を測ります。持続血糖測定器（CGM）による測定も含みます。',
    baseScore: 3,
    monitoringScores: m(1, null, 0),
  },
  {
    code: 'dialysis',
    row: 11,
    label: '継続的な透析',
    description: '血液透析や腹膜透析を続けています。',
    baseScore: 8,
    monitoringScores: m(2, null, 0),
  },
  {
    code: 'intermittent_catheterization',
    row: 12,
    label: '導尿（間欠的導尿）',
    description: '時間を決めて、管を入れて尿を出します。',
    baseScore: 5,
    monitoringScores: m(null, null, 0),
    group: 'urinary_catheterization',
  },
  {
    code: 'continuous_catheterization',
    row: 12,
    label: '導尿（持続的導尿）',
    description: '尿道留置カテーテル・膀胱瘻・腎瘻・尿路ストーマで、尿を出し続けています。',
    baseScore: 3,
    monitoringScores: m(1, null, 0),
    group: 'urinary_catheterization',
  },
  {
    code: 'stoma',
    row: 13,
    label: '排便管理（消化管ストーマ）',
    description: 'おなかに作った人工肛門（ストーマ）から便を出しています。',
    baseScore: 5,
    monitoringScores: m(1, null, 0),
    group: 'bowel_management',
  },
  {
    code: 'bowel_irrigation',
    row: 13,
    label: '排便管理（摘便・洗腸）',
    description: '指で便をかき出したり、腸を洗って便を出したりします。',
    baseScore: 5,
    monitoringScores: m(null, null, 0),
    group: 'bowel_management',
  },
  {
    code: 'enema',
    row: 13,
    label: '排便管理（浣腸）',
    description: '浣腸で排便を促します。',
    baseScore: 3,
    monitoringScores: m(null, null, 0),
    group: 'bowel_management',
    note: '市販のディスポーザブルグリセリン浣腸器による浣腸が対象です。',
  },
  {
    code: 'seizure_care',
    row: 14,
    label: '痙攣時の処置',
    description: '発作のときに座薬を入れる、吸引する、酸素を吸わせる、迷走神経刺激装置（VNS）を作動させるなどの対応をします。',
    baseScore: 3,
    monitoringScores: m(2, null, 0),
  },
];

const CARE_ITEM_BY_CODE = new Map(CARE_ITEMS.map((item) => [item.code, item]));

export function isCareItemCode(value: unknown): value is CareItemCode {
  return typeof value === 'string' && CARE_ITEM_BY_CODE.has(value as CareItemCode);
}

export function findCareItem(code: string): CareItem | undefined {
  return CARE_ITEM_BY_CODE.get(code as CareItemCode);
}

/** Like findCareItem, for codes already typed as CareItemCode; throws on a bad cast. */
export function getCareItem(code: CareItemCode): CareItem {
  const item = CARE_ITEM_BY_CODE.get(code);
  if (!item) throw new RangeError(`Unknown care item code: ${JSON.stringify(code)}`);
  return item;
}

export function isMonitoringLevel(value: unknown): value is MonitoringLevel {
  return typeof value === 'string' && (MONITORING_LEVELS as readonly string[]).includes(value);
}

/** Monitoring levels that exist for an item, e.g. ['high', 'low'] for 吸引 — for form radios. */
export function availableMonitoringLevels(code: CareItemCode): MonitoringLevel[] {
  const scores = getCareItem(code).monitoringScores;
  return MONITORING_LEVELS.filter((level) => scores[level] !== null);
}
