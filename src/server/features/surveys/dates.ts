/** The calendar date in Asia/Tokyo of an instant (UTC+9, no daylight saving). */
export function toTokyoIsoDate(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
