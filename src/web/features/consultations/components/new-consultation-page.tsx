// /consultations/new — post a question to the city's coordinators.
import { Link, useNavigate } from '@tanstack/react-router';
import { TOKATSU_MUNICIPALITIES } from '../../../../shared/domain/municipalities';
import { Button, buttonClass } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { CreateConsultationSchema, useCreateConsultation } from '../api/create-consultation';

export function NewConsultationPage() {
  const t = useT();
  useDocumentTitle(t('kb.askTitle'));
  const navigate = useNavigate();
  const formId = 'new-consultation';
  const form = useZodForm(CreateConsultationSchema, { defaultValues: { title: '', body: '', askerHidden: false, municipalityCode: null, caseRef: null } });
  const errors = useFormErrors(form, formId, [
    { name: 'title', label: t('kb.fTitle') },
    { name: 'body', label: t('kb.fBody') },
    { name: 'municipalityCode', label: t('kb.fCity') },
    { name: 'caseRef', label: t('kb.fCaseRef') },
  ]);
  const create = useCreateConsultation();
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      const c = await create.mutateAsync(input);
      void navigate({ to: '/consultations/$consultationId', params: { consultationId: c.id } });
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);
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
        <TextField id={fieldId(formId, 'caseRef')} label={t('kb.fCaseRef')} description={t('kb.fCaseRefHint')} autoComplete="off" error={fe.caseRef?.message} {...form.register('caseRef', { setValueAs: emptyToNull })} />
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
