// /knowledge-base — resolved general questions, searchable (kana / width folded) and filtered
// by tag (care, life stage, service, city).
import { EraToggle } from '../../../components/ui/date-time';
import { TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useKnowledgeBase, type KnowledgeBaseFilters } from '../api/search-knowledge-base';
import { ConsultationList } from './consultation-list';
import { TagFilterFields } from './consultation-tags';

export function KnowledgeBasePage({ filters, onFiltersChange }: { filters: KnowledgeBaseFilters; onFiltersChange: (f: KnowledgeBaseFilters) => void }) {
  const t = useT();
  useDocumentTitle(t('kb.kbTitle'));
  const list = useKnowledgeBase(filters);
  return (
    <div className="page">
      <PageHeader title={t('kb.kbTitle')} lead={t('kb.kbIntro')} />
      <FilterBar
        label={t('kb.kbSearch')}
        initial={{ ...filters }}
        onApply={(v) => onFiltersChange(v as KnowledgeBaseFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('kb.q')} description={t('kb.qHint')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <TagFilterFields v={v} set={set} />
          </>
        )}
      />
      <EraToggle />
      <ConsultationList
        items={allItems(list.data)}
        total={totalOf(list.data)}
        isLoading={list.isPending}
        error={list.error}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        emptyMessage={t('kb.kbEmpty')}
        tagsLinkTo="/knowledge-base"
      />
    </div>
  );
}
