// /cases/new: a new case enters (coordinator, consultant, city, hospital / visiting nurse);
// /cases/$caseId/edit: a case manager corrects it (same form, PATCH). The pseudonymous half (what candidates may see, within the guardian's consent) and the
// identifying half (never shown to candidates) are separate sections of the form.
import { useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { DAY_CODES, DAY_LABELS } from '../../../../shared/contracts/people';
import { CONSENT_METHODS, SHAREABLE_ITEMS, SHARE_WITH_CODES, SOURCE_CODES, URGENCY_CODES } from '../../../../shared/contracts/referrals';
import { tokyoDate } from '../../../../shared/dates';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox, CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useMunicipalityNames } from '../../people';
import { CreateReferralCaseSchema, useCreateCase, type CreateReferralCase } from '../api/create-case';
import type { ReferralCase } from '../api/types';
import { useUpdateCase } from '../api/update-case';
import { CareItemsField } from './care-items-field';
import { consentMethodLabel, shareableItemLabel, sourceLabel, urgencyLabel } from './labels';
import { ServicesField } from './services-field';

const FORM_ID = 'intake';

/** The form's values from a case's full view (edit). */
function valuesOf(c: ReferralCase): Partial<CreateReferralCase> {
  return {
    municipalityCode: c.municipalityCode,
    ageYears: c.ageYears,
    careItems: (c.careItems ?? []).map((i) => ({ code: i.code, monitoring: i.monitoring, ...(i.note ? { note: i.note } : {}) })) as CreateReferralCase['careItems'],
    servicesWanted: (c.servicesWanted ?? []).map((x) => ({ serviceType: x.serviceType, ...(x.note ? { note: x.note } : {}) })) as CreateReferralCase['servicesWanted'],
    urgency: c.urgency,
    wishes: c.wishes ? { ...c.wishes, preferredDays: c.wishes.preferredDays as CreateReferralCase['wishes']['preferredDays'] } : undefined,
    summary: c.summary ?? '',
    source: c.source as CreateReferralCase['source'],
    sourceNote: c.sourceNote ?? '',
    consent: c.consent ? { obtainedOn: c.consent.obtainedOn, method: c.consent.method, givenBy: c.consent.givenBy, shareWith: c.consent.shareWith, items: c.consent.items, note: c.consent.note } : undefined,
    identity: c.identity
      ? {
          name: c.identity.name,
          nameKana: c.identity.nameKana ?? '',
          birthDate: c.identity.birthDate ?? '',
          sex: c.identity.sex,
          address: c.identity.address,
          guardianName: c.identity.guardianName,
          guardianContact: c.identity.guardianContact,
        }
      : undefined,
  };
}

