// /people/$userId/edit: the person edits their own profile; coordinators and admins edit anyone's.
// Validated by the shared UpdatePersonProfileSchema; the server's Japanese field errors land next
// to the fields. The caseload is never typed in (the server counts assigned cases).
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { ACCEPTS_CODES, DAY_CODES, QUALIFICATION_CODES, type PersonProfile } from '../../../../shared/contracts/people';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { Button } from '../../../components/ui/button';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { hasPermission, useMe } from '../../auth';
import { ForbiddenNotice } from './forbidden-notice';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { usePerson } from '../api/get-person';
import { UpdatePersonProfileSchema, useUpdatePerson } from '../api/update-person';
import { acceptsLabel, qualificationLabel } from './labels';
import { useMunicipalityNames } from './use-municipalities';

export function PersonEditPage({ userId }: { userId: string }) {
  const t = useT();
  const me = useMe();
  const person = usePerson(userId);
  useDocumentTitle(t('people.editTitle'));
  const allowed = me.id === userId || hasPermission(me, 'manage:people');
  if (!allowed) return <ForbiddenNotice />;
  if (person.isPending) return <LoadingState />;
  if (person.error) return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  return <ProfileForm person={person.data} isSelf={me.id === userId} />;
}

const toIntOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

function ProfileForm({ person, isSelf }: { person: PersonProfile; isSelf: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const munis = useMunicipalityNames();
  const update = useUpdatePerson();
  const formId = 'person-profile';
  const isCoordinator = person.roles.includes('coordinator');
  const form = useZodForm(UpdatePersonProfileSchema, {
    defaultValues: {
      qualifications: person.qualifications,
      coordinatorTrainingYear: person.coordinatorTrainingYear,
      acceptsMedicalCare: person.acceptsMedicalCare ?? undefined,
      careItems: person.careItems,
      maxCaseload: person.maxCaseload ?? undefined,
      municipalities: person.municipalities,
      availableDays: person.availableDays,
      declaredGender: person.declaredGender,
      languages: person.languages,
      note: person.note,
      backupAvailable: person.backupAvailable,
      maxBackupCases: person.maxBackupCases,
    },
  });
  const fields = [
    { name: 'qualifications' as const, label: t('people.qualifications') },
    { name: 'coordinatorTrainingYear' as const, label: t('people.trainingYearField') },
    { name: 'acceptsMedicalCare' as const, label: t('people.accepts') },
    { name: 'careItems' as const, label: t('people.careItems') },
    { name: 'maxCaseload' as const, label: t('people.maxCaseload') },
    { name: 'municipalities' as const, label: t('people.colAreas') },
    { name: 'availableDays' as const, label: t('people.colDays') },
    { name: 'declaredGender' as const, label: t('people.gender') },
    { name: 'languages' as const, label: t('people.languages') },
    { name: 'note' as const, label: t('people.note') },
    { name: 'backupAvailable' as const, label: t('people.backup') },
    { name: 'maxBackupCases' as const, label: t('people.maxBackupCases') },
  ];
  const errors = useFormErrors(form, formId, fields);
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await update.mutateAsync({ id: person.userId, input });
    void navigate({ to: '/people/$userId', params: { userId: person.userId } });
  });

  return (
    <div className="page page--narrow">
      <PageHeader title={t('people.editTitle')} lead={isSelf ? t('people.editLeadSelf') : t('people.editLeadOther', { name: person.name })} />
      <form id={formId} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <Controller
          control={form.control}
          name="acceptsMedicalCare"
          render={({ field }) => (
            <RadioGroup
              id={fieldId(formId, 'acceptsMedicalCare')}
              name={field.name}
              label={t('people.accepts')}
              description={t('people.acceptsHint')}
              isRequired
              options={ACCEPTS_CODES.map((a) => ({ value: a, label: acceptsLabel(a) }))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.acceptsMedicalCare?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="careItems"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'careItems')}
              name={field.name}
              label={t('people.careItems')}
              description={t('people.careItemsHint')}
              options={CARE_ITEMS.map((c) => ({ value: c.code, label: c.label }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.careItems?.message}
              className="checkbox-columns"
            />
          )}
        />
        <div className="form__row">
          <TextField
            id={fieldId(formId, 'maxCaseload')}
            label={t('people.maxCaseload')}
            description={t('people.maxCaseloadHint', { current: person.currentCaseload })}
            type="number"
            inputMode="numeric"
            min={0}
            max={200}
            isRequired
            error={fe.maxCaseload?.message}
            {...form.register('maxCaseload', { setValueAs: (v) => (v === '' ? undefined : Number(v)) })}
          />
          <TextField
            id={fieldId(formId, 'coordinatorTrainingYear')}
            label={t('people.trainingYearField')}
            description={t('people.trainingYearHint')}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            error={fe.coordinatorTrainingYear?.message}
            {...form.register('coordinatorTrainingYear', { setValueAs: toIntOrNull })}
          />
        </div>
        <Controller
          control={form.control}
          name="municipalities"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'municipalities')}
              name={field.name}
              label={t('people.colAreas')}
              options={munis.options}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.municipalities?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="availableDays"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'availableDays')}
              name={field.name}
              label={t('people.colDays')}
              description={t('people.daysHint')}
              options={DAY_CODES.map((d) => ({ value: d, label: t(`people.day.${d}`) }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.availableDays?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="qualifications"
          render={({ field }) => (
            <CheckboxGroup
              id={fieldId(formId, 'qualifications')}
              name={field.name}
              label={t('people.qualifications')}
              options={QUALIFICATION_CODES.map((q) => ({ value: q, label: qualificationLabel(q) }))}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fe.qualifications?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="declaredGender"
          render={({ field }) => (
            <SelectField
              id={fieldId(formId, 'declaredGender')}
              name={field.name}
              label={t('people.gender')}
              description={t('people.genderHint')}
              emptyOption={t('people.genderNone')}
              options={(['female', 'male', 'other'] as const).map((g) => ({ value: g, label: t(`people.gender.${g}`) }))}
              value={field.value ?? ''}
              onChange={(e) => field.onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
              onBlur={field.onBlur}
              error={fe.declaredGender?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="languages"
          render={({ field }) => (
            <TextField
              id={fieldId(formId, 'languages')}
              name={field.name}
              label={t('people.languages')}
              description={t('people.languagesHint')}
              defaultValue={(field.value ?? []).join('、')}
              onChange={(e) =>
                field.onChange(
                  e.currentTarget.value
                    .split(/[、,，]/)
                    .map((s) => s.trim())
                    .filter(Boolean),
                )
              }
              onBlur={field.onBlur}
              error={fe.languages?.message}
            />
          )}
        />
        {isCoordinator ? (
          <fieldset className="fieldset field">
            <legend className="field__label">{t('people.backup')}</legend>
            <Controller
              control={form.control}
              name="backupAvailable"
              render={({ field }) => (
                <Checkbox id={fieldId(formId, 'backupAvailable')} label={t('people.backupYes')} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.currentTarget.checked)} />
              )}
            />
            <TextField
              id={fieldId(formId, 'maxBackupCases')}
              label={t('people.maxBackupCases')}
              type="number"
              inputMode="numeric"
              min={0}
              max={200}
              error={fe.maxBackupCases?.message}
              {...form.register('maxBackupCases', { setValueAs: toIntOrNull })}
            />
          </fieldset>
        ) : null}
        <TextAreaField id={fieldId(formId, 'note')} label={t('people.note')} rows={3} maxLength={1000} error={fe.note?.message} {...form.register('note')} />
        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('common.save')}
          </Button>
          <Link to="/people/$userId" params={{ userId: person.userId }}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
