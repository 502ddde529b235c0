// Agreeing a draft (本人・保護者の同意): it becomes the current plan, the previous agreed version
// becomes 過去の版, and the team is told on the timeline. Confirmed, with who signed.
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { VersionConflict, saveWithVersion } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { AgreePlanSchema, useAgreePlan } from '../api/agree-plan';
import type { Plan } from '../api/get-plan';

export function AgreePlanDialog({ clientId, plan, onClose, onAgreed }: { clientId: string; plan: Plan; onClose: () => void; onAgreed: () => void }) {
  const t = useT();
  const formId = 'agree-plan';
  const agree = useAgreePlan(clientId);
  const form = useZodForm(AgreePlanSchema, { defaultValues: { version: plan.version, agreedOn: tokyoDate(), agreedBy: plan.header.guardianName } });
  const label = (k: 'agreedOn' | 'agreedBy') => contractLabel(AgreePlanSchema, k);
  const errors = useFormErrors(form, formId, [
    { name: 'agreedOn', label: label('agreedOn') },
    { name: 'agreedBy', label: label('agreedBy') },
  ]);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(saveWithVersion({ errors, onSaved: onAgreed, save: (input) => agree.mutateAsync({ planId: plan.id, input }) }), errors.onInvalid);
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('plans.agreeTitle')} role="alertdialog" isDismissable={!agree.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <VersionConflict error={agree.error} onReload={onClose} />
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <p>{t('plans.agreeBody', { n: plan.revision })}</p>
        <TextField id={fieldId(formId, 'agreedOn')} type="date" label={label('agreedOn')} isRequired error={fe.agreedOn?.message} {...form.register('agreedOn')} />
        <TextField id={fieldId(formId, 'agreedBy')} label={label('agreedBy')} isRequired error={fe.agreedBy?.message} {...form.register('agreedBy')} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={agree.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('plans.agree')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
