// /admin/offices: offices by reading, filtered by keyword, municipality and sector.
import { useState } from 'react';
import { SECTORS } from '../../../../shared/domain/sectors';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { allItems, totalOf } from '../../../lib/paging';
import { useDeleteOffice } from '../api/delete-office';
import { useMunicipalities } from '../api/list-municipalities';
import { useOffices, type Office, type OfficeListFilters } from '../api/list-offices';
import { OfficeFormDialog } from './office-form-dialog';

export interface OfficesPageProps {
  filters: OfficeListFilters;
  onFiltersChange: (filters: OfficeListFilters) => void;
}

export function OfficesPage({ filters, onFiltersChange }: OfficesPageProps) {
  const t = useT();
  useDocumentTitle(t('offices.title'));
  const offices = useOffices(filters);
  const municipalities = useMunicipalities();
  const [editing, setEditing] = useState<{ office: Office | null } | null>(null);
  const [deleting, setDeleting] = useState<Office | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteOffice();

  const columns: Column<Office>[] = [
    {
      key: 'name',
      header: t('offices.colName'),
      isRowHeader: true,
      cell: (o) => (
        <>
          <span className="cell-title">{o.name}</span>
          <span className="cell-sub">{o.nameKana}</span>
        </>
      ),
    },
    { key: 'sector', header: t('offices.colSector'), cell: (o) => t(`sector.${o.sector}`), className: 'nowrap' },
    { key: 'municipality', header: t('offices.colMunicipality'), cell: (o) => o.municipalityName, className: 'nowrap' },
    { key: 'organization', header: t('offices.colOrganization'), cell: (o) => o.organizationName ?? '—' },
    { key: 'members', header: t('offices.colMembers'), cell: (o) => o.memberCount, className: 'cell-number' },
    { key: 'updated', header: t('offices.colUpdated'), cell: (o) => <DateTime value={o.updatedAt} />, className: 'nowrap' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (o) => (
        <div className="row-actions">
          <Button variant="secondary" size="sm" aria-label={t('offices.editLabel', { name: o.name })} onClick={() => setEditing({ office: o })}>
            {t('common.edit')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-label={t('offices.deleteLabel', { name: o.name })}
            onClick={() => {
              remove.reset();
              setDeleting(o);
            }}
          >
            {t('common.delete')}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('offices.title')}
        lead={t('offices.intro')}
        actions={
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ office: null });
            }}
          >
            {t('offices.create')}
          </Button>
        }
      />
      <FilterBar
        label={t('offices.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as OfficeListFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('offices.q')} description={t('offices.qHint')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('offices.municipality')}
              emptyOption={t('common.all')}
              options={(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))}
              value={v.municipality ?? ''}
              onChange={(e) => set('municipality', e.currentTarget.value)}
            />
            <SelectField
              label={t('offices.sector')}
              emptyOption={t('common.all')}
              options={SECTORS.map((s) => ({ value: s.code, label: t(`sector.${s.code}`) }))}
              value={v.sector ?? ''}
              onChange={(e) => set('sector', e.currentTarget.value)}
            />
          </>
        )}
      />
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <EraToggle />
      <DataTable
        caption={t('offices.caption')}
        columns={columns}
        rows={allItems(offices.data)}
        rowKey={(o) => o.id}
        total={totalOf(offices.data)}
        isLoading={offices.isPending}
        error={offices.error}
        onRetry={() => void offices.refetch()}
        hasNextPage={offices.hasNextPage}
        isFetchingNextPage={offices.isFetchingNextPage}
        onLoadMore={() => void offices.fetchNextPage()}
      />
      <OfficeFormDialog
        isOpen={editing !== null}
        onOpenChange={(o) => !o && setEditing(null)}
        office={editing?.office}
        onSaved={(o, mode) => {
          setEditing(null);
          setNotice(mode === 'create' ? t('offices.created', { name: o.name }) : t('offices.updated', { name: o.name }));
        }}
      />
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={t('offices.deleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('offices.deleted', { name }));
            },
          });
        }}
      >
        <p>{t('offices.deleteBody', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}
