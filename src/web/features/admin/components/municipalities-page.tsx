// /admin/municipalities: the deployment's cities and their 圏域. Saving is an upsert by code.
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useMunicipalities, type Municipality } from '../api/list-municipalities';
import { UpsertMunicipalitySchema, useUpsertMunicipality } from '../api/upsert-municipality';

export function MunicipalitiesPage() {
  const t = useT();
  useDocumentTitle(t('munis.title'));
  const munis = useMunicipalities();
  const [editing, setEditing] = useState<{ muni: Municipality | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const columns: Column<Municipality>[] = [
    { key: 'code', header: t('munis.colCode'), cell: (m) => <code className="code">{m.code}</code> },
    {
      key: 'name',
      header: t('munis.colName'),
      isRowHeader: true,
      cell: (m) => (
        <>
          <span className="cell-title">{m.name}</span>
          <span className="cell-sub">{m.nameKana}</span>
        </>
      ),
    },
    { key: 'prefecture', header: t('munis.colPrefecture'), cell: (m) => m.prefectureName },
    { key: 'region', header: t('munis.colRegion'), cell: (m) => m.region ?? '—' },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (m) => (
        <Button variant="secondary" size="sm" aria-label={t('munis.editLabel', { name: m.name })} onClick={() => setEditing({ muni: m })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('munis.title')}
        lead={t('munis.intro')}
        actions={
          <Button
            onClick={() => {
              setNotice(null);
              setEditing({ muni: null });
            }}
          >
            {t('munis.create')}
          </Button>
        }
      />
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <DataTable
        caption={t('munis.caption')}
        columns={columns}
        rows={munis.data?.items ?? []}
        rowKey={(m) => m.code}
        total={munis.data?.total}
        isLoading={munis.isPending}
        error={munis.error}
        onRetry={() => void munis.refetch()}
      />
      <Dialog isOpen={editing !== null} onOpenChange={(o) => !o && setEditing(null)} title={editing?.muni ? t('munis.editTitle') : t('munis.createTitle')}>
        <MunicipalityForm
          key={editing?.muni?.code ?? 'new'}
          muni={editing?.muni ?? null}
          onCancel={() => setEditing(null)}
          onSaved={(m) => {
            setEditing(null);
            setNotice(t('munis.saved', { name: m.name }));
          }}
        />
      </Dialog>
    </div>
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

  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      onSaved(await upsert.mutateAsync(input));
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);

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
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={form.formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {t('common.save')}
        </Button>
      </DialogActions>
    </form>
  );
}
