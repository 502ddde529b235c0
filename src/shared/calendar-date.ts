// Calendar-date arithmetic on ISO 'YYYY-MM-DD' strings.
//
// Why not `Date`: a `Date` is an instant, not a day. `new Date('2026-04-01')` is UTC midnight,
// which `getDate()` reads as 2026-04-01 in Asia/Tokyo but as 2026-03-31 in any zone west of
// UTC, and local-time arithmetic across DST in other zones skips or repeats days. Birthdays,
// school years, holidays and deadlines are calendar days, so everything here works on plain
// integers (a day number counted from 1970-01-01) and never touches a time zone.

/** An ISO calendar date 'YYYY-MM-DD' (4-digit year, no time, no zone). */
export type IsoDate = string;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** 0 = Sunday … 6 = Saturday, the same numbering as `Date#getDay()`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a well-formed *and existing* date ('2026-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses 'YYYY-MM-DD'; throws RangeError for anything else, including impossible dates. */
export function parseIsoDate(iso: string): CalendarDate {
  if (!isIsoDate(iso)) throw new RangeError(`Invalid ISO calendar date: ${JSON.stringify(iso)}`);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) throw new RangeError(`Invalid calendar date: ${year}-${month}-${day}`);
  return iso;
}

// Day numbers use Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
// Gregorian calendar, integer-only, so no floating point or time-zone drift.
export function toDayNumber(iso: IsoDate): number {
  const { year, month, day } = parseIsoDate(iso);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return toIsoDate({ year, month, day });
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last
 * day (2026-01-31 + 1 month = 2026-02-28), which is how Japanese offices count "1か月後".
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer: ${months}`);
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return toIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Signed number of days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function dayOfWeek(iso: IsoDate): DayOfWeek {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(iso) + 4) % 7) + 7) % 7) as DayOfWeek;
}

/** -1, 0 or 1. ISO dates with 4-digit years sort correctly as strings, but validate first. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Japanese one-character weekday names, indexed by `DayOfWeek`. */
export const WEEKDAY_LABELS_JA = ['日', '月', '火', '水', '木', '金', '土'] as const;
