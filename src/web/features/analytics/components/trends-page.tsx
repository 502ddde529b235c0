// /analytics/trends: each chosen metric over the months of the snapshots (one small line chart
// per metric, since their units differ, each with its table), and two months compared side by
// side. "<5" stays "<5" and breaks the line rather than being drawn as a number.
import { isSuppressed, type CompareResponse, type TrendsResponse } from '../../../../shared/contracts/analytics';
import { tokyoDate } from '../../../../shared/dates';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Chart } from '../../../components/ui/chart';
import { CheckboxGroup, SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { hasPermission, useMe } from '../../auth';
import { useLocale } from '../../../i18n/i18n';
import { useCompare } from '../api/compare-months';
import { useTrends } from '../api/get-trends';
import { useMetrics } from '../api/list-metrics';
import { useSnapshots } from '../api/list-snapshots';
import { useTakeSnapshot } from '../api/take-snapshot';
import { AnalyticsNav } from './analytics-nav';
import { areaOptions } from './area-options';
import { DefinitionDisclosure } from './figure';
import { chartValue, formatCell } from './format';

export interface TrendsSearch {
  area?: string;
  metrics?: string;
  from?: string;
  to?: string;
  a?: string;
  b?: string;
}

/** Shown when nothing is chosen: the headline figures of each part of the dashboard. */
export const DEFAULT_METRICS = ['clients', 'services_ventilator_yes', 'consultants_yes', 'referrals_waiting', 'plans_approved', 'would_accept_share'];

/** Metrics that are shares (0–1) rather than counts. */
const kindOfMetric = (metric: string) => (/share|gini/.test(metric) ? (metric.endsWith('gini') ? 'number' : 'share') : /days/.test(metric) ? 'days' : 'count');

export function TrendsPage({ search, onSearchChange }: { search: TrendsSearch; onSearchChange: (s: TrendsSearch) => void }) {
  const { t } = useLocale();
  useDocumentTitle(t('an.trends.title'));
  const me = useMe();
  const catalogue = useMetrics();
  const metrics = search.metrics ?? DEFAULT_METRICS.join(',');
  const trends = useTrends({ area: search.area, metrics, from: search.from, to: search.to });
  const snapshots = useSnapshots();
  const take = useTakeSnapshot();
  const months = (snapshots.data?.items ?? []).map((s) => s.month);
  const options = (catalogue.data?.items ?? []).map((m) => ({ value: m.metric, label: m.label }));
  return (
    <>
      <AnalyticsNav />
      <div className="page an-page">
        <PageHeader
          title={t('an.trends.title')}
          lead={t('an.trends.intro')}
          actions={
            hasPermission(me, 'take:analytics-snapshot') ? (
              <Button variant="secondary" isPending={take.isPending} onClick={() => take.mutate(tokyoDate().slice(0, 7))}>
                {t('an.snapshot.take')}
              </Button>
            ) : undefined
          }
        />
        {take.data ? <Alert tone="success">{t('an.snapshot.taken', { month: take.data.month, rows: take.data.rows })}</Alert> : null}
        {take.error ? <ErrorState error={take.error} /> : null}
        <FilterBar
          label={t('an.trends.filters')}
          initial={{ area: search.area, metrics: search.metrics, from: search.from, to: search.to }}
          onApply={(v) => onSearchChange({ ...v, a: search.a, b: search.b })}
          fields={(v, set) => (
            <>
              <SelectField label={t('an.area')} options={areaOptions(t)} value={v.area ?? 'region'} onChange={(e) => set('area', e.currentTarget.value === 'region' ? '' : e.currentTarget.value)} />
              <TextField label={t('an.trends.fromMonth')} type="month" value={v.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
              <TextField label={t('an.trends.toMonth')} type="month" value={v.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
              <CheckboxGroup
                className="an-metrics"
                name="metrics"
                label={t('an.trends.metrics')}
                options={options}
                value={(v.metrics ?? metrics).split(',').filter(Boolean)}
                onChange={(list) => set('metrics', list.join(','))}
              />
            </>
          )}
        />
        <Section title={t('an.trends.chart')} id="trends">
          {trends.isPending ? <LoadingState /> : null}
          {trends.error ? <ErrorState error={trends.error} onRetry={() => void trends.refetch()} /> : null}
          {trends.data ? <TrendCharts data={trends.data} /> : null}
        </Section>
        <Section title={t('an.compare.title')} id="compare">
          <FilterBar
            label={t('an.compare.filters')}
            initial={{ a: search.a, b: search.b }}
            onApply={(v) => onSearchChange({ ...search, a: v.a, b: v.b })}
            fields={(v, set) => (
              <>
                <SelectField label={t('an.compare.a')} emptyOption={t('common.choose')} options={months.map((m) => ({ value: m, label: m }))} value={v.a ?? ''} onChange={(e) => set('a', e.currentTarget.value)} />
                <SelectField label={t('an.compare.b')} emptyOption={t('common.choose')} options={months.map((m) => ({ value: m, label: m }))} value={v.b ?? ''} onChange={(e) => set('b', e.currentTarget.value)} />
              </>
            )}
          />
          <CompareResult area={search.area} a={search.a} b={search.b} />
        </Section>
      </div>
    </>
  );
}

function TrendCharts({ data }: { data: TrendsResponse }) {
  const { t, locale } = useLocale();
  if (data.months.length === 0) return <p>{t('an.trends.empty')}</p>;
  return (
    <>
      <DefinitionDisclosure title={t('an.trends.chart')} definition={data.definition} />
      <div className="an-trends">
        {data.series.map((s) => {
          const kind = kindOfMetric(s.metric);
          const caption = t('an.tableOf', { title: s.label });
          return (
            <section key={s.metric} className="an-figure" aria-labelledby={`trend-${s.metric}`}>
              <h3 className="an-figure__title" id={`trend-${s.metric}`}>
                {s.label}
              </h3>
              <Chart
                height={220}
                spec={{ categories: s.points.map((p) => p.month), series: [{ name: s.label, type: 'line', data: s.points.map((p) => chartValue(p.value, kind)) }], horizontal: false, percent: kind === 'share', valueLabels: s.points.length <= 12 }}
                summary={t('an.chartSummary', { title: s.label, summary: s.points.map((p) => `${p.month} ${formatCell(p.value, kind, t, locale)}`).join('、') })}
                table={
                  <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
                    <table className="table table--compact">
                      <caption className="table__caption">{caption}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('an.trends.month')}</th>
                          <th scope="col" className="cell-number">
                            {s.label}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.points.map((p) => (
                          <tr key={p.month}>
                            <th scope="row">{p.month}</th>
                            <td className="cell-number">{formatCell(p.value, kind, t, locale)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                }
              />
              {s.points.some((p) => isSuppressed(p.value)) ? <p className="small muted">{t('an.suppressedNote', { marker: data.viewer.marker, threshold: data.viewer.suppressBelow })}</p> : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

function CompareResult({ area, a, b }: { area?: string; a?: string; b?: string }) {
  const { t } = useLocale();
  const compare = useCompare({ area, a, b });
  if (!a || !b) return <p>{t('an.compare.choose')}</p>;
  if (compare.isPending) return <LoadingState />;
  if (compare.error) return <ErrorState error={compare.error} onRetry={() => void compare.refetch()} />;
  return <CompareTable data={compare.data} />;
}

export function CompareTable({ data, caption }: { data: Pick<CompareResponse, 'rows' | 'a' | 'b'>; caption?: string }) {
  const { t, locale } = useLocale();
  const cap = caption ?? t('an.compare.caption', { a: data.a, b: data.b });
  const signed = (n: number | null, kind: ReturnType<typeof kindOfMetric>) => (n === null ? t('an.none') : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatCell(Math.abs(n), kind, t, locale)}`);
  return (
    <div className="table-scroll" role="region" aria-label={cap} tabIndex={0}>
      <table className="table table--compact">
        <caption className="table__caption">{cap}</caption>
        <thead>
          <tr>
            <th scope="col">{t('an.compare.metric')}</th>
            <th scope="col" className="cell-number">
              {data.a}
            </th>
            <th scope="col" className="cell-number">
              {data.b}
            </th>
            <th scope="col" className="cell-number">
              {t('an.compare.change')}
            </th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => {
            const kind = kindOfMetric(r.metric);
            return (
              <tr key={r.metric}>
                <th scope="row">{r.label}</th>
                <td className="cell-number">{formatCell(r.a, kind, t, locale)}</td>
                <td className="cell-number">{formatCell(r.b, kind, t, locale)}</td>
                <td className="cell-number">{signed(r.change, kind)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
