import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  compareIsoDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from './calendar-date.js';

describe('calendar-date', () => {
  it('validates well-formed, existing dates only', () => {
    expect(isIsoDate('2026-11-25')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false); // century rule
    expect(isIsoDate('2000-02-29')).toBe(true); // 400-year rule
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-11-25T00:00:00Z')).toBe(false);
    expect(isIsoDate(20261125)).toBe(false);
  });

  it('parses and formats round-trip, and rejects impossible dates', () => {
    expect(parseIsoDate('2026-04-01')).toEqual({ year: 2026, month: 4, day: 1 });
    expect(toIsoDate({ year: 2026, month: 4, day: 1 })).toBe('2026-04-01');
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => toIsoDate({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
  });

  it('knows leap years and month lengths', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('counts day numbers from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(fromDayNumber(11017)).toBe('2000-03-01');
    // every day of a leap year round-trips
    for (let n = toDayNumber('2024-01-01'); n <= toDayNumber('2024-12-31'); n++) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-05-07', '2026-05-01')).toBe(-6);
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-25', 2)).toBe('2027-01-25');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('computes the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('2026-11-25')).toBe(3); // Wednesday
    expect(dayOfWeek('2026-05-03')).toBe(0); // Sunday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, negative day number
  });

  it('compares dates', () => {
    expect(compareIsoDates('2026-04-01', '2026-04-02')).toBe(-1);
    expect(compareIsoDates('2026-04-02', '2026-04-02')).toBe(0);
    expect(compareIsoDates('2027-01-01', '2026-12-31')).toBe(1);
  });
});
