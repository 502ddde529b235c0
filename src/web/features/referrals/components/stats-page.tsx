// /cases/stats: time to acceptance and decline reasons per month, as tables (always) and charts
// (loaded lazily). Aggregates only — no client details.
import { Link } from '@tanstack/react-router';
import { Suspense, lazy } from 'react';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { TextField, SelectField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useMunicipalityNames } from '../../people';
import { useStats } from '../api/get-stats';
import type { Stats, StatsFilters } from '../api/types';

const StatsChart = lazy(() => import('./stats-chart'));

export interface StatsPageProps {
  filters: StatsFilters;
  onFiltersChange: (filters: StatsFilters) => void;
}

/** '2026-05' → '2026年5月' */
const monthLabel = (m: string) => {
  const [y, mo] = m.split('-');
  return `${y}年${Number(mo)}月`;
};

export function StatsPage({ filters, onFiltersChange }: StatsPageProps) {
  const t = useT();
  useDocumentTitle(t('stats.title'));
  const stats = useStats(filters);
  const munis = useMunicipalityNames();

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.backToDashboard')}</Link>
      </p>
      <PageHeader title={t('stats.title')} lead={t('stats.intro')} />
      <FilterBar
        label={t('stats.filters')}
        initial={filters as Record<string, string | undefined>}
        onApply={(v) => onFiltersChange(v as StatsFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('stats.from')} type="date" value={v.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
            <TextField label={t('stats.to')} type="date" value={v.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
            <SelectField label={t('intake.municipality')} emptyOption={t('common.all')} options={munis.options} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
          </>
        )}
      />
      {stats.isPending ? <LoadingState /> : null}
      {stats.error ? <ErrorState error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {stats.data ? <StatsBody s={stats.data} /> : null}
    </div>
  );
}

function StatsBody({ s }: { s: Stats }) {
  const t = useT();
  const ttaColumns: Column<Stats['timeToAcceptance'][number]>[] = [
    { key: 'month', header: t('stats.month'), isRowHeader: true, className: 'nowrap', cell: (r) => monthLabel(r.month) },
    { key: 'accepted', header: t('stats.accepted'), className: 'cell-number', cell: (r) => r.accepted },
    { key: 'median', header: t('stats.medianDays'), className: 'cell-number', cell: (r) => (r.medianDays === null ? '—' : t('cases.days', { days: r.medianDays })) },
    { key: 'average', header: t('stats.averageDays'), className: 'cell-number', cell: (r) => (r.averageDays === null ? '—' : t('cases.days', { days: Math.round(r.averageDays * 10) / 10 })) },
  ];
  const reasonCodes = Object.keys(s.declineReasonLabels);
  const declineColumns: Column<Stats['declineReasons'][number]>[] = [
    { key: 'month', header: t('stats.month'), isRowHeader: true, className: 'nowrap', cell: (r) => monthLabel(r.month) },
    ...reasonCodes.map((code) => ({ key: code, header: s.declineReasonLabels[code], className: 'cell-number', cell: (r: Stats['declineReasons'][number]) => r.counts[code] ?? 0 })),
    { key: 'total', header: t('stats.total'), className: 'cell-number', cell: (r) => r.total },
  ];
  const totalAccepted = s.timeToAcceptance.reduce((n, r) => n + r.accepted, 0);
  const chartLabels = { accepted: t('stats.accepted'), medianDays: t('stats.medianDays') };
  return (
    <>
      <Section title={t('stats.totals')}>
        <dl className="summary-list summary-list--inline">
          {(['sent', 'accepted', 'declined', 'expired', 'withdrawn'] as const).map((k) => (
            <div key={k}>
              <dt>{t(`stats.total.${k}`)}</dt>
              <dd>{t('stats.count', { count: s.totals[k] })}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section title={t('stats.timeToAcceptance')}>
        <Suspense fallback={<LoadingState label={t('stats.chartLoading')} />}>
          <StatsChart stats={s} kind="acceptance" labels={chartLabels} label={t('stats.acceptanceChartLabel', { months: s.months.length, accepted: totalAccepted })} />
        </Suspense>
        <DataTable caption={t('stats.timeToAcceptanceCaption')} columns={ttaColumns} rows={s.timeToAcceptance} rowKey={(r) => r.month} />
      </Section>
      <Section title={t('stats.declineReasons')}>
        <Suspense fallback={<LoadingState label={t('stats.chartLoading')} />}>
          <StatsChart stats={s} kind="declines" labels={chartLabels} label={t('stats.declineChartLabel', { declined: s.totals.declined })} />
        </Suspense>
        <DataTable caption={t('stats.declineReasonsCaption')} columns={declineColumns} rows={s.declineReasons} rowKey={(r) => r.month} />
      </Section>
    </>
  );
}
