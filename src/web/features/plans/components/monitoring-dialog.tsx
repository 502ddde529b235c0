// Writing or correcting a モニタリング報告書: per goal of the plan, how the services went, what
// the child and family said, how far the goal is reached, what next, and whether the plan
// must change (種類・量・週間計画).
import { useFieldArray } from 'react-hook-form';
import { ACHIEVEMENTS, ACHIEVEMENT_LABELS, MonitoringGoalSchema, MonitoringInputSchema as MI } from '../../../../shared/contracts/plans';
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../../components/ui/fields';
import { saveWithVersion } from '../../../components/ui/version-conflict';
import { VersionedFormDialog } from '../../../components/ui/versioned-form-dialog';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useCreateMonitoring } from '../api/create-monitoring';
import type { Plan } from '../api/get-plan';
import type { MonitoringReport } from '../api/list-monitoring';
import { UpdateMonitoringSchema, useUpdateMonitoring } from '../api/update-monitoring';

const M = (k: keyof typeof MI.shape & string) => contractLabel(MI, k);
const G = (k: keyof typeof MonitoringGoalSchema.shape & string) => contractLabel(MonitoringGoalSchema, k);
const formId = 'monitoring-form';

export function MonitoringDialog({ clientId, plan, report, onClose, onSaved }: { clientId: string; plan: Plan | null; report: MonitoringReport | null; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const create = useCreateMonitoring(clientId);
  const update = useUpdateMonitoring(clientId);
  const form = useZodForm(UpdateMonitoringSchema, {
    defaultValues: report
      ? { conductedOn: report.conductedOn, place: report.place, overall: report.overall, goals: report.goals, planChangeNeeded: report.planChangeNeeded, version: report.version }
      : {
          conductedOn: tokyoDate(),
          place: '',
          overall: '',
          planChangeNeeded: false,
          version: 1,
          goals: (plan?.needs ?? []).map((n) => ({ priority: n.priority, goal: n.goal || n.issue, achieveBy: n.achieveBy, serviceStatus: '', satisfaction: '', achievement: 'partly' as const, issues: '', changeType: false, changeAmount: false, changeWeekly: false, notes: '' })),
        },
  });
  const goalRows = form.watch('goals') ?? [];
  const errors = useFormErrors(form, formId, [
    { name: 'conductedOn', label: M('conductedOn') },
    { name: 'place', label: M('place') },
    { name: 'overall', label: M('overall') },
    { name: 'goals', label: M('goals') },
    ...goalRows.map((_, i) => ({ name: `goals.${i}.goal` as const, label: `${t('plans.monitoring.goalN', { n: i + 1 })}：${G('goal')}` })),
  ]);
  const goals = useFieldArray({ control: form.control, name: 'goals' });
  const fe = form.formState.errors;
  const pending = create.isPending || update.isPending;
  const error = report ? update.error : create.error;
  const onSubmit = form.handleSubmit(
    saveWithVersion({
      errors,
      onSaved,
      save: (input) => {
        if (report) return update.mutateAsync({ id: report.id, input });
        const { version: _v, ...body } = input;
        return create.mutateAsync({ ...body, planId: plan!.id });
      },
    }),
    errors.onInvalid,
  );

  return (
    <VersionedFormDialog title={report ? t('plans.monitoring.editTitle') : t('plans.monitoring.createTitle')} formId={formId} onSubmit={onSubmit} isPending={pending} error={error} errors={errors} onClose={onClose}>
      {plan && !report ? <p className="field__hint">{t('plans.monitoring.forPlan', { n: plan.revision })}</p> : null}
      <div className="form__row">
        <TextField id={fieldId(formId, 'conductedOn')} type="date" label={M('conductedOn')} isRequired error={fe.conductedOn?.message} {...form.register('conductedOn')} />
        <TextField id={fieldId(formId, 'place')} label={M('place')} error={fe.place?.message} {...form.register('place')} />
      </div>
      <TextAreaField id={fieldId(formId, 'overall')} label={M('overall')} rows={3} error={fe.overall?.message} {...form.register('overall')} />
      <ol className="row-editor">
        {goals.fields.map((f, i) => (
          <li key={f.id} className="row-editor__row">
            <fieldset className="fieldset">
              <legend className="field__label">{t('plans.monitoring.goalN', { n: i + 1 })}</legend>
              <TextAreaField id={fieldId(formId, `goals.${i}.goal`)} label={G('goal')} isRequired rows={2} error={fe.goals?.[i]?.goal?.message} {...form.register(`goals.${i}.goal`)} />
              <TextAreaField label={G('serviceStatus')} rows={2} {...form.register(`goals.${i}.serviceStatus`)} />
              <TextAreaField label={G('satisfaction')} rows={2} {...form.register(`goals.${i}.satisfaction`)} />
              <SelectField label={G('achievement')} isRequired options={ACHIEVEMENTS.map((a) => ({ value: a, label: ACHIEVEMENT_LABELS[a] }))} {...form.register(`goals.${i}.achievement`)} />
              <TextAreaField label={G('issues')} rows={2} {...form.register(`goals.${i}.issues`)} />
              <div className="checkbox-list">
                <Checkbox label={G('changeType')} {...form.register(`goals.${i}.changeType`)} />
                <Checkbox label={G('changeAmount')} {...form.register(`goals.${i}.changeAmount`)} />
                <Checkbox label={G('changeWeekly')} {...form.register(`goals.${i}.changeWeekly`)} />
              </div>
              <Button variant="tertiary" size="sm" aria-label={t('plans.monitoring.removeGoal', { n: i + 1 })} onClick={() => goals.remove(i)}>
                {t('common.delete')}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => goals.append({ priority: goals.fields.length + 1, goal: '', achieveBy: '', serviceStatus: '', satisfaction: '', achievement: 'partly', issues: '', changeType: false, changeAmount: false, changeWeekly: false, notes: '' })}
      >
        {t('plans.monitoring.addGoal')}
      </Button>
      <Checkbox label={M('planChangeNeeded')} {...form.register('planChangeNeeded')} />
    </VersionedFormDialog>
  );
}
