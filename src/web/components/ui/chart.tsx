// A bar / stacked bar / line chart with its table: the chart is an image with a one-line summary
// for screen readers (role="img"), and the same numbers are always available as a real table.
// ECharts is loaded lazily, the first time a chart is on screen. Shared by the surveys and the
// council analytics.
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { LoadingState } from './query-state';
import { useT } from '../../i18n/i18n';

const ChartCanvas = lazy(() => import('./chart-canvas'));

export interface ChartSeries {
  name: string;
  data: (number | null)[];
  type?: 'bar' | 'line';
}

export interface ChartSpec {
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** Values are percentages (0–100). */
  percent?: boolean;
  /** Bars run left to right with the categories down the side (default), good for long labels. */
  horizontal?: boolean;
  /** Print each value on the bar / point (default: on for unstacked charts). */
  valueLabels?: boolean;
}

export interface ChartProps {
  spec: ChartSpec;
  /** What the chart shows, read by screen readers instead of the picture. */
  summary: string;
  /** The table with the same numbers (caption included), behind a 表で見る disclosure. */
  table: ReactNode;
  height?: number;
  /** The table is open from the start (e.g. when printing). */
  tableOpen?: boolean;
}

export function Chart({ spec, summary, table, height, tableOpen }: ChartProps) {
  const t = useT();
  const id = useId();
  const h = height ?? Math.max(140, (spec.horizontal === false ? 8 : spec.categories.length) * (spec.stacked ? 44 : 36) + 60);
  return (
    <div className="chart">
      <div role="img" aria-label={summary} className="chart__figure">
        <Suspense fallback={<LoadingState label={t('sv.chartLoading')} />}>
          <ChartCanvas spec={spec} height={h} />
        </Suspense>
      </div>
      <details className="chart__table" open={tableOpen}>
        <summary id={`${id}-table`}>{t('sv.showTable')}</summary>
        {table}
      </details>
    </div>
  );
}

/** 0.4231 → 42.3 */
export const pct = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10);
