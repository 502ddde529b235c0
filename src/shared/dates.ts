// Date formatting for the Japanese UI and printed forms.
//
// Two kinds of value, kept apart on purpose:
// - calendar dates ('YYYY-MM-DD': birthdays, plan dates, deadlines) are formatted without any
//   time zone — we format the date at UTC midnight *in UTC*, so no machine setting can shift it;
// - instants (timestamps: audit entries, messages) are always shown in Asia/Tokyo, whatever
//   the server's or browser's TZ, because every user is in Japan and logs must agree.
import { dayOfWeek, parseIsoDate, WEEKDAY_LABELS_JA, type IsoDate } from './calendar-date.js';

export interface FormatDateJaOptions {
  /** Japanese era (和暦): '令和8年11月25日'. Many municipal forms still ask for it. */
  era?: boolean;
  /** Append the weekday: '2026年11月25日（水）'. */
  weekday?: boolean;
}

/** '2026-11-25' → '2026年11月25日' (or '令和8年11月25日' with `era`). */
export function formatDateJa(iso: IsoDate, options: FormatDateJaOptions = {}): string {
  const { year, month, day } = parseIsoDate(iso);
  const base = options.era ? formatWareki(iso) : `${year}年${month}月${day}日`;
  return options.weekday ? `${base}（${WEEKDAY_LABELS_JA[dayOfWeek(iso)]}）` : base;
}

const WAREKI_PARTS = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: 'UTC',
  era: 'long',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/**
 * Before 1873 Japan used the lunisolar calendar, so a Gregorian date cannot be given a
 * meaningful 和暦 (ICU would print a proleptic answer); nobody we serve was born then.
 */
const WAREKI_MIN_DATE = '1873-01-01';

/**
 * '2026-11-25' → '令和8年11月25日'; the first year of an era is written 元年
 * ('2019-05-01' → '令和元年5月1日'), as Japanese forms do.
 *
 * The era name comes from ICU (so a future era is picked up with the runtime's ICU data), but
 * the string is assembled here from `formatToParts`: ICU versions differ on whether they print
 * 元年 or 1年, and Node 20 prints "1" for a numeric year.
 */
export function formatWareki(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  if (iso < WAREKI_MIN_DATE) throw new RangeError(`和暦 is only supported from ${WAREKI_MIN_DATE}: ${iso}`);
  const parts = WAREKI_PARTS.formatToParts(new Date(Date.UTC(year, month - 1, day)));
  const era = parts.find((p) => p.type === 'era')?.value;
  const eraYear = Number(parts.find((p) => p.type === 'year')?.value);
  if (!era || !Number.isInteger(eraYear)) throw new Error(`ICU returned no Japanese era for ${iso}`);
  return `${era}${eraYear === 1 ? '元' : eraYear}年${month}月${day}日`;
}

export const APP_TIME_ZONE = 'Asia/Tokyo';

// Date-time strings must carry a zone: '2026-11-25T10:00' would be read in the machine's
// local zone by `new Date`, which is exactly the bug this module exists to prevent.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function toInstant(value: string | Date): Date {
  const date = typeof value === 'string' ? (INSTANT_RE.test(value) ? new Date(value) : null) : value;
  if (!date || Number.isNaN(date.getTime())) {
    throw new RangeError(`Expected a Date or an ISO date-time with a zone (Z or ±hh:mm), got ${String(value)}`);
  }
  return date;
}

const TOKYO_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: APP_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface TokyoParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function tokyoParts(date: Date): TokyoParts {
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(TOKYO_PARTS.formatToParts(date).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

export interface FormatDateTimeJaOptions {
  seconds?: boolean;
}

/** An instant shown in Japan time: '2026年11月25日 17:24' (or '… 17:24:05' with `seconds`). */
export function formatDateTimeJa(value: string | Date, options: FormatDateTimeJaOptions = {}): string {
  const p = tokyoParts(toInstant(value));
  const mm = String(p.minute).padStart(2, '0');
  const ss = options.seconds ? `:${String(p.second).padStart(2, '0')}` : '';
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${mm}${ss}`;
}

/**
 * The calendar date in Japan at an instant ('today' by default) — use it as `asOf` for
 * life-stage and deadline calculations, instead of reading the machine's local date.
 */
export function tokyoDate(value: string | Date = new Date()): IsoDate {
  const p = tokyoParts(toInstant(value));
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
