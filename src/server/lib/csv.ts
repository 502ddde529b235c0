// CSV for spreadsheets used in Japanese offices: UTF-8 with a BOM (Excel reads it as UTF-8),
// CRLF line ends, and cells that look like formulas neutralised.
import { stringify } from 'csv-stringify/sync';

/** Cells starting with = + - @ (or a tab / CR) are prefixed with ' so a spreadsheet never runs them as formulas. */
export const csvSafe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Header and rows → CSV text with BOM and CRLF, every cell made formula-safe. */
export function toCsv(rows: string[][]): string {
  return '\ufeff' + stringify(rows.map((r) => r.map(csvSafe)), { record_delimiter: '\r\n' });
}
