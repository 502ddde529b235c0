// Small-cell suppression of figure rows (issue #8 item 3), pure so it can be tested cell by cell.
//
// Rule: a count of clients is exact only in a row of the viewer's own municipality (an
// official's city). Everywhere else — other cities, region totals, reports — a count from 1 to
// threshold−1 becomes the marker "<5". A total over cities is withheld (null) when exactly one
// of its parts is suppressed: otherwise total − shown parts would give the hidden number back.
// Ratios and shares are recomputed after suppression, so one computed from a hidden count is null.
import { suppressedMarker, type Cell, type Column } from '../../../shared/contracts/analytics.js';
import { isSmallCount } from '../../../shared/domain/analytics-metrics.js';

export interface Viewer {
  /** The official's own municipality: exact counts there. Null = nowhere. */
  detailMunicipality: string | null;
  threshold: number;
}

/** The viewer used for anything leaving the dashboard for the council (reports, snapshots shown to all). */
export const councilViewer = (threshold: number): Viewer => ({ detailMunicipality: null, threshold });

export type Row = Record<string, Cell>;

export interface SuppressOptions {
  /** Row key holding the municipality code; null in a total row. */
  municipalityKey?: string;
  /** Keys that identify a total row's parts (rows with the same values and a municipality). */
  groupKeys?: string[];
  /** Columns computed from others after suppression (ratios, shares). */
  derived?: Record<string, (row: Row) => Cell>;
}

const num = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : null);

/** Returns suppressed copies of the rows and whether any cell was hidden. */
export function suppressRows(rows: Row[], columns: Column[], viewer: Viewer, opts: SuppressOptions = {}): { rows: Row[]; hasSuppressed: boolean } {
  const mKey = opts.municipalityKey ?? 'municipalityCode';
  const countKeys = columns.filter((c) => c.clientCount).map((c) => c.key);
  const marker = suppressedMarker(viewer.threshold);
  let hasSuppressed = false;
  const groupOf = (r: Row) => (opts.groupKeys ?? []).map((k) => String(r[k] ?? '')).join('\u0000');
  const isTotal = (r: Row) => r[mKey] === null || r[mKey] === undefined;

  // Which parts of each group are hidden, per column (for totals).
  const hiddenParts = new Map<string, number>();
  const out = rows.map((r) => {
    const copy: Row = { ...r };
    if (isTotal(r)) return copy;
    const exact = viewer.detailMunicipality !== null && r[mKey] === viewer.detailMunicipality;
    for (const k of countKeys) {
      const v = num(r[k]);
      if (v === null || exact || !isSmallCount(v, viewer.threshold)) continue;
      copy[k] = marker;
      hasSuppressed = true;
      const g = `${groupOf(r)}\u0001${k}`;
      hiddenParts.set(g, (hiddenParts.get(g) ?? 0) + 1);
    }
    return copy;
  });
  out.forEach((copy, i) => {
    const r = rows[i]!;
    if (!isTotal(r)) return;
    for (const k of countKeys) {
      const v = num(r[k]);
      if (v === null) continue;
      if (isSmallCount(v, viewer.threshold)) {
        copy[k] = marker;
        hasSuppressed = true;
      } else if (hiddenParts.get(`${groupOf(r)}\u0001${k}`) === 1) {
        copy[k] = null;
        hasSuppressed = true;
      }
    }
  });
  if (opts.derived) for (const row of out) for (const [k, f] of Object.entries(opts.derived)) row[k] = f(row);
  return { rows: out, hasSuppressed };
}

/** A statistic over a group of clients (median days, share): hidden unless the group is large enough or the viewer's own city. */
export function suppressStat(value: number | null, groupSize: number, municipalityCode: string | null, viewer: Viewer): Cell {
  if (value === null) return null;
  if (municipalityCode !== null && municipalityCode === viewer.detailMunicipality) return value;
  return isSmallCount(groupSize, viewer.threshold) ? null : value;
}

/** Ratio of two cells, null if either is hidden or the denominator is 0. */
export function cellRatio(a: Cell | undefined, b: Cell | undefined, digits = 3): Cell {
  const x = num(a);
  const y = num(b);
  if (x === null || y === null || y === 0) return null;
  const f = 10 ** digits;
  return Math.round((x / y) * f) / f;
}
