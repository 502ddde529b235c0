// Life stages and the transitions between them (就園, 就学, 進学, 18歳, 20歳).
//
// The 2021 law asks for support that continues seamlessly across life stages and past 18; the
// hand-overs at these dates are where families lose services, so the app reminds the team
// ahead of each one.
//
// Japanese school years: 学校教育法 art. 17 sends a child to 小学校 at the start of the first
// school year (April 1) after the day they reach age 6, and by 年齢計算ニ関スル法律 a person
// "reaches" an age at the end of the day before the birthday. So a child born on April 1 is 6
// by the end of March 31 and starts school that April 1, with the children born from the
// previous April 2: a 学年 runs from April 2 to the next April 1. Everything below follows from
// that "cohort year".
//
// All dates are ISO calendar-date strings handled by calendar-date.ts, never `Date`, so the
// result is the same in Asia/Tokyo and in UTC.
import { addMonths, compareIsoDates, isLeapYear, parseIsoDate, toIsoDate, type IsoDate } from '../calendar-date.js';

export const LIFE_STAGE_CODES = ['infant', 'preschool', 'elementary', 'junior_high', 'high_school', 'adult'] as const;
export type LifeStage = (typeof LIFE_STAGE_CODES)[number];

export interface LifeStageInfo {
  code: LifeStage;
  label: string;
}

export const LIFE_STAGES = [
  { code: 'infant', label: '乳児' },
  { code: 'preschool', label: '幼児' },
  { code: 'elementary', label: '小学生' },
  { code: 'junior_high', label: '中学生' },
  { code: 'high_school', label: '高校生' },
  // The ライフサポートファイル's last sheet is 「青年・成人期」 (DOMAIN.md §6).
  { code: 'adult', label: '青年・成人期' },
] as const satisfies readonly LifeStageInfo[];

export function lifeStageLabel(code: LifeStage): string {
  return LIFE_STAGES.find((s) => s.code === code)!.label;
}

/**
 * The 学年 a child belongs to, named by the calendar year of its first day (April 2): born
 * 2019-04-02 … 2020-04-01 → 2019.
 */
export function schoolCohortYear(birthDate: IsoDate): number {
  const { year, month, day } = parseIsoDate(birthDate);
  return month < 4 || (month === 4 && day === 1) ? year - 1 : year;
}

const aprilFirst = (year: number): IsoDate => toIsoDate({ year, month: 4, day: 1 });

/**
 * April 1 on which the child starts the 3-year kindergarten/nursery class (年少): the first
 * school year starting after they turn 3.
 */
export function kindergartenEntryDate(birthDate: IsoDate): IsoDate {
  return aprilFirst(schoolCohortYear(birthDate) + 4);
}

/** April 1 on which the child enters 小学校 (or 特別支援学校 小学部). */
export function schoolEntryDate(birthDate: IsoDate): IsoDate {
  return aprilFirst(schoolCohortYear(birthDate) + 7);
}

/** April 1 of 中学校 (中学部) entry: six school years after 就学. */
export function juniorHighEntryDate(birthDate: IsoDate): IsoDate {
  return aprilFirst(schoolCohortYear(birthDate) + 13);
}

/** April 1 of 高校 (高等部) entry. */
export function highSchoolEntryDate(birthDate: IsoDate): IsoDate {
  return aprilFirst(schoolCohortYear(birthDate) + 16);
}

/**
 * First day after the school year in which the person turns 18 (after 高校・高等部 ends on
 * March 31): children's services (放デイ etc.) end around here.
 */
export function adultStageDate(birthDate: IsoDate): IsoDate {
  return aprilFirst(schoolCohortYear(birthDate) + 19);
}

/**
 * The first whole day on which the person is `age` years old. For a February 29 birth in a
 * non-leap year that is March 1: the law has the age reached at the end of February 28.
 */
export function birthdayAnniversary(birthDate: IsoDate, age: number): IsoDate {
  const { year, month, day } = parseIsoDate(birthDate);
  const y = year + age;
  if (month === 2 && day === 29 && !isLeapYear(y)) return toIsoDate({ year: y, month: 3, day: 1 });
  return toIsoDate({ year: y, month, day });
}

/** Age in completed years on `asOf` (満年齢). */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number {
  assertNotBeforeBirth(birthDate, asOf);
  const years = parseIsoDate(asOf).year - parseIsoDate(birthDate).year;
  return compareIsoDates(birthdayAnniversary(birthDate, years), asOf) > 0 ? years - 1 : years;
}

