// The offers (打診) of a case and each one's history as a timeline: who did what, when.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCompleteOffer } from '../api/complete-offer';
import { useOffers } from '../api/list-offers';
import { useWithdrawOffer } from '../api/withdraw-offer';
import type { ReferralOffer } from '../api/types';
import { declineReasonLabel } from './labels';
import { isWithdrawable, OfferHistory, OfferItem, OfferSummary, WithdrawOfferDialog } from './offer-parts';

/**
 * `canWithdraw`: a case manager. The hand-over is recorded complete by the assigned consultant
 * (the accepted candidate, `meId`) or a case manager — completeOffer's rule (referral-offers.ts).
 */
export function OffersSection({ caseId, canWithdraw, meId, onDone }: { caseId: string; canWithdraw: boolean; meId?: string; onDone?: (message: string) => void }) {
  const t = useT();
  const offers = useOffers(caseId);
  const withdraw = useWithdrawOffer();
  const complete = useCompleteOffer();
  const [pending, setPending] = useState<ReferralOffer | null>(null);
  const [completing, setCompleting] = useState<ReferralOffer | null>(null);
  const [completeNote, setCompleteNote] = useState('');

  return (
    <Section title={t('cases.offers')} id="offers">
      {offers.isPending ? <LoadingState /> : null}
      {offers.error ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      {offers.data && offers.data.items.length === 0 ? <p className="muted">{t('cases.noOffers')}</p> : null}
      <ul className="offer-list">
        {offers.data?.items.map((o) => (
          <OfferItem key={o.id} title={t('cases.offerTo', { name: o.candidate.name })} status={o.status}>
            <OfferSummary
              offer={o}
              extra={o.backupCoordinator ? { label: t('cases.backupCoordinator'), name: o.backupCoordinator.name } : null}
              declineReason={o.declineReason ? declineReasonLabel(o.declineReason) : null}
              messageLabel={t('cases.message')}
            />
            <OfferHistory label={t('cases.historyOf', { name: o.candidate.name })} history={o.history} />
            {canWithdraw && isWithdrawable(o.status) ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  withdraw.reset();
                  setPending(o);
                }}
              >
                {t('cases.withdrawLabel', { name: o.candidate.name })}
              </Button>
            ) : null}
            {o.status === 'accepted' && (canWithdraw || o.candidate.id === meId) ? (
              <Button
                size="sm"
                onClick={() => {
                  complete.reset();
                  setCompleteNote('');
                  setCompleting(o);
                }}
              >
                {t('cases.complete')}
              </Button>
            ) : null}
          </OfferItem>
        ))}
      </ul>
      <WithdrawOfferDialog
        body={pending ? t('cases.withdrawBody', { name: pending.candidate.name }) : null}
        onClose={() => setPending(null)}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => pending && withdraw.mutate({ caseId, offerId: pending.id }, { onSuccess: () => setPending(null) })}
      />
      <ConfirmDialog
        isOpen={completing !== null}
        onOpenChange={(open) => !open && setCompleting(null)}
        title={t('cases.completeTitle')}
        confirmLabel={t('cases.completeConfirm')}
        tone="primary"
        isPending={complete.isPending}
        problem={complete.error ? problemOf(complete.error) : null}
        onConfirm={() =>
          completing &&
          complete.mutate(
            { caseId, offerId: completing.id, note: completeNote },
            {
              onSuccess: () => {
                setCompleting(null);
                onDone?.(t('cases.completed'));
              },
            },
          )
        }
      >
        <p>{completing ? t('cases.completeBody', { name: completing.candidate.name }) : null}</p>
        <TextAreaField label={t('cases.endNote')} rows={2} maxLength={1000} value={completeNote} onChange={(e) => setCompleteNote(e.currentTarget.value)} />
      </ConfirmDialog>
    </Section>
  );
}
