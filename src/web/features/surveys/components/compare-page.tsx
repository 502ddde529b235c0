// /surveys/compare?a=&b= — two events' surveys side by side; questions are paired by the
// indicator they track, then by identical wording.
import { PARTICIPANT_ROLES } from '../../../../shared/contracts/events';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { allItems } from '../../../lib/paging';
import { useCompareSurveys, type CompareFilters } from '../api/compare-surveys';
import { useSurveys } from '../api/list-surveys';
import { QuestionChart } from './question-result';

export function ComparePage({ filters, onFiltersChange }: { filters: CompareFilters; onFiltersChange: (f: CompareFilters) => void }) {
  const t = useT();
  useDocumentTitle(t('sv.compareTitle'));
  const surveys = useSurveys({}, 100);
  const compare = useCompareSurveys(filters);
  const options = allItems(surveys.data).map((s) => ({ value: s.id, label: s.eventTitle ? `${s.eventTitle}：${s.title}` : s.title }));
  const data = compare.data;
  return (
    <div className="page">
      <PageHeader title={t('sv.compareTitle')} lead={t('sv.compareIntro')} />
      <FilterBar
        label={t('sv.compareFilters')}
        initial={filters as Record<string, string | undefined>}
        onApply={(v) => onFiltersChange(v as CompareFilters)}
        fields={(v, set) => (
          <>
            <SelectField label={t('sv.surveyA')} emptyOption={t('common.choose')} options={options} value={v.a ?? ''} onChange={(e) => set('a', e.currentTarget.value)} />
            <SelectField label={t('sv.surveyB')} emptyOption={t('common.choose')} options={options} value={v.b ?? ''} onChange={(e) => set('b', e.currentTarget.value)} />
            <TextField label={t('sv.fMunicipality')} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
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
      {!filters.a || !filters.b ? <p className="muted">{t('sv.compareChoose')}</p> : null}
      {compare.isFetching && !data ? <LoadingState /> : null}
      {compare.error ? <ErrorState error={compare.error} /> : null}
      {data ? (
        <>
          <div className="compare-grid compare-grid--head">
            {[data.a, data.b].map((s, i) => (
              <div key={i}>
                <h2 className="section__title">
                  {i === 0 ? 'A' : 'B'}: {s.eventTitle ?? s.title}
                </h2>
                <p className="small">{t('sv.responsesOnly', { n: s.responseCount })}</p>
              </div>
            ))}
          </div>
          {data.pairs.length === 0 ? <p className="muted">{t('sv.noPairs')}</p> : null}
          {data.pairs.map((p) => {
            const qa = data.a.questions.find((q) => q.questionId === p.aQuestionId);
            const qb = data.b.questions.find((q) => q.questionId === p.bQuestionId);
            if (!qa || !qb) return null;
            return (
              <section key={`${p.aQuestionId}-${p.bQuestionId}`} className="compare-pair" aria-labelledby={`pair-${p.aQuestionId}`}>
                <h2 id={`pair-${p.aQuestionId}`} className="question-result__title">
                  {qa.text}
                  <span className="small muted">（{p.by === 'indicator' ? t('sv.pairedIndicator') : t('sv.pairedText')}）</span>
                </h2>
                <div className="compare-grid">
                  <div>
                    <h3 className="small">A{qa.text !== qb.text ? `: ${qa.text}` : ''}</h3>
                    <QuestionChart q={qa} />
                  </div>
                  <div>
                    <h3 className="small">B{qa.text !== qb.text ? `: ${qb.text}` : ''}</h3>
                    <QuestionChart q={qb} />
                  </div>
                </div>
              </section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
