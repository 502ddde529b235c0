// A bar / stacked bar chart with its table: the chart is an image with a one-line summary for
// screen readers (role="img"), and the same numbers are always available as a real table.
// ECharts is loaded lazily, the first time a chart is on screen.
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';

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
}

export interface ChartProps {
  spec: ChartSpec;
  /** What the chart shows, read by screen readers instead of the picture. */
  summary: string;
  /** The table with the same numbers (caption included). */
  table: ReactNode;
  height?: number;
}

export function Chart({ spec, summary, table, height }: ChartProps) {
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
      <details className="chart__table">
        <summary id={`${id}-table`}>{t('sv.showTable')}</summary>
        {table}
      </details>
    </div>
  );
}

/** 0.4231 → 42.3 */
export const pct = (share: number | null | undefined) => (share == null ? null : Math.round(share * 1000) / 10);
