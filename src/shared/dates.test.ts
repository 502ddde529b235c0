import { afterEach, describe, it, expect } from 'vitest';
import { formatDateJa, formatDateTimeJa, formatWareki, tokyoDate } from './dates.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('formatDateJa', () => {
  it('formats a calendar date in Japanese without zero padding', () => {
    expect(formatDateJa('2026-11-25')).toBe('2026年11月25日');
    expect(formatDateJa('2026-04-01')).toBe('2026年4月1日');
  });

  it('formats with the era', () => {
    expect(formatDateJa('2026-11-25', { era: true })).toBe('令和8年11月25日');
  });

  it('appends the weekday', () => {
    expect(formatDateJa('2026-11-25', { weekday: true })).toBe('2026年11月25日（水）');
    expect(formatDateJa('2026-05-03', { era: true, weekday: true })).toBe('令和8年5月3日（日）');
  });

  it('rejects invalid dates', () => {
    expect(() => formatDateJa('2026-02-29')).toThrow(RangeError);
    expect(() => formatDateJa('2026/11/25')).toThrow(RangeError);
  });

  it('does not shift the day in a zone west of UTC', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDateJa('2026-04-01')).toBe('2026年4月1日');
    expect(formatWareki('2026-04-01')).toBe('令和8年4月1日');
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    expect(formatDateJa('2026-04-01', { weekday: true })).toBe('2026年4月1日（水）');
  });
});

describe('formatWareki', () => {
  it('writes the first year of an era as 元年', () => {
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-12-31')).toBe('令和元年12月31日');
    expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
    expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
  });

  it('switches era on the right day', () => {
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
    expect(formatWareki('2020-01-01')).toBe('令和2年1月1日');
    expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
    expect(formatWareki('1912-07-29')).toBe('明治45年7月29日');
    expect(formatWareki('1912-07-30')).toBe('大正元年7月30日');
  });

  it('refuses dates before the Gregorian calendar was adopted in Japan', () => {
    expect(formatWareki('1873-01-01')).toBe('明治6年1月1日');
    expect(() => formatWareki('1872-12-31')).toThrow(RangeError);
  });
});

describe('formatDateTimeJa', () => {
  it('shows an instant in Japan time', () => {
    expect(formatDateTimeJa('2026-11-25T08:24:00Z')).toBe('2026年11月25日 17:24');
    expect(formatDateTimeJa(new Date('2026-11-25T08:24:05Z'), { seconds: true })).toBe('2026年11月25日 17:24:05');
  });

  it('crosses midnight into the next Japanese day', () => {
    expect(formatDateTimeJa('2026-12-31T15:00:00Z')).toBe('2027年1月1日 0:00');
    expect(formatDateTimeJa('2026-11-25T00:05:00+09:00')).toBe('2026年11月25日 0:05');
  });

  it('is the same whatever the machine zone', () => {
    process.env.TZ = 'America/New_York';
    expect(formatDateTimeJa('2026-11-25T08:24:00Z')).toBe('2026年11月25日 17:24');
    process.env.TZ = 'UTC';
    expect(formatDateTimeJa('2026-11-25T08:24:00Z')).toBe('2026年11月25日 17:24');
  });

  it('rejects strings without a zone and invalid dates', () => {
    expect(() => formatDateTimeJa('2026-11-25T10:00')).toThrow(RangeError);
    expect(() => formatDateTimeJa('2026-11-25')).toThrow(RangeError);
    expect(() => formatDateTimeJa('yesterday')).toThrow(RangeError);
    expect(() => formatDateTimeJa(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('tokyoDate', () => {
  it('gives the Japanese calendar date of an instant', () => {
    expect(tokyoDate('2026-11-25T14:59:59Z')).toBe('2026-11-25');
    expect(tokyoDate('2026-11-25T15:00:00Z')).toBe('2026-11-26');
    expect(tokyoDate(new Date('2026-03-31T20:00:00-05:00'))).toBe('2026-04-01');
  });

  it('defaults to now', () => {
    expect(tokyoDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