export function IntakePage({ existing }: { existing?: ReferralCase } = {}) {
  const t = useT();
  useDocumentTitle(existing ? t('intake.editTitle') : t('intake.title'));
  const navigate = useNavigate();
  const munis = useMunicipalityNames();
  const create = useCreateCase();
  const update = useUpdateCase();
  const form = useZodForm(CreateReferralCaseSchema, {
    defaultValues: existing
      ? valuesOf(existing)
      : {
          careItems: [],
          servicesWanted: [],
          urgency: 'normal',
          wishes: { weekendContact: false, consultantGender: null, preferredDays: [], note: '' },
          summary: '',
          sourceNote: '',
          consent: { obtainedOn: tokyoDate(), givenBy: '', shareWith: [], items: [], note: '' },
          identity: { name: '' },
        },
  });
  const fields = [
    { name: 'municipalityCode' as const, label: t('intake.municipality') },
    { name: 'ageYears' as const, label: t('intake.age') },
    { name: 'careItems' as const, label: t('intake.careItems') },
    { name: 'servicesWanted' as const, label: t('intake.services') },
    { name: 'urgency' as const, label: t('intake.urgency') },
    { name: 'wishes' as const, label: t('intake.wishes') },
    { name: 'summary' as const, label: t('intake.summary') },
    { name: 'source' as const, label: t('intake.source') },
    { name: 'sourceNote' as const, label: t('intake.sourceNote') },
    { name: 'consent.obtainedOn' as const, label: t('intake.consentDate') },
    { name: 'consent.method' as const, label: t('intake.consentMethod') },
    { name: 'consent.givenBy' as const, label: t('intake.consentGivenBy') },
    { name: 'consent.shareWith' as const, label: t('intake.consentShareWith') },
    { name: 'consent.items' as const, label: t('intake.consentItems') },
    { name: 'identity.name' as const, label: t('intake.name') },
    { name: 'identity.nameKana' as const, label: t('intake.nameKana') },
    { name: 'identity.birthDate' as const, label: t('intake.birthDate') },
    { name: 'identity.address' as const, label: t('intake.address') },
    { name: 'identity.guardianName' as const, label: t('intake.guardianName') },
    { name: 'identity.guardianContact' as const, label: t('intake.guardianContact') },
  ];
  const errors = useFormErrors(form, FORM_ID, fields);
  const fe = form.formState.errors;

  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    const saved = existing ? await update.mutateAsync({ caseId: existing.id, input }) : await create.mutateAsync(input);
    void navigate({ to: '/cases/$caseId', params: { caseId: saved.id } });
  });

  const id = (name: string) => fieldId(FORM_ID, name);

  return (
    <div className="page page--narrow">
      <PageHeader title={existing ? t('intake.editTitle') : t('intake.title')} lead={existing ? t('intake.editLead') : t('intake.lead')} />
      <form id={FORM_ID} onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary id={`${FORM_ID}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />

        <section className="form-section" aria-labelledby="intake-case-heading">
          <h2 id="intake-case-heading" className="form-section__title">
            {t('intake.sectionCase')}
          </h2>
          <p className="field__hint">{t('intake.sectionCaseHint')}</p>
          <div className="form__row">
            <Controller
              control={form.control}
              name="municipalityCode"
              render={({ field }) => (
                <SelectField
                  id={id('municipalityCode')}
                  name={field.name}
                  label={t('intake.municipality')}
                  isRequired
                  emptyOption={t('common.choose')}
                  options={munis.options}
                  value={field.value ?? ''}
                  onChange={(e) => field.onChange(e.currentTarget.value || undefined)}
                  onBlur={field.onBlur}
                  error={fe.municipalityCode?.message}
                />
              )}
            />
            <TextField
              id={id('ageYears')}
              label={t('intake.age')}
              description={t('intake.ageHint')}
              type="number"
              inputMode="numeric"
              min={0}
              max={120}
              isRequired
              error={fe.ageYears?.message}
              {...form.register('ageYears', { setValueAs: (v) => (v === '' ? undefined : Number(v)) })}
            />
          </div>
          <Controller
            control={form.control}
            name="careItems"
            render={({ field }) => <CareItemsField id={id('careItems')} value={(field.value ?? []) as never} onChange={field.onChange} error={fe.careItems?.message ?? fe.careItems?.root?.message} />}
          />
          <Controller control={form.control} name="servicesWanted" render={({ field }) => <ServicesField id={id('servicesWanted')} value={(field.value ?? []) as never} onChange={field.onChange} />} />
          <Controller
            control={form.control}
            name="urgency"
            render={({ field }) => (
              <RadioGroup
                id={id('urgency')}
                name={field.name}
                label={t('intake.urgency')}
                isRequired
                options={URGENCY_CODES.map((u) => ({ value: u, label: urgencyLabel(u) }))}
                value={field.value}
                onChange={field.onChange}
                error={fe.urgency?.message}
              />
            )}
          />
          <fieldset className="field fieldset">
            <legend className="field__label">{t('intake.wishes')}</legend>
            <Controller
              control={form.control}
              name="wishes.weekendContact"
              render={({ field }) => <Checkbox id={id('wishes')} label={t('intake.weekendContact')} checked={Boolean(field.value)} onChange={(e) => field.onChange(e.currentTarget.checked)} />}
            />
            <Controller
              control={form.control}
              name="wishes.consultantGender"
              render={({ field }) => (
                <RadioGroup
                  name={field.name}
                  label={t('intake.consultantGender')}
                  options={[
                    { value: '', label: t('intake.genderAny') },
                    { value: 'female', label: t('people.gender.female') },
                    { value: 'male', label: t('people.gender.male') },
                  ]}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : v)}
                />
              )}
            />
            <Controller
              control={form.control}
              name="wishes.preferredDays"
              render={({ field }) => (
                <CheckboxGroup
                  name={field.name}
                  label={t('intake.preferredDays')}
                  options={DAY_CODES.map((d) => ({ value: d, label: DAY_LABELS[d] }))}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  className="checkbox-inline"
                />
              )}
            />
            <TextAreaField label={t('intake.wishesNote')} rows={2} maxLength={1000} {...form.register('wishes.note')} />
          </fieldset>
          <TextAreaField
            id={id('summary')}
            label={t('intake.summary')}
            description={t('intake.summaryHint')}
            rows={4}
            maxLength={4000}
            error={fe.summary?.message}
            {...form.register('summary')}
          />
          <div className="form__row">
            <Controller
              control={form.control}
              name="source"
              render={({ field }) => (
                <SelectField
                  id={id('source')}
                  name={field.name}
                  label={t('intake.source')}
                  isRequired
                  emptyOption={t('common.choose')}
                  options={SOURCE_CODES.map((s) => ({ value: s, label: sourceLabel(s) }))}
                  value={field.value ?? ''}
                  onChange={(e) => field.onChange(e.currentTarget.value || undefined)}
                  error={fe.source?.message}
                />
              )}
            />
            <TextField id={id('sourceNote')} label={t('intake.sourceNote')} maxLength={200} error={fe.sourceNote?.message} {...form.register('sourceNote')} />
          </div>
        </section>

        <section className="form-section" aria-labelledby="intake-consent-heading">
          <h2 id="intake-consent-heading" className="form-section__title">
            {t('intake.sectionConsent')}
          </h2>
          <p className="field__hint">{t('intake.sectionConsentHint')}</p>
          <div className="form__row">
            <TextField id={id('consent.obtainedOn')} label={t('intake.consentDate')} type="date" isRequired error={fe.consent?.obtainedOn?.message} {...form.register('consent.obtainedOn')} />
            <TextField id={id('consent.givenBy')} label={t('intake.consentGivenBy')} description={t('intake.consentGivenByHint')} isRequired error={fe.consent?.givenBy?.message} {...form.register('consent.givenBy')} />
          </div>
          <Controller
            control={form.control}
            name="consent.method"
            render={({ field }) => (
              <RadioGroup
                id={id('consent.method')}
                name={field.name}
                label={t('intake.consentMethod')}
                isRequired
                options={CONSENT_METHODS.map((m) => ({ value: m, label: consentMethodLabel(m) }))}
                value={field.value}
                onChange={field.onChange}
                error={fe.consent?.method?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="consent.shareWith"
            render={({ field }) => (
              <CheckboxGroup
                id={id('consent.shareWith')}
                name={field.name}
                label={t('intake.consentShareWith')}
                description={t('intake.consentShareWithHint')}
                options={SHARE_WITH_CODES.map((s) => ({ value: s, label: t(`intake.shareWith.${s}`) }))}
                value={field.value ?? []}
                onChange={field.onChange}
                error={fe.consent?.shareWith?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="consent.items"
            render={({ field }) => (
              <CheckboxGroup
                id={id('consent.items')}
                name={field.name}
                label={t('intake.consentItems')}
                description={t('intake.consentItemsHint')}
                options={SHAREABLE_ITEMS.map((s) => ({ value: s, label: shareableItemLabel(s) }))}
                value={field.value ?? []}
                onChange={field.onChange}
                error={fe.consent?.items?.message}
              />
            )}
          />
          <TextAreaField label={t('intake.consentNote')} rows={2} maxLength={500} {...form.register('consent.note')} />
        </section>

        <section className="form-section identity-box" aria-labelledby="intake-identity-heading" aria-describedby="intake-identity-hint">
          <h2 id="intake-identity-heading" className="form-section__title">
            {t('intake.sectionIdentity')} <Badge tone="warning">{t('intake.hiddenFromCandidates')}</Badge>
          </h2>
          <p id="intake-identity-hint" className="field__hint">
            {t('intake.sectionIdentityHint')}
          </p>
          <div className="form__row">
            <TextField id={id('identity.name')} label={t('intake.name')} autoComplete="off" isRequired error={fe.identity?.name?.message} {...form.register('identity.name')} />
            <TextField id={id('identity.nameKana')} label={t('intake.nameKana')} autoComplete="off" error={fe.identity?.nameKana?.message} {...form.register('identity.nameKana', { setValueAs: emptyToNull })} />
          </div>
          <div className="form__row">
            <TextField id={id('identity.birthDate')} label={t('intake.birthDate')} type="date" error={fe.identity?.birthDate?.message} {...form.register('identity.birthDate', { setValueAs: emptyToNull })} />
            <TextField id={id('identity.address')} label={t('intake.address')} autoComplete="off" error={fe.identity?.address?.message} {...form.register('identity.address', { setValueAs: emptyToNull })} />
          </div>
          <div className="form__row">
            <TextField id={id('identity.guardianName')} label={t('intake.guardianName')} autoComplete="off" error={fe.identity?.guardianName?.message} {...form.register('identity.guardianName', { setValueAs: emptyToNull })} />
            <TextField id={id('identity.guardianContact')} label={t('intake.guardianContact')} autoComplete="off" error={fe.identity?.guardianContact?.message} {...form.register('identity.guardianContact', { setValueAs: emptyToNull })} />
          </div>
        </section>

        <div className="form__actions">
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {existing ? t('intake.save') : t('intake.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}
