// Small helpers for showing and editing event times. Times are always Japan time; the form
// edits a calendar date and two clock times and sends ISO instants with +09:00.
import { tokyoDate } from '../../../../shared/dates';

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** '13:30' in Japan time. */
export function tokyoTime(iso: string): string {
  return TIME.format(new Date(iso));
}

/** Date + 'HH:MM' in Japan → '2025-12-19T13:30:00+09:00'. Empty when either part is missing. */
export function toTokyoInstant(date: string, time: string): string {
  if (!date || !time) return '';
  return `${date}T${time}:00+09:00`;
}

export function splitInstant(iso: string | null | undefined): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  return { date: tokyoDate(iso), time: tokyoTime(iso) };
}

/** 'YYYY-MM' of a date. */
export const monthOf = (iso: string) => iso.slice(0, 7);
