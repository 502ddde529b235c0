// /admin/offices: offices by reading, filtered by keyword, municipality and sector.
import { SECTORS } from '../../../../shared/domain/sectors';
import { type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { SelectField, TextField } from '../../../components/ui/fields';
import { DeleteRowDialog, EditDeleteButtons, ListPage, NameCell, pagedTable, useListPage } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
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
  const offices = useOffices(filters);
  const municipalities = useMunicipalities();
  const page = useListPage<Office>();
  const remove = useDeleteOffice();

  const columns: Column<Office>[] = [
    { key: 'name', header: t('offices.colName'), isRowHeader: true, cell: (o) => <NameCell name={o.name} sub={o.nameKana} /> },
    { key: 'sector', header: t('offices.colSector'), cell: (o) => t(`sector.${o.sector}`), className: 'nowrap' },
    { key: 'municipality', header: t('offices.colMunicipality'), cell: (o) => o.municipalityName, className: 'nowrap' },
    { key: 'organization', header: t('offices.colOrganization'), cell: (o) => o.organizationName ?? '—' },
    { key: 'members', header: t('offices.colMembers'), cell: (o) => o.memberCount, className: 'cell-number' },
    { key: 'updated', header: t('offices.colUpdated'), cell: (o) => <DateTime value={o.updatedAt} />, className: 'nowrap' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (o) => (
        <EditDeleteButtons
          editLabel={t('offices.editLabel', { name: o.name })}
          deleteLabel={t('offices.deleteLabel', { name: o.name })}
          onEdit={() => page.startEdit(o)}
          onDelete={() => {
            remove.reset();
            page.startDelete(o);
          }}
        />
      ),
    },
  ];

  return (
    <ListPage
      title={t('offices.title')}
      lead={t('offices.intro')}
      create={{ label: t('offices.create'), onPress: page.startCreate }}
      filters={{
        label: t('offices.filters'),
        initial: filters,
        onApply: (v) => onFiltersChange(v as OfficeListFilters),
        fields: (v, set) => (
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
        ),
      }}
      notice={page.notice}
      beforeTable={<EraToggle />}
      table={{ caption: t('offices.caption'), columns, rowKey: (o) => o.id, ...pagedTable(offices) }}
    >
      <OfficeFormDialog
        isOpen={page.isEditing}
        onOpenChange={(o) => !o && page.stopEditing()}
        office={page.editingRow}
        onSaved={(o, mode) => page.saved(mode === 'create' ? t('offices.created', { name: o.name }) : t('offices.updated', { name: o.name }))}
      />
      <DeleteRowDialog
        row={page.deleting}
        onClose={page.stopDeleting}
        remove={remove}
        title={t('offices.deleteTitle')}
        body={(name) => t('offices.deleteBody', { name })}
        onDeleted={(name) => page.deleted(t('offices.deleted', { name }))}
      />
    </ListPage>
  );
}
