// /analytics: the regional dashboard for the council. Filters (area: the region or one city;
// as-of date; period; waiting days) live in the URL. Each section loads on its own and shows its
// figures with their definitions, CSV exports, charts and tables. Aggregates only: the server
// replaces small client counts outside the viewer's city with "<5".
import { ANALYTICS_SECTIONS, type SectionResponse } from '../../../../shared/contracts/analytics';
import { Alert } from '../../../components/ui/alert';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { figureCsvUrl } from '../api/figure-csv';
import { useSections, type AnalyticsFilters } from '../api/get-section';
import { useState } from 'react';
import { AnalyticsNav } from './analytics-nav';
import { DrillDownDialog, useCanDrillDown, type DrillTarget } from './drill-down';
import { areaLabel, areaOptions, cityName } from './area-options';
import { FigureView } from './figure-view';

export interface DashboardPageProps {
  filters: AnalyticsFilters;
  onFiltersChange: (filters: AnalyticsFilters) => void;
}

export function DashboardPage({ filters, onFiltersChange }: DashboardPageProps) {
  const t = useT();
  useDocumentTitle(t('an.dashboard.title'));
  const sections = useSections(ANALYTICS_SECTIONS, filters);
  const first = sections.find((s) => s.data)?.data;
  return (
    <>
      <AnalyticsNav />
      <div className="page an-page">
        <PageHeader title={t('an.dashboard.title')} lead={t('an.dashboard.intro')} />
        <FilterBar
          label={t('an.filters')}
          initial={{ area: filters.area, asOf: filters.asOf, from: filters.from, to: filters.to, waitingDays: filters.waitingDays?.toString() }}
          onApply={(v) => onFiltersChange({ ...v, waitingDays: v.waitingDays ? Number(v.waitingDays) : undefined } as AnalyticsFilters)}
          fields={(v, set) => (
            <>
              <SelectField label={t('an.area')} options={areaOptions(t)} value={v.area ?? 'region'} onChange={(e) => set('area', e.currentTarget.value === 'region' ? '' : e.currentTarget.value)} />
              <TextField label={t('an.asOf')} description={t('an.asOfHint')} type="date" value={v.asOf ?? ''} onChange={(e) => set('asOf', e.currentTarget.value)} />
              <TextField label={t('an.from')} description={t('an.periodHint')} type="date" value={v.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
              <TextField label={t('an.to')} type="date" value={v.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
              <TextField label={t('an.waitingDays')} type="number" inputMode="numeric" min={1} max={365} value={v.waitingDays ?? ''} onChange={(e) => set('waitingDays', e.currentTarget.value)} />
            </>
          )}
        />
        {first ? <ScopeNote data={first} /> : null}
        <nav className="an-toc" aria-label={t('an.contents')}>
          <ul>
            {ANALYTICS_SECTIONS.map((s, i) => (
              <li key={s}>
                <a href={`#sec-${s}`}>{sections[i]?.data?.title ?? s}</a>
              </li>
            ))}
          </ul>
        </nav>
        {ANALYTICS_SECTIONS.map((s, i) => {
          const q = sections[i]!;
          return (
            <section key={s} id={`sec-${s}`} className="section an-section" aria-labelledby={`sec-${s}-title`} aria-busy={q.isPending || undefined}>
              <h2 className="section__title" id={`sec-${s}-title`}>
                {q.data?.title ?? s}
              </h2>
              {q.isPending ? <LoadingState /> : null}
              {q.error ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
              {q.data ? <SectionFigures data={q.data} filters={filters} /> : null}
            </section>
          );
        })}
      </div>
    </>
  );
}

function ScopeNote({ data }: { data: SectionResponse }) {
  const t = useT();
  const { viewer } = data;
  return (
    <Alert tone="info" role="none" className="an-scope">
      <p>
        {t('an.summaryLine', { area: data.area.label || areaLabel(data.area.area, t), asOf: data.asOf, from: data.period.from, to: data.period.to })}
      </p>
      <p>
        {viewer.detailMunicipality
          ? t('an.scope.own', { city: cityName(viewer.detailMunicipality), marker: viewer.marker })
          : t('an.scope.none', { threshold: viewer.suppressBelow, marker: viewer.marker })}
      </p>
    </Alert>
  );
}

export function SectionFigures({ data, filters, print }: { data: SectionResponse; filters?: AnalyticsFilters; print?: boolean }) {
  const t = useT();
  const canDrill = useCanDrillDown() && !print && filters !== undefined;
  const [target, setTarget] = useState<DrillTarget | null>(null);
  if (data.figures.length === 0) return <p>{t('an.noFigures')}</p>;
  return (
    <>
      {canDrill ? <DrillDownDialog target={target} filters={filters} onClose={() => setTarget(null)} /> : null}
      {data.figures.map((f) => (
        <FigureView
          key={f.id}
          figure={f}
          csvHref={filters ? figureCsvUrl(f.id, filters) : undefined}
          print={print}
          marker={data.viewer.marker}
          threshold={data.viewer.suppressBelow}
          idPrefix={print ? 'rep' : 'fig'}
          onDrillDown={canDrill ? setTarget : undefined}
        />
      ))}
    </>
  );
}

