// /consultations — ask a coordinator: the questions one may see (case-linked ones only for the
// asker and coordinators), filtered by status, mine, keyword and tags (care, life stage,
// service, city).
import { Link } from '@tanstack/react-router';
import { buttonClass } from '../../../components/ui/button';
import { EraToggle } from '../../../components/ui/date-time';
import { Checkbox, SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useConsultations, type ConsultationFilters } from '../api/list-consultations';
import { ConsultationList } from './consultation-list';
import { TagFilterFields } from './consultation-tags';

export function ConsultationsPage({ filters, onFiltersChange, canAsk }: { filters: ConsultationFilters; onFiltersChange: (f: ConsultationFilters) => void; canAsk: boolean }) {
  const t = useT();
  useDocumentTitle(t('kb.title'));
  const list = useConsultations(filters);
  return (
    <div className="page">
      <PageHeader
        title={t('kb.title')}
        lead={t('kb.intro')}
        actions={
          canAsk ? (
            <Link to="/consultations/new" className={buttonClass('primary')}>
              {t('kb.ask')}
            </Link>
          ) : null
        }
      />
      <FilterBar
        label={t('kb.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as ConsultationFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('kb.q')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('kb.status')}
              emptyOption={t('common.all')}
              options={[
                { value: 'open', label: t('kb.open') },
                { value: 'resolved', label: t('kb.resolved') },
              ]}
              value={v.status ?? ''}
              onChange={(e) => set('status', e.currentTarget.value)}
            />
            <TagFilterFields v={v} set={set} />
            <Checkbox label={t('kb.mine')} checked={v.mine === 'true'} onChange={(e) => set('mine', e.currentTarget.checked ? 'true' : '')} />
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
        emptyMessage={t('kb.empty')}
      />
    </div>
  );
}
