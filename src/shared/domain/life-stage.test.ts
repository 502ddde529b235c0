import { describe, it, expect } from 'vitest';
import {
  LIFE_STAGES,
  adultStageDate,
  ageOn,
  birthdayAnniversary,
  highSchoolEntryDate,
  juniorHighEntryDate,
  kindergartenEntryDate,
  lifeStage,
  lifeStageLabel,
  schoolCohortYear,
  schoolEntryDate,
  upcomingTransitions,
} from './life-stage.js';

describe('school year (学年) boundaries', () => {
  it('puts April 1 births with the previous April 2 births', () => {
    expect(schoolCohortYear('2019-04-02')).toBe(2019);
    expect(schoolCohortYear('2019-12-31')).toBe(2019);
    expect(schoolCohortYear('2020-01-01')).toBe(2019);
    expect(schoolCohortYear('2020-04-01')).toBe(2019);
    expect(schoolCohortYear('2020-04-02')).toBe(2020);
  });

  it('sends an April 1 child to school on their 6th birthday, an April 2 child a year later', () => {
    expect(schoolEntryDate('2019-04-01')).toBe('2025-04-01');
    expect(schoolEntryDate('2019-04-02')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-04-01')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-04-02')).toBe('2027-04-01');
  });

  it('handles births from January to March (entry in the year they turn 7)', () => {
    // Born 2020-01-15: 6 on 2026-01-15 → the April 1 after that is 2026-04-01.
    expect(schoolEntryDate('2020-01-15')).toBe('2026-04-01');
    expect(schoolEntryDate('2020-03-31')).toBe('2026-04-01');
  });

  it('handles births from April 2 to December (entry the April after the 6th birthday)', () => {
    expect(schoolEntryDate('2020-12-31')).toBe('2027-04-01');
    expect(schoolEntryDate('2020-06-15')).toBe('2027-04-01');
  });

  it('handles February 29 births', () => {
    expect(schoolCohortYear('2020-02-29')).toBe(2019);
    expect(schoolEntryDate('2020-02-29')).toBe('2026-04-01');
  });

  it('derives the other school milestones from the same cohort', () => {
    expect(kindergartenEntryDate('2019-04-02')).toBe('2023-04-01'); // age 3 on 2022-04-02
    expect(kindergartenEntryDate('2019-04-01')).toBe('2022-04-01');
    expect(juniorHighEntryDate('2019-04-02')).toBe('2032-04-01');
    expect(juniorHighEntryDate('2019-04-01')).toBe('2031-04-01');
    expect(highSchoolEntryDate('2019-04-02')).toBe('2035-04-01');
    expect(adultStageDate('2019-04-02')).toBe('2038-04-01');
    expect(adultStageDate('2008-04-01')).toBe('2026-04-01');
  });
});

