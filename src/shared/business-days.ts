// 営業日 (office working days) for deadlines: plan drafts, monitoring reports, replies to a
// referral. City offices and most providers close on weekends, national holidays and the
// year-end break (12/29–1/3, set by each municipality's 休日条例 after the national
// 行政機関の休日に関する法律), so all three are off by default.
//
// Holidays come from @holiday-jp/holiday_jp's pre-generated table, looked up by the
// 'YYYY-MM-DD' key directly: the package's `isHoliday(Date)` formats the Date in the machine's
// local zone, so the same instant could be a different day on a UTC server. Its table covers
// 1970–2050 and only changes with a package update (holiday law changes, e.g. the 2020/2021
// Olympic moves, arrive that way), so dates outside it throw instead of silently being treated
// as holiday-free.
import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, compareIsoDates, dayOfWeek, parseIsoDate, type IsoDate } from './calendar-date.js';

const HOLIDAYS: Readonly<Record<string, { name: string }>> = holidayJp.holidays;

const holidayYears = Object.keys(HOLIDAYS).map((d) => Number(d.slice(0, 4)));

/** First and last day the holiday table covers (whole years). */
export const HOLIDAY_DATA_RANGE: { from: IsoDate; to: IsoDate } = {
  from: `${Math.min(...holidayYears)}-01-01`,
  to: `${Math.max(...holidayYears)}-12-31`,
};

export interface BusinessDayOptions {
  /** Treat 12/29–1/3 as closed (年末年始). Default true. */
  yearEndClosure?: boolean;
}

function assertCovered(iso: IsoDate): void {
  parseIsoDate(iso);
  if (compareIsoDates(iso, HOLIDAY_DATA_RANGE.from) < 0 || compareIsoDates(iso, HOLIDAY_DATA_RANGE.to) > 0) {
    throw new RangeError(
      `No holiday data for ${iso} (covered: ${HOLIDAY_DATA_RANGE.from}..${HOLIDAY_DATA_RANGE.to}); update @holiday-jp/holiday_jp`,
    );
  }
}

/** The holiday's Japanese name ('こどもの日 振替休日', '休日' for 国民の休日), or undefined. */
export function holidayName(iso: IsoDate): string | undefined {
  assertCovered(iso);
  return HOLIDAYS[iso]?.name;
}

/** 国民の祝日, 振替休日 and 国民の休日. */
export function isNationalHoliday(iso: IsoDate): boolean {
  return holidayName(iso) !== undefined;
}

/** 12/29 to 1/3 inclusive. */
export function isYearEndClosure(iso: IsoDate): boolean {
  const { month, day } = parseIsoDate(iso);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

export function isBusinessDay(iso: IsoDate, options: BusinessDayOptions = {}): boolean {
  // Check coverage first, so a weekend outside the table throws like any other day there.
  assertCovered(iso);
  const weekday = dayOfWeek(iso);
  if (weekday === 0 || weekday === 6) return false;
  if (isNationalHoliday(iso)) return false;
  if ((options.yearEndClosure ?? true) && isYearEndClosure(iso)) return false;
  return true;
}

/**
 * Moves `n` business days from `iso`; the start day itself is never counted, and it may be a
 * non-business day (Saturday + 1 → Monday). n = 0 returns `iso` unchanged; negative n goes back.
 */
export function addBusinessDays(iso: IsoDate, n: number, options: BusinessDayOptions = {}): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  assertCovered(iso);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = iso;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isBusinessDay(day, options)) remaining--;
  }
  return day;
}

/** `iso` when it is a business day, else the next one — for a deadline that lands on a holiday. */
export function nextBusinessDayOnOrAfter(iso: IsoDate, options: BusinessDayOptions = {}): IsoDate {
  let day = iso;
  while (!isBusinessDay(day, options)) day = addDays(day, 1);
  return day;
}

/**
 * Business days from `a` to `b`: those in (a, b] when b ≥ a, and minus those in [b, a) when
 * b < a — the inverse of addBusinessDays, so businessDaysBetween(a, addBusinessDays(a, n)) = n.
 */
export function businessDaysBetween(a: IsoDate, b: IsoDate, options: BusinessDayOptions = {}): number {
  const order = compareIsoDates(a, b);
  if (order === 0) return 0;
  let count = 0;
  if (order < 0) {
    for (let day = addDays(a, 1); compareIsoDates(day, b) <= 0; day = addDays(day, 1)) {
      if (isBusinessDay(day, options)) count++;
    }
    return count;
  }
  for (let day = b; compareIsoDates(day, a) < 0; day = addDays(day, 1)) {
    if (isBusinessDay(day, options)) count++;
  }
  return -count;
}
