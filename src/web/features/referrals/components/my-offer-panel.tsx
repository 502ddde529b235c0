// For the candidate: their offer on this case, and the answer — accept (confirmed) or decline
// with a reason from the list and a note.
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { DECLINE_REASONS } from '../../../../shared/contracts/referrals';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog, Dialog, DialogActions } from '../../../components/ui/dialog';
import { RadioGroup, TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import { useAcceptOffer } from '../api/accept-offer';
import { DeclineOfferSchema, useDeclineOffer } from '../api/decline-offer';
import type { ReferralCase } from '../api/types';
import { declineReasonLabel } from './labels';
import { OfferStatusBadge } from './status-badges';

export function MyOfferPanel({ c, onDone }: { c: ReferralCase; onDone: (message: string) => void }) {
  const t = useT();
  const offer = c.myOffer!;
  const accept = useAcceptOffer();
  const [accepting, setAccepting] = useState(false);
  const [declining, setDeclining] = useState(false);
  const canAnswer = c.status === 'open' && (offer.status === 'sent' || offer.status === 'viewed');

  return (
    <Section title={t('cases.myOffer')} id="my-offer">
      <p>
        {t('cases.myOfferStatus')} <OfferStatusBadge status={offer.status} />
        {offer.respondBy ? (
          <>
            {' '}
            {t('cases.respondBy')}: <DateTime value={offer.respondBy} />
          </>
        ) : null}
      </p>
      {canAnswer ? (
        <div className="button-row">
          <Button
            onClick={() => {
              accept.reset();
              setAccepting(true);
            }}
          >
            {t('cases.accept')}
          </Button>
          <Button variant="secondary" onClick={() => setDeclining(true)}>
            {t('cases.decline')}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={accepting}
        onOpenChange={setAccepting}
        title={t('cases.acceptTitle')}
        confirmLabel={t('cases.acceptConfirm')}
        tone="primary"
        isPending={accept.isPending}
        problem={accept.error ? problemOf(accept.error) : null}
        onConfirm={() =>
          accept.mutate(
            { caseId: c.id, offerId: offer.id },
            {
              onSuccess: () => {
                setAccepting(false);
                onDone(t('cases.accepted'));
              },
            },
          )
        }
      >
        <p>{t('cases.acceptBody')}</p>
      </ConfirmDialog>
      <Dialog isOpen={declining} onOpenChange={setDeclining} title={t('cases.declineTitle')}>
        <DeclineForm
          caseId={c.id}
          offerId={offer.id}
          onCancel={() => setDeclining(false)}
          onDone={() => {
            setDeclining(false);
            onDone(t('cases.declined'));
          }}
        />
      </Dialog>
    </Section>
  );
}

function DeclineForm({ caseId, offerId, onCancel, onDone }: { caseId: string; offerId: string; onCancel: () => void; onDone: () => void }) {
  const t = useT();
  const formId = 'decline-offer';
  const decline = useDeclineOffer();
  const form = useZodForm(DeclineOfferSchema, { defaultValues: { note: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'reason', label: t('cases.declineReason') },
    { name: 'note', label: t('cases.declineNote') },
  ]);
  const fe = form.formState.errors;
  const onSubmit = form.handleSubmit(async (input) => {
    errors.reset();
    try {
      await decline.mutateAsync({ caseId, offerId, input });
      onDone();
    } catch (error) {
      errors.onServerError(error);
    }
  }, errors.onInvalid);
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <Controller
        control={form.control}
        name="reason"
        render={({ field }) => (
          <RadioGroup
            id={fieldId(formId, 'reason')}
            name={field.name}
            label={t('cases.declineReason')}
            isRequired
            options={DECLINE_REASONS.map((r) => ({ value: r, label: declineReasonLabel(r) }))}
            value={field.value}
            onChange={field.onChange}
            error={fe.reason?.message}
          />
        )}
      />
      <TextAreaField id={fieldId(formId, 'note')} label={t('cases.declineNote')} description={t('cases.declineNoteHint')} rows={3} maxLength={1000} error={fe.note?.message} {...form.register('note')} />
      <Alert tone="info" role="none">
        <p>{t('cases.declineInfo')}</p>
      </Alert>
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={form.formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {t('cases.declineConfirm')}
        </Button>
      </DialogActions>
    </form>
  );
}
