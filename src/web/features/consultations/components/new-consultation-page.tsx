// /consultations/new — post a question to the city's coordinators.
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { TOKATSU_MUNICIPALITIES } from '../../../../shared/domain/municipalities';
import { Button, buttonClass } from '../../../components/ui/button';
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { ClientPickerField } from '../../clients';
import { CreateConsultationSchema, useCreateConsultation, type CreateConsultationInput } from '../api/create-consultation';
import { careItemOptions, lifeStageOptions, serviceTypeOptions } from './consultation-tags';

export function NewConsultationPage() {
  const t = useT();
  useDocumentTitle(t('kb.askTitle'));
  const navigate = useNavigate();
  const formId = 'new-consultation';
  const form = useZodForm(CreateConsultationSchema, { defaultValues: { title: '', body: '', askerHidden: false, municipalityCode: null, caseRef: null, careItems: [], lifeStages: [], serviceTypes: [] } });
  const errors = useFormErrors(form, formId, [
    { name: 'title', label: t('kb.fTitle') },
    { name: 'body', label: t('kb.fBody') },
    { name: 'municipalityCode', label: t('kb.fCity') },
    { name: 'careItems', label: t('kb.fCareItems') },
    { name: 'lifeStages', label: t('kb.fLifeStages') },
    { name: 'serviceTypes', label: t('kb.fServiceTypes') },
    { name: 'caseRef', label: t('kb.fCaseRef') },
  ]);
  const create = useCreateConsultation();
  const fe = form.formState.errors;
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const c = await create.mutateAsync(input);
    void navigate({ to: '/consultations/$consultationId', params: { consultationId: c.id } });
  });
  return (
    <div className="page page--narrow">
      <PageHeader title={t('kb.askTitle')} lead={t('kb.askIntro')} />
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <TextField id={fieldId(formId, 'title')} label={t('kb.fTitle')} isRequired autoComplete="off" error={fe.title?.message} {...form.register('title')} />
        <TextAreaField id={fieldId(formId, 'body')} label={t('kb.fBody')} description={t('kb.fBodyHint')} rows={8} isRequired error={fe.body?.message} {...form.register('body')} />
        <SelectField
          id={fieldId(formId, 'municipalityCode')}
          label={t('kb.fCity')}
          description={t('kb.fCityHint')}
          emptyOption={t('kb.cityAny')}
          options={TOKATSU_MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name }))}
          error={fe.municipalityCode?.message}
          {...form.register('municipalityCode', { setValueAs: emptyToNull })}
        />
        <fieldset className="fieldset">
          <legend className="field__label">{t('kb.fTags')}</legend>
          <p className="field__hint">{t('kb.fTagsHint')}</p>
          <Controller
            control={form.control}
            name="careItems"
            render={({ field }) => (
              <CheckboxGroup id={fieldId(formId, 'careItems')} name={field.name} label={t('kb.fCareItems')} options={careItemOptions} value={field.value ?? []} onChange={(v) => field.onChange(v as CreateConsultationInput['careItems'])} onBlur={field.onBlur} error={fe.careItems?.message} />
            )}
          />
          <Controller
            control={form.control}
            name="lifeStages"
            render={({ field }) => (
              <CheckboxGroup id={fieldId(formId, 'lifeStages')} name={field.name} label={t('kb.fLifeStages')} options={lifeStageOptions} value={field.value ?? []} onChange={(v) => field.onChange(v as CreateConsultationInput['lifeStages'])} onBlur={field.onBlur} error={fe.lifeStages?.message} />
            )}
          />
          <details className="gl-disclosure">
            <summary>{t('kb.fServicesSummary', { n: (form.watch('serviceTypes') ?? []).length })}</summary>
            <Controller
              control={form.control}
              name="serviceTypes"
              render={({ field }) => (
                <CheckboxGroup id={fieldId(formId, 'serviceTypes')} name={field.name} label={t('kb.fServiceTypes')} options={serviceTypeOptions} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={fe.serviceTypes?.message} />
              )}
            />
          </details>
        </fieldset>
        <Controller
          control={form.control}
          name="caseRef"
          render={({ field }) => (
            <ClientPickerField id={fieldId(formId, 'caseRef')} label={t('kb.fCaseRef')} description={t('kb.fCaseRefHint')} emptyOption={t('kb.fCaseRefNone')} value={field.value ?? null} onChange={field.onChange} error={fe.caseRef?.message} />
          )}
        />
        <Checkbox label={t('kb.fHidden')} {...form.register('askerHidden')} />
        <div className="form__actions">
          <Button type="submit" isPending={create.isPending} pendingText={t('common.saving')}>
            {t('kb.askSubmit')}
          </Button>
          <Link to="/consultations" className={buttonClass('tertiary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
