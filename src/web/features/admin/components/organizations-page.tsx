// /admin/organizations: the 法人 that run offices, by reading.
import { type Column } from '../../../components/ui/data-table';
import { Dialog, FormDialogActions } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { DeleteRowDialog, EditDeleteButtons, ListPage, NameCell, pagedTable, useListPage } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { CreateOrganizationSchema, useCreateOrganization } from '../api/create-organization';
import { useDeleteOrganization } from '../api/delete-organization';
import { useOrganizations, type Organization, type OrganizationFilters } from '../api/list-organizations';
import { useUpdateOrganization } from '../api/update-organization';

export interface OrganizationsPageProps {
  filters: OrganizationFilters;
  onFiltersChange: (filters: OrganizationFilters) => void;
}

export function OrganizationsPage({ filters, onFiltersChange }: OrganizationsPageProps) {
  const t = useT();
  const orgs = useOrganizations(filters);
  const page = useListPage<Organization>();
  const remove = useDeleteOrganization();

  const columns: Column<Organization>[] = [
    { key: 'name', header: t('orgs.colName'), isRowHeader: true, cell: (o) => <NameCell name={o.name} sub={o.nameKana} /> },
    { key: 'corporateNumber', header: t('orgs.colCorporateNumber'), cell: (o) => o.corporateNumber ?? '—' },
    { key: 'offices', header: t('orgs.colOffices'), cell: (o) => o.officeCount, className: 'cell-number' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (o) => (
        <EditDeleteButtons
          editLabel={t('orgs.editLabel', { name: o.name })}
          deleteLabel={t('orgs.deleteLabel', { name: o.name })}
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
      title={t('orgs.title')}
      lead={t('orgs.intro')}
      create={{ label: t('orgs.create'), onPress: page.startCreate }}
      filters={{
        label: t('orgs.filters'),
        initial: filters,
        onApply: (v) => onFiltersChange(v as OrganizationFilters),
        fields: (v, set) => <TextField label={t('orgs.q')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />,
      }}
      notice={page.notice}
      table={{ caption: t('orgs.caption'), columns, rowKey: (o) => o.id, ...pagedTable(orgs) }}
    >
      <Dialog isOpen={page.isEditing} onOpenChange={(o) => !o && page.stopEditing()} title={page.editingRow ? t('orgs.editTitle') : t('orgs.createTitle')}>
        <OrganizationForm
          key={page.editingRow?.id ?? 'new'}
          org={page.editingRow}
          onCancel={page.stopEditing}
          onSaved={(o, mode) => page.saved(mode === 'create' ? t('orgs.created', { name: o.name }) : t('orgs.updated', { name: o.name }))}
        />
      </Dialog>
      <DeleteRowDialog
        row={page.deleting}
        onClose={page.stopDeleting}
        remove={remove}
        title={t('orgs.deleteTitle')}
        body={(name) => t('orgs.deleteBody', { name })}
        onDeleted={(name) => page.deleted(t('orgs.deleted', { name }))}
      />
    </ListPage>
  );
}

function OrganizationForm({ org, onCancel, onSaved }: { org: Organization | null; onCancel: () => void; onSaved: (o: Organization, mode: 'create' | 'edit') => void }) {
  const t = useT();
  const formId = org ? 'edit-organization' : 'create-organization';
  const form = useZodForm(CreateOrganizationSchema, {
    defaultValues: { name: org?.name ?? '', nameKana: org?.nameKana ?? '', corporateNumber: org?.corporateNumber ?? null },
  });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('orgs.name') },
    { name: 'nameKana', label: t('orgs.nameKana') },
    { name: 'corporateNumber', label: t('orgs.corporateNumber') },
  ]);
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const payload = { ...input, corporateNumber: input.corporateNumber ?? null };
    if (org) onSaved(await update.mutateAsync({ id: org.id, input: payload }), 'edit');
    else onSaved(await create.mutateAsync(payload), 'create');
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={fieldId(formId, 'name')} label={t('orgs.name')} autoComplete="off" isRequired error={fe.name?.message} {...form.register('name')} />
      <TextField
        id={fieldId(formId, 'nameKana')}
        label={t('orgs.nameKana')}
        description={t('users.nameKanaHint')}
        autoComplete="off"
        isRequired
        error={fe.nameKana?.message}
        {...form.register('nameKana')}
      />
      <TextField
        id={fieldId(formId, 'corporateNumber')}
        label={t('orgs.corporateNumber')}
        description={t('orgs.corporateNumberHint')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={13}
        error={fe.corporateNumber?.message}
        {...form.register('corporateNumber', { setValueAs: emptyToNull })}
      />
      <FormDialogActions onCancel={onCancel} isSubmitting={form.formState.isSubmitting} submitLabel={org ? t('common.save') : t('common.create')} />
    </form>
  );
}
