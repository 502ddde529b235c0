// /admin/municipalities: the deployment's cities and their 圏域. Saving is an upsert by code.
import { type Column } from '../../../components/ui/data-table';
import { Dialog, FormDialogActions } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { ListPage, NameCell, RowButton, useListPage, wholeTable } from '../../../components/ui/list-page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useMunicipalities, type Municipality } from '../api/list-municipalities';
import { UpsertMunicipalitySchema, useUpsertMunicipality } from '../api/upsert-municipality';

export function MunicipalitiesPage() {
  const t = useT();
  const munis = useMunicipalities();
  const page = useListPage<Municipality>();

  const columns: Column<Municipality>[] = [
    { key: 'code', header: t('munis.colCode'), cell: (m) => <code className="code">{m.code}</code> },
    { key: 'name', header: t('munis.colName'), isRowHeader: true, cell: (m) => <NameCell name={m.name} sub={m.nameKana} /> },
    { key: 'prefecture', header: t('munis.colPrefecture'), cell: (m) => m.prefectureName },
    { key: 'region', header: t('munis.colRegion'), cell: (m) => m.region ?? '—' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (m) => (
        <RowButton label={t('munis.editLabel', { name: m.name })} onPress={() => page.startEdit(m)}>
          {t('common.edit')}
        </RowButton>
      ),
    },
  ];

  return (
    <ListPage
      title={t('munis.title')}
      lead={t('munis.intro')}
      create={{ label: t('munis.create'), onPress: page.startCreate }}
      notice={page.notice}
      table={{ caption: t('munis.caption'), columns, rowKey: (m) => m.code, ...wholeTable(munis) }}
    >
      <Dialog isOpen={page.isEditing} onOpenChange={(o) => !o && page.stopEditing()} title={page.editingRow ? t('munis.editTitle') : t('munis.createTitle')}>
        <MunicipalityForm key={page.editingRow?.code ?? 'new'} muni={page.editingRow} onCancel={page.stopEditing} onSaved={(m) => page.saved(t('munis.saved', { name: m.name }))} />
      </Dialog>
    </ListPage>
  );
}

function MunicipalityForm({ muni, onCancel, onSaved }: { muni: Municipality | null; onCancel: () => void; onSaved: (m: Municipality) => void }) {
  const t = useT();
  const formId = muni ? 'edit-municipality' : 'create-municipality';
  const form = useZodForm(UpsertMunicipalitySchema, {
    defaultValues: {
      code: muni?.code ?? '',
      name: muni?.name ?? '',
      nameKana: muni?.nameKana ?? '',
      prefectureName: muni?.prefectureName ?? '',
      region: muni?.region ?? null,
    },
  });
  const errors = useFormErrors(form, formId, [
    { name: 'code', label: t('munis.code') },
    { name: 'name', label: t('munis.name') },
    { name: 'nameKana', label: t('munis.nameKana') },
    { name: 'prefectureName', label: t('munis.prefecture') },
    { name: 'region', label: t('munis.region') },
  ]);
  const upsert = useUpsertMunicipality();
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onSaved(await upsert.mutateAsync(input));
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextField
        id={fieldId(formId, 'code')}
        label={t('munis.code')}
        description={t('munis.codeHint')}
        inputMode="numeric"
        maxLength={5}
        autoComplete="off"
        isRequired
        readOnly={muni !== null}
        error={fe.code?.message}
        {...form.register('code')}
      />
      <div className="form__row">
        <TextField id={fieldId(formId, 'name')} label={t('munis.name')} autoComplete="off" isRequired error={fe.name?.message} {...form.register('name')} />
        <TextField id={fieldId(formId, 'nameKana')} label={t('munis.nameKana')} autoComplete="off" isRequired error={fe.nameKana?.message} {...form.register('nameKana')} />
      </div>
      <div className="form__row">
        <TextField
          id={fieldId(formId, 'prefectureName')}
          label={t('munis.prefecture')}
          autoComplete="off"
          isRequired
          error={fe.prefectureName?.message}
          {...form.register('prefectureName')}
        />
        <TextField id={fieldId(formId, 'region')} label={t('munis.region')} autoComplete="off" error={fe.region?.message} {...form.register('region', { setValueAs: emptyToNull })} />
      </div>
      <FormDialogActions onCancel={onCancel} isSubmitting={form.formState.isSubmitting} submitLabel={t('common.save')} />
    </form>
  );
}
