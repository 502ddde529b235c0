// /surveys/:id/results — response rate, one chart per question (with a table), free-text
// answers with search, filters by city and role, and the CSV export.
import { Link } from '@tanstack/react-router';
import { PARTICIPANT_ROLES } from '../../../../shared/contracts/events';
import { Alert } from '../../../components/ui/alert';
import { buttonClass } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { responsesCsvUrl, useResults, type ResultsFilters } from '../api/get-results';
import { pct } from '../../../components/ui/chart';
import { QuestionResultView } from './question-result';

export function SurveyResultsPage({ surveyId, filters, onFiltersChange }: { surveyId: string; filters: ResultsFilters; onFiltersChange: (f: ResultsFilters) => void }) {
  const t = useT();
  const results = useResults(surveyId, filters);
  useDocumentTitle(results.data ? t('sv.resultsTitleOf', { title: results.data.title }) : t('sv.resultsTitle'));
  if (results.isPending) return <LoadingState />;
  if (results.error) return <ErrorState error={results.error} />;
  const r = results.data;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/surveys">{t('sv.backToList')}</Link>
      </p>
      <PageHeader
        title={t('sv.resultsTitleOf', { title: r.title })}
        lead={
          r.eventTitle ? (
            <>
              {r.eventTitle} {r.eventStartsAt ? <DateTime value={r.eventStartsAt} /> : null}
            </>
          ) : undefined
        }
        actions={
          <a href={responsesCsvUrl(surveyId)} className={buttonClass('secondary')} download>
            {t('sv.csv')}
          </a>
        }
      />
      <dl className="stat-row">
        <div>
          <dt>{t('sv.responseCount')}</dt>
          <dd>{r.responseCount}</dd>
        </div>
        <div>
          <dt>{t('sv.invited')}</dt>
          <dd>{r.invitedCount}</dd>
        </div>
        <div>
          <dt>{t('sv.rate')}</dt>
          <dd>{r.responseRate === null ? '—' : `${pct(r.responseRate)}%`}</dd>
        </div>
      </dl>
      <FilterBar
        label={t('sv.resultFilters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as ResultsFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('sv.fMunicipality')} description={t('sv.fMunicipalityHint')} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
            <SelectField
              label={t('ev.role')}
              emptyOption={t('common.all')}
              options={PARTICIPANT_ROLES.map((x) => ({ value: x, label: t(`ev.prole.${x}`) }))}
              value={v.role ?? ''}
              onChange={(e) => set('role', e.currentTarget.value)}
            />
            <TextField label={t('sv.fTextQ')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
          </>
        )}
      />
      {r.suppressed ? <Alert tone="warning">{t('sv.suppressed')}</Alert> : null}
      {r.questions.map((q) => (
        <QuestionResultView key={q.questionId} q={q} />
      ))}
    </div>
  );
}