describe('birthdays and age', () => {
  it('moves a February 29 birthday to March 1 in non-leap years', () => {
    expect(birthdayAnniversary('2020-02-29', 1)).toBe('2021-03-01');
    expect(birthdayAnniversary('2020-02-29', 4)).toBe('2024-02-29');
    expect(birthdayAnniversary('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayAnniversary('2008-05-10', 18)).toBe('2026-05-10');
  });

  it('computes 満年齢', () => {
    expect(ageOn('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18);
    expect(ageOn('2020-02-29', '2021-02-28')).toBe(0);
    expect(ageOn('2020-02-29', '2021-03-01')).toBe(1);
    expect(ageOn('2020-02-29', '2024-02-29')).toBe(4);
    expect(ageOn('2026-11-25', '2026-11-25')).toBe(0);
    expect(() => ageOn('2026-11-25', '2026-11-24')).toThrow(RangeError);
  });
});

describe('lifeStage', () => {
  const asOf = '2026-11-25';

  it.each([
    ['2026-01-01', 'infant'],
    ['2025-11-26', 'infant'], // first birthday tomorrow
    ['2025-11-25', 'preschool'], // first birthday today
    ['2020-04-02', 'preschool'], // enters school 2027-04-01
    ['2020-04-01', 'elementary'], // entered 2026-04-01
    ['2019-04-02', 'elementary'],
    ['2014-06-01', 'elementary'], // 6th grade, 中学 2027-04-01
    ['2013-06-01', 'junior_high'],
    ['2011-03-01', 'high_school'], // entered 2026-04-01
    ['2008-04-02', 'high_school'], // already 18 but still in 高3
    ['2008-04-01', 'adult'], // graduated March 2026
    ['1990-01-01', 'adult'],
  ] as const)('born %s → %s on 2026-11-25', (birth, expected) => {
    expect(lifeStage(birth, asOf)).toBe(expected);
  });

  it('changes stage exactly on April 1', () => {
    expect(lifeStage('2019-04-02', '2026-03-31')).toBe('preschool');
    expect(lifeStage('2019-04-02', '2026-04-01')).toBe('elementary');
    expect(lifeStage('2008-04-02', '2027-03-31')).toBe('high_school');
    expect(lifeStage('2008-04-02', '2027-04-01')).toBe('adult');
  });

  it('handles a February 29 baby turning one', () => {
    expect(lifeStage('2020-02-29', '2021-02-28')).toBe('infant');
    expect(lifeStage('2020-02-29', '2021-03-01')).toBe('preschool');
  });

  it('rejects a date before birth', () => {
    expect(() => lifeStage('2026-11-25', '2026-11-24')).toThrow(RangeError);
  });

  it('has Japanese labels', () => {
    expect(LIFE_STAGES.map((s) => s.label)).toEqual(['乳児', '幼児', '小学生', '中学生', '高校生', '青年・成人期']);
    expect(lifeStageLabel('junior_high')).toBe('中学生');
  });
});

describe('upcomingTransitions', () => {
  it('lists 就学 for a child entering school next April', () => {
    const result = upcomingTransitions('2020-05-10', '2026-11-25', 12);
    expect(result.map((t) => [t.kind, t.label, t.date])).toEqual([['elementary', '就学', '2027-04-01']]);
    expect(result[0]?.hint).toContain('就学相談');
  });

  it('returns nothing when no transition falls in the window', () => {
    expect(upcomingTransitions('2020-05-10', '2026-11-25', 4)).toEqual([]);
  });

  it('lists several transitions in date order', () => {
    const result = upcomingTransitions('2019-04-01', '2022-01-01', 48);
    // until 2026-01-01: 就園 2022-04-01, 就学 2025-04-01
    expect(result.map((t) => [t.kind, t.date])).toEqual([
      ['kindergarten', '2022-04-01'],
      ['elementary', '2025-04-01'],
    ]);
  });

  it('includes the 18th and 20th birthdays', () => {
    const result = upcomingTransitions('2008-07-01', '2026-05-01', 36);
    expect(result.map((t) => [t.kind, t.label, t.date])).toEqual([
      ['age18', '18歳', '2026-07-01'],
      ['age20', '20歳', '2028-07-01'],
    ]);
    expect(result[1]?.hint).toContain('小児慢性特定疾病');
  });

  it('includes both ends of the window', () => {
    expect(upcomingTransitions('2020-05-10', '2027-04-01', 0).map((t) => t.kind)).toEqual(['elementary']);
    expect(upcomingTransitions('2020-05-10', '2026-12-01', 4).map((t) => t.kind)).toEqual(['elementary']);
    expect(upcomingTransitions('2020-05-10', '2026-12-02', 3)).toEqual([]);
  });

  it('uses March 1 for a February 29 birthday in a non-leap year', () => {
    const result = upcomingTransitions('2008-02-29', '2026-01-01', 3);
    expect(result.map((t) => [t.kind, t.date])).toEqual([['age18', '2026-03-01']]);
    expect(upcomingTransitions('2020-02-29', '2040-01-01', 2).map((t) => [t.kind, t.date])).toEqual([
      ['age20', '2040-02-29'],
    ]);
  });

  it('validates its arguments', () => {
    expect(() => upcomingTransitions('2020-05-10', '2020-05-09', 12)).toThrow(RangeError);
    expect(() => upcomingTransitions('2020-05-10', '2026-11-25', -1)).toThrow(RangeError);
    expect(() => upcomingTransitions('2020-05-10', '2026-11-25', 1.5)).toThrow(RangeError);
  });
});
