// /surveys — the surveys a member can answer, and for organisers every survey with its
// response count, links to the builder, the results and the comparison of two events.
import { Link } from '@tanstack/react-router';
import { Badge } from '../../../components/ui/badge';
import { buttonClass } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { Checkbox, SelectField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useSurveys, type Survey, type SurveyListFilters } from '../api/list-surveys';
import { SurveyStatusBadge } from './survey-status';

export interface SurveyPermissions {
  manage: boolean;
  results: boolean;
  answer: boolean;
}

export function SurveysPage({ filters, onFiltersChange, can }: { filters: SurveyListFilters; onFiltersChange: (f: SurveyListFilters) => void; can: SurveyPermissions }) {
  const t = useT();
  useDocumentTitle(t('sv.title'));
  const surveys = useSurveys(filters);
  const columns: Column<Survey>[] = [
    {
      key: 'title',
      header: t('sv.colTitle'),
      isRowHeader: true,
      cell: (s) => (
        <>
          <span className="cell-title">{s.title}</span>
          {s.eventTitle ? (
            <span className="cell-sub">
              {s.eventId ? (
                <Link to="/events/$eventId" params={{ eventId: s.eventId }}>
                  {s.eventTitle}
                </Link>
              ) : (
                s.eventTitle
              )}{' '}
              {s.eventStartsAt ? <DateTime value={s.eventStartsAt} /> : null}
            </span>
          ) : null}
        </>
      ),
    },
    {
      key: 'status',
      header: t('sv.colStatus'),
      cell: (s) => (
        <span className="badge-stack">
          <SurveyStatusBadge status={s.status} />
          {s.isAnonymous ? <Badge tone="neutral">{t('sv.anonymous')}</Badge> : null}
          {s.responded ? <Badge tone="success">{t('sv.responded')}</Badge> : null}
        </span>
      ),
    },
    ...(can.results ? [{ key: 'responses', header: t('sv.colResponses'), className: 'cell-number', cell: (s: Survey) => t('sv.responsesOf', { n: s.responseCount, invited: s.invitationCount }) }] : []),
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (s) => (
        <div className="row-actions">
          {can.answer && s.status === 'open' && !s.responded ? (
            <Link to="/surveys/$surveyId" params={{ surveyId: s.id }} className={buttonClass('primary', 'sm')} aria-label={t('sv.answerLabel', { title: s.title })}>
              {t('sv.answer')}
            </Link>
          ) : null}
          {can.results ? (
            <Link to="/surveys/$surveyId/results" params={{ surveyId: s.id }} className={buttonClass('secondary', 'sm')} aria-label={t('sv.resultsLabel', { title: s.title })}>
              {t('sv.results')}
            </Link>
          ) : null}
          {can.manage ? (
            <Link to="/surveys/$surveyId/edit" params={{ surveyId: s.id }} className={buttonClass('secondary', 'sm')} aria-label={t('sv.manageLabel', { title: s.title })}>
              {t('sv.manage')}
            </Link>
          ) : null}
        </div>
      ),
    },
  ];
  return (
    <div className="page">
      <PageHeader
        title={t('sv.title')}
        lead={t('sv.intro')}
        actions={
          <>
            {can.results ? (
              <Link to="/surveys/compare" className={buttonClass('secondary')}>
                {t('sv.compare')}
              </Link>
            ) : null}
            {can.manage ? (
              <Link to="/surveys/new" search={{ eventId: filters.eventId }} className={buttonClass('primary')}>
                {t('sv.create')}
              </Link>
            ) : null}
          </>
        }
      />
      <FilterBar
        label={t('sv.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as SurveyListFilters)}
        fields={(v, set) => (
          <>
            <SelectField
              label={t('sv.colStatus')}
              emptyOption={t('common.all')}
              options={(['draft', 'open', 'closed'] as const).map((s) => ({ value: s, label: t(`sv.status.${s}`) }))}
              value={v.status ?? ''}
              onChange={(e) => set('status', e.currentTarget.value)}
            />
            <Checkbox label={t('sv.toAnswer')} checked={v.toAnswer === 'true'} onChange={(e) => set('toAnswer', e.currentTarget.checked ? 'true' : '')} />
          </>
        )}
      />
      {filters.eventId ? (
        <p>
          {t('sv.filteredByEvent')}{' '}
          <Link to="/surveys" search={{}}>
            {t('sv.showAll')}
          </Link>
        </p>
      ) : null}
      <EraToggle />
      <DataTable
        caption={t('sv.caption')}
        columns={columns}
        rows={allItems(surveys.data)}
        rowKey={(s) => s.id}
        total={totalOf(surveys.data)}
        isLoading={surveys.isPending}
        error={surveys.error}
        onRetry={() => void surveys.refetch()}
        emptyMessage={t('sv.empty')}
        hasNextPage={surveys.hasNextPage}
        isFetchingNextPage={surveys.isFetchingNextPage}
        onLoadMore={() => void surveys.fetchNextPage()}
      />
    </div>
  );
}
