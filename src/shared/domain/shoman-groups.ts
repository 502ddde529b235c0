// 小児慢性特定疾病 (小慢): the 16 disease groups (疾患群), DOMAIN.md §10.
//
// Codes '01'..'16' follow the official group numbering, so a record's group survives label
// edits. 小慢 covers under-18s, continuing to under 20 while treatment continues; the 20th
// birthday is therefore a transition to plan for (see life-stage.ts).

export const SHOMAN_GROUP_CODES = [
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
] as const;

export type ShomanGroupCode = (typeof SHOMAN_GROUP_CODES)[number];

export interface ShomanGroup {
  code: ShomanGroupCode;
  label: string;
}

export const SHOMAN_GROUPS: readonly ShomanGroup[] = [
  { code: '01', label: '悪性新生物' },
  { code: '02', label: '慢性腎疾患' },
  { code: '03', label: '慢性呼吸器疾患' },
  { code: '04', label: '慢性心疾患' },
  { code: '05', label: '内分泌疾患' },
  { code: '06', label: '膠原病' },
  { code: '07', label: '糖尿病' },
  { code: '08', label: '先天性代謝異常' },
  { code: '09', label: '血液疾患' },
  { code: '10', label: '免疫疾患' },
  { code: '11', label: '神経・筋疾患' },
  { code: '12', label: '慢性消化器疾患' },
  { code: '13', label: '染色体又は遺伝子に変化を伴う症候群' },
  { code: '14', label: '皮膚疾患' },
  { code: '15', label: '骨系統疾患' },
  { code: '16', label: '脈管系疾患' },
];

/** Ages in whole years: new certification under 18, continuation possible until under 20. */
export const SHOMAN_AGE_LIMITS = { newUnder: 18, continueUnder: 20 } as const;

export function isShomanGroupCode(value: unknown): value is ShomanGroupCode {
  return typeof value === 'string' && (SHOMAN_GROUP_CODES as readonly string[]).includes(value);
}

export function findShomanGroup(code: string): ShomanGroup | undefined {
  return SHOMAN_GROUPS.find((g) => g.code === code);
}
