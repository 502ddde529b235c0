// Editing a draft plan: dates and monitoring period, the form's header, 意向・方針・目標, and the
// needs rows with their services. Saved with the version it was read at; if someone saved in
// between, the server's 409 message is shown with a way to load their version.
import { Link } from '@tanstack/react-router';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { MONITORING_PERIODS } from '../../../../shared/domain/monitoring';
import { PLAN_KINDS, PLAN_KIND_LABELS, PlanBodySchema, PlanHeaderSchema, PlanNeedSchema, PlanServiceSchema } from '../../../../shared/contracts/plans';
import { Button } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { VersionConflict, saveWithVersion } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { contractLabel, emptyToNull, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { OfficeSearchField } from '../../clients';
import type { Plan } from '../api/get-plan';
import { UpdatePlanSchema, useUpdatePlan, type UpdatePlanInput } from '../api/update-plan';

const B = (k: keyof typeof PlanBodySchema.shape & string) => contractLabel(PlanBodySchema, k);
const H = (k: keyof typeof PlanHeaderSchema.shape & string) => contractLabel(PlanHeaderSchema, k);
const N = (k: keyof typeof PlanNeedSchema.shape & string) => contractLabel(PlanNeedSchema, k);
const SV = (k: keyof typeof PlanServiceSchema.shape & string) => contractLabel(PlanServiceSchema, k);
const formId = 'plan-form';
const TEXTS = ['wishes', 'policy', 'longTermGoal', 'shortTermGoal'] as const;

export function PlanForm({ clientId, plan, onCancel, onSaved, onReload }: { clientId: string; plan: Plan; onCancel: () => void; onSaved: () => void; onReload: () => void }) {
  const t = useT();
  const update = useUpdatePlan(clientId);
  const form = useZodForm(UpdatePlanSchema, {
    defaultValues: {
      kind: plan.kind,
      createdOn: plan.createdOn,
      startDate: plan.startDate,
      reviewDate: plan.reviewDate,
      monitoringPeriodMonths: plan.monitoringPeriodMonths,
      isNewPlan: plan.isNewPlan,
      header: plan.header,
      wishes: plan.wishes,
      policy: plan.policy,
      longTermGoal: plan.longTermGoal,
      shortTermGoal: plan.shortTermGoal,
      needs: plan.needs,
      weekly: plan.weekly,
      version: plan.version,
    },
  });
  const needRows = form.watch('needs') ?? [];
  const errors = useFormErrors(form, formId, [
    { name: 'kind', label: B('kind') },
    { name: 'createdOn', label: B('createdOn') },
    { name: 'startDate', label: B('startDate') },
    { name: 'reviewDate', label: B('reviewDate') },
    { name: 'monitoringPeriodMonths', label: B('monitoringPeriodMonths') },
    ...TEXTS.map((name) => ({ name, label: B(name) })),
    { name: 'needs', label: B('needs') },
    ...needRows.flatMap((_, i) => [
      { name: `needs.${i}.priority` as const, label: `${t('plans.needN', { n: i + 1 })}：${N('priority')}` },
      { name: `needs.${i}.issue` as const, label: `${t('plans.needN', { n: i + 1 })}：${N('issue')}` },
    ]),
  ]);
  const needs = useFieldArray({ control: form.control, name: 'needs' });
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(
    saveWithVersion({
      errors,
      onSaved,
      // The 週間計画表 is edited on its own; send the one on screen now, not the one read
      // when the form opened (the version check still catches anyone else's change).
      save: (input) => update.mutateAsync({ planId: plan.id, input: { ...input, weekly: plan.weekly } }),
    }),
    errors.onInvalid,
  );

  return (
    <form id={formId} className="form plan-form" noValidate onSubmit={onSubmit} aria-labelledby={`${formId}-title`}>
      <h2 className="section__title" id={`${formId}-title`}>
        {t('plans.editTitle', { n: plan.revision })}
      </h2>
      <VersionConflict error={update.error} onReload={onReload} />
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <div className="form__row">
        <SelectField id={fieldId(formId, 'kind')} label={B('kind')} isRequired options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))} error={fe.kind?.message} {...form.register('kind')} />
        <SelectField
          id={fieldId(formId, 'monitoringPeriodMonths')}
          label={B('monitoringPeriodMonths')}
          isRequired
          options={MONITORING_PERIODS.map((m) => ({ value: String(m), label: t('plans.everyMonths', { n: m }) }))}
          error={fe.monitoringPeriodMonths?.message}
          {...form.register('monitoringPeriodMonths', { setValueAs: (v: string) => Number(v) })}
        />
      </div>
      <div className="form__row">
        <TextField id={fieldId(formId, 'createdOn')} type="date" label={B('createdOn')} isRequired error={fe.createdOn?.message} {...form.register('createdOn')} />
        <TextField id={fieldId(formId, 'startDate')} type="date" label={B('startDate')} isRequired error={fe.startDate?.message} {...form.register('startDate')} />
        <TextField id={fieldId(formId, 'reviewDate')} type="date" label={B('reviewDate')} error={fe.reviewDate?.message} {...form.register('reviewDate', { setValueAs: emptyToNull })} />
      </div>
      <Checkbox label={B('isNewPlan')} {...form.register('isNewPlan')} />
      <fieldset className="fieldset">
        <legend className="field__label">{B('header')}</legend>
        <div className="form__row">
          {(['guardianName', 'guardianRelation', 'supportCategory', 'recipientNumber', 'costCap', 'officeName', 'plannerName'] as const).map((k) => (
            <TextField key={k} id={fieldId(formId, `header.${k}`)} label={H(k)} error={fe.header?.[k]?.message} {...form.register(`header.${k}`)} />
          ))}
        </div>
      </fieldset>
      {TEXTS.map((k) => (
        <TextAreaField key={k} id={fieldId(formId, k)} label={B(k)} rows={3} error={fe[k]?.message} {...form.register(k)} />
      ))}
      <Section title={B('needs')} id="plan-form-needs">
        <ol className="row-editor">
          {needs.fields.map((f, i) => (
            <li key={f.id} className="row-editor__row">
              <fieldset className="fieldset">
                <legend className="field__label">{t('plans.needN', { n: i + 1 })}</legend>
                <div className="form__row">
                  <TextField
                    id={fieldId(formId, `needs.${i}.priority`)}
                    type="number"
                    min={1}
                    max={50}
                    label={N('priority')}
                    isRequired
                    error={fe.needs?.[i]?.priority?.message}
                    {...form.register(`needs.${i}.priority`, { valueAsNumber: true })}
                  />
                  <TextField id={fieldId(formId, `needs.${i}.achieveBy`)} label={N('achieveBy')} error={fe.needs?.[i]?.achieveBy?.message} {...form.register(`needs.${i}.achieveBy`)} />
                  <TextField id={fieldId(formId, `needs.${i}.evaluateBy`)} label={N('evaluateBy')} error={fe.needs?.[i]?.evaluateBy?.message} {...form.register(`needs.${i}.evaluateBy`)} />
                </div>
                <TextAreaField id={fieldId(formId, `needs.${i}.issue`)} label={N('issue')} isRequired rows={2} error={fe.needs?.[i]?.issue?.message} {...form.register(`needs.${i}.issue`)} />
                <TextAreaField id={fieldId(formId, `needs.${i}.goal`)} label={N('goal')} rows={2} error={fe.needs?.[i]?.goal?.message} {...form.register(`needs.${i}.goal`)} />
                <NeedServices form={form} index={i} />
                <TextAreaField id={fieldId(formId, `needs.${i}.selfRole`)} label={N('selfRole')} rows={2} {...form.register(`needs.${i}.selfRole`)} />
                <TextAreaField id={fieldId(formId, `needs.${i}.notes`)} label={N('notes')} rows={2} {...form.register(`needs.${i}.notes`)} />
                <Button variant="tertiary" size="sm" aria-label={t('plans.removeNeed', { n: i + 1 })} onClick={() => needs.remove(i)}>
                  {t('common.delete')}
                </Button>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => needs.append({ priority: needs.fields.length + 1, issue: '', goal: '', achieveBy: '', services: [], selfRole: '', evaluateBy: '', notes: '' })}
        >
          {t('plans.addNeed')}
        </Button>
      </Section>
      <div className="form__actions">
        <Button variant="secondary" onClick={onCancel} disabled={form.formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {t('plans.saveDraft')}
        </Button>
      </div>
    </form>
  );
}

function NeedServices({ form, index }: { form: UseFormReturn<UpdatePlanInput, unknown, unknown>; index: number }) {
  const t = useT();
  const services = useFieldArray({ control: form.control, name: `needs.${index}.services` });
  const rows = form.watch(`needs.${index}.services`) ?? [];
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{N('services')}</legend>
      {services.fields.map((s, j) => {
        const linked = rows[j]?.officeId ?? null;
        const path = `needs.${index}.services.${j}` as const;
        return (
          <div key={s.id} className="row-editor__sub">
            <div className="form__row">
              <TextField label={t('plans.serviceField', { n: j + 1, field: SV('serviceType') })} {...form.register(`${path}.serviceType`)} />
              <TextField label={t('plans.serviceField', { n: j + 1, field: SV('content') })} {...form.register(`${path}.content`)} />
              <TextField label={t('plans.serviceField', { n: j + 1, field: SV('amount') })} {...form.register(`${path}.amount`)} />
              <TextField label={t('plans.serviceField', { n: j + 1, field: SV('officeName') })} {...form.register(`${path}.officeName`)} />
            </div>
            {linked ? (
              <p className="field__hint">
                {t('plans.serviceLinked')}{' '}
                <Link to="/directory/$officeId" params={{ officeId: linked }}>
                  {rows[j]?.officeName || t('plans.serviceLinkedOffice')}
                </Link>{' '}
                <Button variant="tertiary" size="sm" aria-label={t('plans.serviceUnlinkLabel', { n: j + 1 })} onClick={() => form.setValue(`${path}.officeId`, null, { shouldDirty: true })}>
                  {t('plans.serviceUnlink')}
                </Button>
              </p>
            ) : (
              <OfficeSearchField
                id={fieldId(formId, `${path}.officeId`)}
                label={t('plans.serviceField', { n: j + 1, field: SV('officeId') })}
                description={t('plans.serviceOfficeHint')}
                value={null}
                onChange={(officeId, office) => {
                  form.setValue(`${path}.officeId`, officeId, { shouldDirty: true });
                  if (office) form.setValue(`${path}.officeName`, office.name, { shouldDirty: true });
                }}
              />
            )}
            <Button variant="tertiary" size="sm" aria-label={t('plans.removeService', { n: j + 1 })} onClick={() => services.remove(j)}>
              {t('common.delete')}
            </Button>
          </div>
        );
      })}
      <Button variant="tertiary" size="sm" onClick={() => services.append({ serviceType: '', content: '', amount: '', officeId: null, officeName: '' })}>
        {t('plans.addService')}
      </Button>
    </fieldset>
  );
}
