// Pure statistics for the council analytics (issue #8). Every function takes plain numbers so
// its definition can be checked on small hand-made data (analytics-metrics.test.ts).

/** Sorted copy, ascending. */
const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

/**
 * Percentile by linear interpolation between closest ranks (PostgreSQL's percentile_cont, Excel's
 * PERCENTILE.INC): p in [0, 1]. Empty input → null.
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  if (p < 0 || p > 1) throw new RangeError(`percentile ${p} outside [0, 1]`);
  const s = sorted(values);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/**
 * Gini coefficient of non-negative values (0 = everyone holds the same, →1 = one holds all):
 * G = Σᵢ (2i − n − 1)·xᵢ / (n·Σx) with x sorted ascending, i = 1…n. Empty or all-zero → null
 * (there is no concentration to measure).
 * @example gini([1, 1, 1, 1]) // 0
 * @example gini([0, 0, 0, 4]) // 0.75
 */
export function gini(values: readonly number[]): number | null {
  if (values.some((v) => v < 0)) throw new RangeError('gini needs non-negative values');
  const s = sorted(values);
  const n = s.length;
  const total = s.reduce((a, b) => a + b, 0);
  if (!n || total === 0) return null;
  let acc = 0;
  s.forEach((x, i) => {
    acc += (2 * (i + 1) - n - 1) * x;
  });
  return acc / (n * total);
}

/**
 * Share of the total held by the top `fraction` of holders (default 20 %): the holders are
 * ranked by value and the top ceil(n × fraction) counted (at least one). Empty or all-zero → null.
 * @example topShare([10, 0, 0, 0, 0]) // 1 — one of five consultants holds every case
 */
export function topShare(values: readonly number[], fraction = 0.2): number | null {
  const total = values.reduce((a, b) => a + b, 0);
  if (!values.length || total === 0) return null;
  const k = Math.max(1, Math.ceil(values.length * fraction));
  const top = sorted(values).reverse().slice(0, k);
  return top.reduce((a, b) => a + b, 0) / total;
}

/** numerator ÷ denominator, null when the denominator is 0 (no supply: "∞" is not a number to chart). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Per 100 (coordinators per 100 clients); null without clients. */
export function per100(count: number, base: number): number | null {
  return base === 0 ? null : (count * 100) / base;
}

export interface HistogramBucket {
  label: string;
  min: number;
  /** Inclusive upper bound; null = open-ended. */
  max: number | null;
  count: number;
}

/** Caseload buckets: 0, 1, 2, 3–4, 5–9, 10–19, 20+. */
export const CASELOAD_BUCKETS: readonly [number, number | null][] = [
  [0, 0],
  [1, 1],
  [2, 2],
  [3, 4],
  [5, 9],
  [10, 19],
  [20, null],
];

export function histogram(values: readonly number[], buckets: readonly [number, number | null][] = CASELOAD_BUCKETS): HistogramBucket[] {
  return buckets.map(([min, max]) => ({
    label: max === null ? `${min}件以上` : min === max ? `${min}件` : `${min}〜${max}件`,
    min,
    max,
    count: values.filter((v) => v >= min && (max === null || v <= max)).length,
  }));
}

/**
 * Small-cell suppression: a count of people from 1 to threshold−1 becomes the marker ("<5");
 * 0 stays 0 (an empty cell names nobody) and counts at or above the threshold are shown.
 * @example suppressCount(4, 5) // "<5"
 * @example suppressCount(5, 5) // 5
 */
export function suppressCount(n: number, threshold: number): number | string {
  return n > 0 && n < threshold ? `<${threshold}` : n;
}

/** True when a count must be suppressed at this threshold. */
export const isSmallCount = (n: number, threshold: number) => n > 0 && n < threshold;

/** Rounded to `digits` decimals (for display and stable comparisons); null passes through. */
export function round(value: number | null, digits = 3): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
