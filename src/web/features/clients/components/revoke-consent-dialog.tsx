// Revoking a consent is immediate for everyone relying on it, so it is confirmed with the
// recipient named and a reason recorded.
import { CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogActions } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { contractLabel, fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import type { Consent } from '../api/list-consents';
import { RevokeConsentSchema, useRevokeConsent } from '../api/revoke-consent';

export function RevokeConsentDialog({ clientId, consent, onClose, onRevoked }: { clientId: string; consent: Consent; onClose: () => void; onRevoked: (k: Consent) => void }) {
  const t = useT();
  const formId = 'revoke-consent';
  const revoke = useRevokeConsent(clientId);
  const form = useZodForm(RevokeConsentSchema, { defaultValues: { reason: '' } });
  const errors = useFormErrors(form, formId, [{ name: 'reason', label: contractLabel(RevokeConsentSchema, 'reason') }]);
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    onRevoked(await revoke.mutateAsync({ consentId: consent.id, input }));
  });
  const scopes = consent.scopes.map((s) => CONSENT_SCOPE_INFO.find((i) => i.code === s)?.label ?? s).join('・');
  return (
    <Dialog isOpen onOpenChange={(o) => !o && onClose()} title={t('clients.consent.revokeTitle')} role="alertdialog" isDismissable={!revoke.isPending}>
      <form id={formId} className="form" noValidate onSubmit={onSubmit}>
        <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
        <p>{t('clients.consent.revokeBody', { name: consent.recipientName, scopes })}</p>
        <TextAreaField id={fieldId(formId, 'reason')} label={contractLabel(RevokeConsentSchema, 'reason')} isRequired rows={2} error={form.formState.errors.reason?.message} {...form.register('reason')} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={revoke.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
            {t('clients.consent.revoke')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
