// /indicators — the region's tracked indicators (e.g. 医療的ケアのケースを受けられるか) across
// events: the distribution per event as a 100 % stacked bar, the positive share, filters by city
// and role. Small anonymous groups are withheld by the server (suppressed).
import { Link } from '@tanstack/react-router';
import { PARTICIPANT_ROLES } from '../../../../shared/contracts/events';
import { tokyoDate } from '../../../../shared/dates';
import { Alert } from '../../../components/ui/alert';
import { buttonClass } from '../../../components/ui/button';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useIndicatorTrend, type TrendFilters } from '../api/get-indicator-trend';
import { useIndicators } from '../api/list-indicators';
import { Chart, pct } from '../../../components/ui/chart';

/** A point's date may be an instant (the event's start) or a calendar date. */
const dayOf = (value: string) => (value.length > 10 ? tokyoDate(value) : value);

export interface IndicatorsSearch extends TrendFilters {
  indicator?: string;
}

export function IndicatorsPage({ search, onSearchChange, canManage = false }: { search: IndicatorsSearch; onSearchChange: (s: IndicatorsSearch) => void; canManage?: boolean }) {
  const t = useT();
  useDocumentTitle(t('ind.title'));
  const indicators = useIndicators();
  const list = indicators.data?.items ?? [];
  // The acceptance indicator is the region's headline; start there when nothing is chosen.
  const chosen = search.indicator ?? list.find((i) => i.key === 'acceptance')?.id ?? list[0]?.id;
  const trend = useIndicatorTrend(chosen, { municipality: search.municipality, role: search.role });
  const data = trend.data;
  const points = data?.points ?? [];
  const shown = points.filter((p) => !p.suppressed);
  return (
    <div className="page">
      <PageHeader
        title={t('ind.title')}
        lead={t('ind.intro')}
        actions={
          canManage ? (
            <Link to="/indicators/manage" className={buttonClass('secondary')}>
              {t('ind.manage')}
            </Link>
          ) : undefined
        }
      />
      {indicators.error ? <ErrorState error={indicators.error} /> : null}
      <FilterBar
        label={t('ind.filters')}
        initial={{ ...search, indicator: chosen }}
        onApply={(v) => onSearchChange(v as IndicatorsSearch)}
        fields={(v, set) => (
          <>
            <SelectField label={t('ind.indicator')} options={list.map((i) => ({ value: i.id, label: i.name }))} value={v.indicator ?? ''} onChange={(e) => set('indicator', e.currentTarget.value)} />
            <TextField label={t('sv.fMunicipality')} description={t('sv.fMunicipalityHint')} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
            <SelectField
              label={t('ev.role')}
              emptyOption={t('common.all')}
              options={PARTICIPANT_ROLES.map((x) => ({ value: x, label: t(`ev.prole.${x}`) }))}
              value={v.role ?? ''}
              onChange={(e) => set('role', e.currentTarget.value)}
            />
          </>
        )}
      />
      {trend.isPending && chosen ? <LoadingState /> : null}
      {trend.error ? <ErrorState error={trend.error} /> : null}
      {data ? (
        <section aria-labelledby="trend-title">
          <h2 id="trend-title" className="section__title">
            {data.indicator.name}
          </h2>
          {data.indicator.description ? <p>{data.indicator.description}</p> : null}
          <p className="small muted">{t('ind.positive', { options: data.indicator.positiveOptions.map((i) => data.indicator.options[i]).join('・') })}</p>
          {points.some((p) => p.suppressed) ? <Alert tone="warning">{t('ind.suppressed')}</Alert> : null}
          {shown.length ? (
            <Chart
              spec={{
                categories: shown.map((p) => `${dayOf(p.date)} ${p.eventTitle ?? p.surveyTitle}`),
                series: data.indicator.options.map((label, i) => ({ name: label, data: shown.map((p) => pct(p.distribution.find((d) => d.index === i)?.share)) })),
                stacked: true,
                percent: true,
              }}
              summary={t('ind.chartSummary', {
                name: data.indicator.name,
                points: shown.map((p) => `${dayOf(p.date)} ${pct(p.positiveShare) ?? '—'}%`).join('、'),
              })}
              table={
                <table className="table table--compact">
                  <caption className="table__caption">{data.indicator.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('ind.event')}</th>
                      <th scope="col" className="cell-number">
                        {t('sv.responseCount')}
                      </th>
                      {data.indicator.options.map((o) => (
                        <th key={o} scope="col" className="cell-number">
                          {o}
                        </th>
                      ))}
                      <th scope="col" className="cell-number">
                        {t('ind.positiveShare')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p) => (
                      <tr key={p.surveyId}>
                        <th scope="row">
                          <DateTime value={dayOf(p.date)} /> {p.eventTitle ?? p.surveyTitle}
                        </th>
                        <td className="cell-number">{p.suppressed ? '—' : p.responses}</td>
                        {data.indicator.options.map((_, i) => {
                          const d = p.distribution.find((x) => x.index === i);
                          return (
                            <td key={i} className="cell-number">
                              {p.suppressed || !d ? '—' : `${d.count}（${pct(d.share) ?? 0}%）`}
                            </td>
                          );
                        })}
                        <td className="cell-number">{p.suppressed || p.positiveShare === null ? '—' : `${pct(p.positiveShare)}%`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          ) : (
            <p className="muted">{t('ind.noPoints')}</p>
          )}
          <EraToggle />
        </section>
      ) : null}
    </div>
  );
}