function assertNotBeforeBirth(birthDate: IsoDate, asOf: IsoDate): void {
  if (compareIsoDates(asOf, birthDate) < 0) {
    throw new RangeError(`Date ${asOf} is before the birth date ${birthDate}`);
  }
}

/**
 * Stage on a given day. 乳児 until the first birthday, 幼児 until 就学, then by school level,
 * and 青年・成人期 from the April after the school year in which the person turns 18. Assumes
 * the usual progression (no 就学猶予 or repeated years), which is what planning reminders need.
 */
export function lifeStage(birthDate: IsoDate, asOf: IsoDate): LifeStage {
  assertNotBeforeBirth(birthDate, asOf);
  const before = (date: IsoDate) => compareIsoDates(asOf, date) < 0;
  if (before(birthdayAnniversary(birthDate, 1))) return 'infant';
  if (before(schoolEntryDate(birthDate))) return 'preschool';
  if (before(juniorHighEntryDate(birthDate))) return 'elementary';
  if (before(highSchoolEntryDate(birthDate))) return 'junior_high';
  if (before(adultStageDate(birthDate))) return 'high_school';
  return 'adult';
}

export type LifeTransitionKind = 'kindergarten' | 'elementary' | 'junior_high' | 'high_school' | 'age18' | 'age20';

export interface LifeTransition {
  kind: LifeTransitionKind;
  label: string;
  date: IsoDate;
  /** What the family and the team should start preparing, in one or two sentences. */
  hint: string;
}

const TRANSITIONS: readonly {
  kind: LifeTransitionKind;
  label: string;
  date: (birthDate: IsoDate) => IsoDate;
  hint: string;
}[] = [
  {
    kind: 'kindergarten',
    label: '就園',
    date: kindergartenEntryDate,
    hint: '保育所・幼稚園・認定こども園を見学し、看護師の配置など医療的ケアへの対応を確認しましょう。入園の申込みは前年の秋ごろが多いです。',
  },
  {
    kind: 'elementary',
    label: '就学',
    date: schoolEntryDate,
    hint: '前年度から教育委員会の就学相談を始め、就学先（小学校・特別支援学校）と学校での医療的ケア（看護師の配置）を調整しましょう。放課後等デイサービスも検討を。',
  },
  {
    kind: 'junior_high',
    label: '中学進学',
    date: juniorHighEntryDate,
    hint: '進学先（中学校・特別支援学校中学部）を検討し、学校での医療的ケアや通学方法の引き継ぎを調整しましょう。',
  },
  {
    kind: 'high_school',
    label: '高校進学',
    date: highSchoolEntryDate,
    hint: '進学先（特別支援学校高等部など）を検討し、卒業後の生活（通所先・日中活動）を見据えた準備を始めましょう。',
  },
  {
    kind: 'age18',
    label: '18歳',
    date: (birthDate) => birthdayAnniversary(birthDate, 18),
    hint: '成年に達します。障害者総合支援法のサービスへの移行（障害支援区分の認定、計画相談の切り替え）と、必要に応じて成年後見などの準備を。小児慢性特定疾病は継続すれば20歳未満まで対象です。',
  },
  {
    kind: 'age20',
    label: '20歳',
    date: (birthDate) => birthdayAnniversary(birthDate, 20),
    hint: '小児慢性特定疾病の医療費助成は20歳未満までです。指定難病・自立支援医療など成人の制度への切り替えと、障害基礎年金の請求を準備しましょう。',
  },
];

/**
 * Transitions falling on or after `asOf` and no later than `withinMonths` months after it
 * (both ends inclusive), in date order.
 */
export function upcomingTransitions(birthDate: IsoDate, asOf: IsoDate, withinMonths: number): LifeTransition[] {
  assertNotBeforeBirth(birthDate, asOf);
  if (!Number.isInteger(withinMonths) || withinMonths < 0) {
    throw new RangeError(`withinMonths must be a non-negative integer, got ${withinMonths}`);
  }
  const until = addMonths(asOf, withinMonths);
  return TRANSITIONS.map(({ kind, label, date, hint }) => ({ kind, label, date: date(birthDate), hint }))
    .filter((t) => compareIsoDates(t.date, asOf) >= 0 && compareIsoDates(t.date, until) <= 0)
    .sort((a, b) => compareIsoDates(a.date, b.date));
}
