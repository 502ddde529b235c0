// Registering and editing an office, validated by the shared CreateOfficeSchema.
import { Controller } from 'react-hook-form';
import { SECTORS } from '../../../../shared/domain/sectors';
import { Dialog, FormDialogActions } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { CreateOfficeSchema, useCreateOffice } from '../api/create-office';
import { useMunicipalities } from '../api/list-municipalities';
import type { Office } from '../api/list-offices';
import { useOrganizationOptions } from '../api/list-organizations';
import { useUpdateOffice } from '../api/update-office';

export interface OfficeFormDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  office?: Office | null;
  onSaved: (office: Office, mode: 'create' | 'edit') => void;
}

export function OfficeFormDialog({ isOpen, onOpenChange, office, onSaved }: OfficeFormDialogProps) {
  const t = useT();
  return (
    <Dialog isOpen={isOpen} onOpenChange={onOpenChange} title={office ? t('offices.editTitle') : t('offices.createTitle')}>
      <OfficeForm key={office?.id ?? 'new'} office={office ?? null} onCancel={() => onOpenChange(false)} onSaved={onSaved} />
    </Dialog>
  );
}

function OfficeForm({ office, onCancel, onSaved }: { office: Office | null; onCancel: () => void; onSaved: OfficeFormDialogProps['onSaved'] }) {
  const t = useT();
  const formId = office ? 'edit-office' : 'create-office';
  const form = useZodForm(CreateOfficeSchema, {
    defaultValues: {
      name: office?.name ?? '',
      nameKana: office?.nameKana ?? '',
      sector: office?.sector,
      municipalityCode: office?.municipalityCode ?? '',
      organizationId: office?.organizationId ?? null,
    },
  });
  const errors = useFormErrors(form, formId, [
    { name: 'name', label: t('offices.name') },
    { name: 'nameKana', label: t('offices.nameKana') },
    { name: 'sector', label: t('offices.sector') },
    { name: 'municipalityCode', label: t('offices.municipality') },
    { name: 'organizationId', label: t('offices.organization') },
  ]);
  const create = useCreateOffice();
  const update = useUpdateOffice();
  const municipalities = useMunicipalities();
  const organizations = useOrganizationOptions();
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const payload = { ...input, organizationId: input.organizationId ?? null };
    if (office) onSaved(await update.mutateAsync({ id: office.id, input: payload }), 'edit');
    else onSaved(await create.mutateAsync(payload), 'create');
  });

  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <TextField id={fieldId(formId, 'name')} label={t('offices.name')} autoComplete="off" isRequired error={fe.name?.message} {...form.register('name')} />
      <TextField
        id={fieldId(formId, 'nameKana')}
        label={t('offices.nameKana')}
        description={t('users.nameKanaHint')}
        autoComplete="off"
        isRequired
        error={fe.nameKana?.message}
        {...form.register('nameKana')}
      />
      <SelectField
        id={fieldId(formId, 'sector')}
        label={t('offices.sector')}
        isRequired
        emptyOption={t('common.choose')}
        options={SECTORS.map((s) => ({ value: s.code, label: t(`sector.${s.code}`) }))}
        error={fe.sector?.message}
        {...form.register('sector', { setValueAs: (v: unknown) => (v === '' ? undefined : v) })}
      />
      <Controller
        control={form.control}
        name="municipalityCode"
        render={({ field }) => (
          <SelectField
            id={fieldId(formId, 'municipalityCode')}
            name={field.name}
            label={t('offices.municipality')}
            isRequired
            emptyOption={t('common.choose')}
            options={(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: m.name }))}
            value={field.value ?? ''}
            onChange={(e) => field.onChange(e.currentTarget.value)}
            onBlur={field.onBlur}
            error={fe.municipalityCode?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="organizationId"
        render={({ field }) => (
          <SelectField
            id={fieldId(formId, 'organizationId')}
            name={field.name}
            label={t('offices.organization')}
            emptyOption={t('offices.organizationNone')}
            options={(organizations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={field.value ?? ''}
            onChange={(e) => field.onChange(emptyToNull(e.currentTarget.value))}
            onBlur={field.onBlur}
            error={fe.organizationId?.message}
          />
        )}
      />
      <FormDialogActions onCancel={onCancel} isSubmitting={form.formState.isSubmitting} submitLabel={office ? t('common.save') : t('common.create')} />
    </form>
  );
}
