// One entry of the 週間計画表: day, start and end, service or daily activity, what it is.
import type { z } from 'zod';
import { WEEKDAYS, WEEKDAY_COLUMN_LABELS, WeeklyEntrySchema } from '../../../../shared/contracts/plans';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';

export type WeeklyEntry = z.output<typeof WeeklyEntrySchema>;
type Key = 'day' | 'start' | 'end' | 'kind' | 'label';
const label = (k: Key) => contractLabel(WeeklyEntrySchema, k);

export function WeeklyEntryDialog({ initial, isNew, onClose, onSave, onDelete }: { initial: WeeklyEntry; isNew: boolean; onClose: () => void; onSave: (e: WeeklyEntry) => void; onDelete?: () => void }) {
  const t = useT();
  const formId = 'weekly-entry';
  const form = useZodForm(WeeklyEntrySchema, { defaultValues: initial });
  const errors = useFormErrors(form, formId, (['day', 'start', 'end', 'kind', 'label'] as const).map((name) => ({ name, label: label(name) })));
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit((entry) => onSave(entry), errors.onInvalid);
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={isNew ? t('plans.weekly.addTitle') : t('plans.weekly.editTitle')}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <SelectField id={fieldId(formId, 'day')} label={label('day')} isRequired options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_COLUMN_LABELS[d] }))} error={fe.day?.message} {...form.register('day')} />
        <div className="form__row">
          <TextField id={fieldId(formId, 'start')} type="time" step={300} label={label('start')} isRequired error={fe.start?.message} {...form.register('start')} />
          <TextField id={fieldId(formId, 'end')} type="time" step={300} label={label('end')} isRequired error={fe.end?.message} {...form.register('end')} />
        </div>
        <SelectField
          id={fieldId(formId, 'kind')}
          label={label('kind')}
          isRequired
          options={(['service', 'activity'] as const).map((k) => ({ value: k, label: t(`plans.weekly.kind.${k}`) }))}
          error={fe.kind?.message}
          {...form.register('kind')}
        />
        <TextField id={fieldId(formId, 'label')} label={label('label')} isRequired error={fe.label?.message} {...form.register('label')} />
        <DialogActions>
          {onDelete ? (
            <Button variant="danger" onClick={onDelete}>
              {t('plans.weekly.deleteEntry')}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{isNew ? t('common.add') : t('plans.weekly.apply')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
