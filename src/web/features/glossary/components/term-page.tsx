// /glossary/:id — one term: reading, other ways to write it, the explanation, related terms,
// services and medical care items.
import { Link } from '@tanstack/react-router';
import { DateTime } from '../../../components/ui/date-time';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useTerm } from '../api/get-term';

export function TermPage({ termId }: { termId: string }) {
  const t = useT();
  const term = useTerm(termId);
  useDocumentTitle(term.data?.term ?? t('gl.title'));
  if (term.isPending) return <LoadingState />;
  if (term.error) return <ErrorState error={term.error} />;
  const g = term.data;
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/glossary">{t('gl.backToList')}</Link>
      </p>
      <PageHeader title={g.term} lead={`${g.reading}・${g.categoryLabel}`} />
      <p className="lead-text">{g.explanation}</p>
      <dl className="summary-list">
        {g.aliases.length ? (
          <div>
            <dt>{t('gl.aliases')}</dt>
            <dd>{g.aliases.join('、')}</dd>
          </div>
        ) : null}
        {g.relatedCareItems.length ? (
          <div>
            <dt>{t('gl.careItems')}</dt>
            <dd>{g.relatedCareItems.map((c) => c.label).join('、')}</dd>
          </div>
        ) : null}
        {g.relatedServiceTypes.length ? (
          <div>
            <dt>{t('gl.services')}</dt>
            <dd>{g.relatedServiceTypes.map((c) => c.label).join('、')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('gl.updated')}</dt>
          <dd>
            <DateTime value={g.updatedAt} />（{t('gl.version', { n: g.version })}）
          </dd>
        </div>
      </dl>
      {g.relatedTerms.length ? (
        <Section title={t('gl.related')}>
          <ul className="chip-list chip-list--static">
            {g.relatedTerms.map((r) => (
              <li key={r.term} className="tag">
                {r.id ? (
                  <Link to="/glossary/$termId" params={{ termId: r.id }}>
                    {r.term}
                  </Link>
                ) : (
                  r.term
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </div>
  );
}
