// /glossary — 医ケア「基本のキ」: plain-Japanese explanations for consultants without medical
// training, searchable by term, reading or alias (kana and width folded), by category.
import { Link } from '@tanstack/react-router';
import { GLOSSARY_CATEGORIES } from '../../../../shared/contracts/glossary';
import { buttonClass } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useTerms, type GlossaryFilters } from '../api/list-terms';

export function GlossaryPage({ filters, onFiltersChange, canEdit = false }: { filters: GlossaryFilters; onFiltersChange: (f: GlossaryFilters) => void; canEdit?: boolean }) {
  const t = useT();
  useDocumentTitle(t('gl.title'));
  const terms = useTerms(filters);
  const items = terms.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title={t('gl.title')}
        lead={t('gl.intro')}
        actions={
          canEdit ? (
            <Link to="/glossary/new" className={buttonClass('primary')}>
              {t('gl.add')}
            </Link>
          ) : undefined
        }
      />
      <FilterBar
        label={t('gl.search')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as GlossaryFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('gl.q')} description={t('gl.qHint')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('gl.category')}
              emptyOption={t('common.all')}
              options={GLOSSARY_CATEGORIES.map((c) => ({ value: c, label: t(`gl.cat.${c}`) }))}
              value={v.category ?? ''}
              onChange={(e) => set('category', e.currentTarget.value)}
            />
          </>
        )}
      />
      {terms.isPending ? <LoadingState /> : null}
      {terms.error ? <ErrorState error={terms.error} /> : null}
      {terms.data ? (
        <p role="status" className="small">
          {t('gl.count', { n: terms.data.total })}
        </p>
      ) : null}
      <dl className="glossary-list">
        {items.map((term) => (
          <div key={term.id} className="glossary-list__item">
            <dt>
              <Link to="/glossary/$termId" params={{ termId: term.id }} className="glossary-list__term">
                {term.term}
              </Link>{' '}
              <span className="small muted">
                （{term.reading}）・{term.categoryLabel}
              </span>
            </dt>
            <dd>{term.explanation}</dd>
          </div>
        ))}
      </dl>
      {terms.data && items.length === 0 ? <p className="muted">{t('gl.empty')}</p> : null}
    </div>
  );
}
