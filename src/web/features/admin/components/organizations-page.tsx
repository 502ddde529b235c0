// /admin/organizations: the 法人 that run offices, by reading.
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { ConfirmDialog, Dialog, DialogActions } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { allItems, totalOf } from '../../../lib/paging';
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
  useDocumentTitle(t('orgs.title'));
  const orgs = useOrganizations(filters);
  const [editing, setEditing] = useState<{ org: Organization | null } | null>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useDeleteOrganization();

  const columns: Column<Organization>[] = [
    {
      key: 'name',
      header: t('orgs.colName'),
      isRowHeader: true,
      cell: (o) => (
        <>
          <span className="cell-title">{o.name}</span>
          <span className="cell-sub">{o.nameKana}</span>
        </>
      ),
    },
    { key: 'corporateNumber', header: t('orgs.colCorporateNumber'), cell: (o) => o.corporateNumber ?? '—' },
    { key: 'offices', header: t('orgs.colOffices'), cell: (o) => o.officeCount, className: 'cell-number' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (o) => (
        <div className="row-actions">
          <Button variant="secondary" size="sm" aria-label={t('orgs.editLabel', { name: o.name })} onClick={() => setEditing({ org: o })}>
            {t('common.edit')}
          </Button>
          <Button
            variant="secondary"
            size="sm"
            aria-label={t('orgs.deleteLabel', { name: o.name })}
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
        title={t('orgs.title')}
        lead={t('orgs.intro')}
        actions={
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ org: null });
            }}
          >
            {t('orgs.create')}
          </Button>
        }
      />
      <FilterBar
        label={t('orgs.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as OrganizationFilters)}
        fields={(v, set) => <TextField label={t('orgs.q')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />}
      />
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <DataTable
        caption={t('orgs.caption')}
        columns={columns}
        rows={allItems(orgs.data)}
        rowKey={(o) => o.id}
        total={totalOf(orgs.data)}
        isLoading={orgs.isPending}
        error={orgs.error}
        onRetry={() => void orgs.refetch()}
        hasNextPage={orgs.hasNextPage}
        isFetchingNextPage={orgs.isFetchingNextPage}
        onLoadMore={() => void orgs.fetchNextPage()}
      />
      <Dialog isOpen={editing !== null} onOpenChange={(o) => !o && setEditing(null)} title={editing?.org ? t('orgs.editTitle') : t('orgs.createTitle')}>
        <OrganizationForm
          key={editing?.org?.id ?? 'new'}
          org={editing?.org ?? null}
          onCancel={() => setEditing(null)}
          onSaved={(o, mode) => {
            setEditing(null);
            setNotice(mode === 'create' ? t('orgs.created', { name: o.name }) : t('orgs.updated', { name: o.name }));
          }}
        />
      </Dialog>
      <ConfirmDialog
        isOpen={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={t('orgs.deleteTitle')}
        confirmLabel={t('common.delete')}
        isPending={remove.isPending}
        problem={remove.error ? problemOf(remove.error) : null}
        onConfirm={() => {
          if (!deleting) return;
          const name = deleting.name;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(t('orgs.deleted', { name }));
            },
          });
        }}
      >
        <p>{t('orgs.deleteBody', { name: deleting?.name ?? '' })}</p>
      </ConfirmDialog>
    </div>
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

  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      const payload = { ...input, corporateNumber: input.corporateNumber ?? null };
      if (org) onSaved(await update.mutateAsync({ id: org.id, input: payload }), 'edit');
      else onSaved(await create.mutateAsync(payload), 'create');
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);

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
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={form.formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {org ? t('common.save') : t('common.create')}
        </Button>
      </DialogActions>
    </form>
  );
}
