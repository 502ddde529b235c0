import { describe, it, expect } from 'vitest';
import {
  HOLIDAY_DATA_RANGE,
  addBusinessDays,
  businessDaysBetween,
  holidayName,
  isBusinessDay,
  isNationalHoliday,
  isYearEndClosure,
  nextBusinessDayOnOrAfter,
} from './business-days.js';

describe('Golden Week 2026', () => {
  // 4/29 (水) 昭和の日; 5/2 土, 5/3 日 憲法記念日, 5/4 月 みどりの日, 5/5 火 こどもの日,
  // 5/6 水 振替休日 (for 5/3, a Sunday).
  it('knows which days are off', () => {
    expect(isBusinessDay('2026-04-28')).toBe(true);
    expect(isBusinessDay('2026-04-29')).toBe(false);
    expect(isBusinessDay('2026-04-30')).toBe(true);
    expect(isBusinessDay('2026-05-01')).toBe(true);
    for (const d of ['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']) {
      expect(isBusinessDay(d)).toBe(false);
    }
    expect(isBusinessDay('2026-05-07')).toBe(true);
    expect(holidayName('2026-05-06')).toBe('こどもの日 振替休日');
    expect(holidayName('2026-05-07')).toBeUndefined();
  });

  it('adds business days across it', () => {
    expect(addBusinessDays('2026-04-28', 1)).toBe('2026-04-30');
    expect(addBusinessDays('2026-05-01', 1)).toBe('2026-05-07');
    expect(addBusinessDays('2026-04-30', 3)).toBe('2026-05-08');
    expect(addBusinessDays('2026-05-05', 1)).toBe('2026-05-07'); // start on a holiday
  });

  it('goes backwards with a negative n', () => {
    expect(addBusinessDays('2026-05-07', -1)).toBe('2026-05-01');
    expect(addBusinessDays('2026-05-05', -1)).toBe('2026-05-01');
    expect(addBusinessDays('2026-05-08', -3)).toBe('2026-04-30');
  });

  it('returns the start unchanged for n = 0, even on a holiday', () => {
    expect(addBusinessDays('2026-05-04', 0)).toBe('2026-05-04');
  });

  it('counts business days between two dates', () => {
    // (4/28, 5/8] → 4/30, 5/1, 5/7, 5/8
    expect(businessDaysBetween('2026-04-28', '2026-05-08')).toBe(4);
    // [4/28, 5/8) → 4/28, 4/30, 5/1, 5/7
    expect(businessDaysBetween('2026-05-08', '2026-04-28')).toBe(-4);
    expect(businessDaysBetween('2026-05-02', '2026-05-06')).toBe(0);
    expect(businessDaysBetween('2026-05-07', '2026-05-07')).toBe(0);
  });
});

describe('year-end closure', () => {
  it('closes 12/29–1/3 by default', () => {
    expect(isBusinessDay('2026-12-28')).toBe(true); // 月
    expect(isBusinessDay('2026-12-29')).toBe(false); // 火
    expect(isBusinessDay('2026-12-30')).toBe(false);
    expect(isBusinessDay('2026-12-31')).toBe(false);
    expect(isBusinessDay('2027-01-04')).toBe(true); // 月
    expect(isBusinessDay('2028-01-03')).toBe(false); // a Monday that is not a holiday
    expect(isYearEndClosure('2026-12-29')).toBe(true);
    expect(isYearEndClosure('2027-01-03')).toBe(true);
    expect(isYearEndClosure('2027-01-04')).toBe(false);
    expect(isYearEndClosure('2026-12-28')).toBe(false);
  });

  it('can be switched off, leaving 元日 a holiday', () => {
    const open = { yearEndClosure: false };
    expect(isBusinessDay('2026-12-29', open)).toBe(true);
    expect(isBusinessDay('2028-01-03', open)).toBe(true);
    expect(isBusinessDay('2027-01-01', open)).toBe(false);
    expect(isNationalHoliday('2027-01-01')).toBe(true);
  });

  it('adds and counts across the new year', () => {
    expect(addBusinessDays('2026-12-28', 1)).toBe('2027-01-04');
    expect(addBusinessDays('2026-12-28', 1, { yearEndClosure: false })).toBe('2026-12-29');
    // (12/25, 1/5] → 12/28, 1/4, 1/5
    expect(businessDaysBetween('2026-12-25', '2027-01-05')).toBe(3);
    // without closure: 12/28, 12/29, 12/30, 12/31, 1/4, 1/5
    expect(businessDaysBetween('2026-12-25', '2027-01-05', { yearEndClosure: false })).toBe(6);
  });
});

describe('Monday holidays', () => {
  it('skips 海の日 (2026-07-20, Monday)', () => {
    expect(isBusinessDay('2026-07-20')).toBe(false);
    expect(holidayName('2026-07-20')).toBe('海の日');
    expect(addBusinessDays('2026-07-17', 1)).toBe('2026-07-21');
    expect(businessDaysBetween('2026-07-17', '2026-07-21')).toBe(1);
  });

  it('skips the 2026 Silver Week (敬老の日, 国民の休日, 秋分の日)', () => {
    expect(holidayName('2026-09-22')).toBe('休日');
    expect(addBusinessDays('2026-09-18', 1)).toBe('2026-09-24');
  });
});

describe('helpers and limits', () => {
  it('rolls a deadline forward to the next business day', () => {
    expect(nextBusinessDayOnOrAfter('2026-05-03')).toBe('2026-05-07');
    expect(nextBusinessDayOnOrAfter('2026-05-07')).toBe('2026-05-07');
    expect(nextBusinessDayOnOrAfter('2026-12-30')).toBe('2027-01-04');
  });

  it('is the inverse of addBusinessDays', () => {
    for (const start of ['2026-04-25', '2026-05-02', '2026-12-27', '2026-07-18']) {
      for (const n of [-7, -3, -1, 1, 2, 5, 10]) {
        expect(businessDaysBetween(start, addBusinessDays(start, n))).toBe(n);
      }
    }
  });

  it('refuses dates outside the holiday table', () => {
    expect(HOLIDAY_DATA_RANGE).toEqual({ from: '1970-01-01', to: '2050-12-31' });
    expect(() => isBusinessDay('2051-01-05')).toThrow(RangeError);
    expect(() => addBusinessDays('2050-12-30', 3)).toThrow(RangeError);
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
    expect(() => addBusinessDays('2026-05-01', 1.5)).toThrow(RangeError);
  });
});
