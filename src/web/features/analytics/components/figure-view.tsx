// One figure of the API (columns + rows + definition + stats) on screen: the summary statistics,
// a chart drawn from the same rows (ECharts, loaded lazily) with the table as its accessible
// alternative, or only the table where a chart would not help; the gap matrix has its own view.
import type { Figure, FigureId } from '../../../../shared/contracts/analytics';
import { Chart, type ChartSpec } from '../../../components/ui/chart';
import { useLocale, type MessageKey } from '../../../i18n/i18n';
import { ja } from '../../../i18n/ja';
import { FigureFrame } from './figure';
import { FigureTable, visibleColumns } from './figure-table';
import { chartValue, formatCell, isNumericKind } from './format';
import { DrillDownButton, drillTargetOf, type DrillTarget } from './drill-down';
import { GapMatrix } from './gap-matrix';

/** More rows than this read better as a table than as bars. */
const MAX_CHART_ROWS = 40;

export function chartSpecOf(figure: Figure): ChartSpec | null {
  if (figure.chart === 'table' || figure.chart === 'heatmap') return null;
  // The region's 合計 row (no municipality code) stays in the table; as a bar it would dwarf the cities.
  const rows = figure.rows.length > 1 ? figure.rows.filter((r) => !('municipalityCode' in r) || r.municipalityCode !== null) : figure.rows;
  if (rows.length === 0 || rows.length > MAX_CHART_ROWS) return null;
  const columns = visibleColumns(figure);
  // Label columns that say the same on every row (one indicator's name) add nothing to a category.
  const labels = columns.filter((c) => c.kind === 'label' && new Set(rows.map((r) => r[c.key])).size > 1);
  const numeric = columns.filter((c) => isNumericKind(c.kind));
  const line = figure.chart === 'line';
  // One unit per chart: a line over time follows the share where there is one, bars the counts.
  const first = (line ? numeric.find((c) => c.kind === 'share') : undefined) ?? numeric[0];
  if (!first) return null;
  const series = numeric.filter((c) => c.kind === first.kind);
  const categoryOf = (r: Figure['rows'][number], i: number) => (labels.length ? labels.map((l) => String(r[l.key] ?? '')).join(' ') : String(i + 1));
  return {
    categories: rows.map(categoryOf),
    series: series.map((c) => ({ name: c.label, type: line ? 'line' : 'bar', data: rows.map((r) => chartValue(r[c.key], c.kind)) })),
    stacked: figure.chart === 'stacked_bar',
    percent: first.kind === 'share',
    horizontal: !(line || figure.chart === 'histogram'),
    valueLabels: figure.chart !== 'stacked_bar' && series.length <= 2 && rows.length <= 20,
  };
}

/** The label of a summary statistic (gini, p90…), falling back to the server's key. */
function useStatLabel() {
  const { t } = useLocale();
  return (key: string) => {
    const k = `an.stat.${key}`;
    return k in ja ? t(k as MessageKey) : key;
  };
}

export interface FigureViewProps {
  figure: Figure;
  csvHref?: string;
  /** Open the tables (print view). */
  print?: boolean;
  /** Suppression marker and threshold, for the note under a figure with suppressed cells. */
  marker: string;
  threshold: number;
  idPrefix?: string;
  /** Drill-down from a row or cell (city × care item) to the persons the viewer may open. */
  onDrillDown?: (target: DrillTarget) => void;
}

/** The figures whose rows stand for city × care item cells. */
const DRILLABLE: readonly FigureId[] = ['demand.clients', 'gaps.matrix'];

export function FigureView({ figure, csvHref, print, marker, threshold, idPrefix = 'fig', onDrillDown }: FigureViewProps) {
  const { t, locale } = useLocale();
  const statLabel = useStatLabel();
  const spec = chartSpecOf(figure);
  const caption = t('an.tableOf', { title: figure.title });
  const drill =
    onDrillDown && !print && DRILLABLE.includes(figure.id)
      ? (row: Figure['rows'][number]) => {
          const target = drillTargetOf(row, t('an.drill.allItems'));
          return target ? <DrillDownButton target={target} onOpen={onDrillDown} /> : null;
        }
      : undefined;
  const stats = Object.entries(figure.stats);
  // Shares are 0–1; the referral times are days (the caseload's median and p90 are case counts).
  const statKind = (key: string) => (/share/i.test(key) ? 'share' : figure.id === 'referrals.time' && /median|p90/.test(key) ? 'days' : 'number');
  return (
    <FigureFrame id={`${idPrefix}-${figure.id.replace('.', '-')}`} title={figure.title} definition={figure.definition} csvHref={csvHref} definitionOpen={print}>
      {stats.length > 0 ? (
        <dl className="stat-row an-stats" aria-label={t('an.stats')}>
          {stats.map(([key, value]) => (
            <div key={key}>
              <dt>{statLabel(key)}</dt>
              <dd>{formatCell(value, statKind(key), t, locale)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {figure.rows.length === 0 ? (
        <p>{t('common.empty')}</p>
      ) : figure.id === ('gaps.matrix' satisfies FigureId) ? (
        <GapMatrix figure={figure} cellAction={drill} />
      ) : spec ? (
        <Chart
          spec={spec}
          summary={t('an.chartSummary', { title: figure.title, summary: chartSummary(figure, spec) })}
          table={<FigureTable figure={figure} caption={caption} rowAction={drill} rowActionLabel={t('an.drill.open')} />}
          tableOpen={print}
        />
      ) : (
        <FigureTable figure={figure} caption={caption} rowAction={drill} rowActionLabel={t('an.drill.open')} />
      )}
      {figure.hasSuppressed ? <p className="small muted an-suppressed-note">{t('an.suppressedNote', { marker, threshold })}</p> : null}
    </FigureFrame>
  );
}

/** "松戸 12、柏 8、…" — the first series read out, for the chart's accessible name. */
function chartSummary(figure: Figure, spec: ChartSpec): string {
  const s = spec.series[0];
  if (!s) return '';
  const items = spec.categories.slice(0, 12).map((c, i) => `${c} ${s.data[i] ?? '—'}${spec.percent ? '%' : ''}`);
  return `${s.name}: ${items.join('、')}${spec.categories.length > 12 ? '…' : ''}`;
}
