// The offers (打診) of a case and each one's history as a timeline: who did what, when.
import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCompleteOffer } from '../api/complete-offer';
import { useOffers } from '../api/list-offers';
import { useWithdrawOffer } from '../api/withdraw-offer';
import type { ReferralOffer } from '../api/types';
import { declineReasonLabel } from './labels';
import { isWithdrawable, OfferHistory, OfferItem, OfferSummary, useCompleteOfferDialog, useWithdrawOfferDialog } from './offer-parts';

/**
 * `canWithdraw`: a case manager. The hand-over is recorded complete by the assigned consultant
 * (the accepted candidate, `meId`) or a case manager — completeOffer's rule (referral-offers.ts).
 */
export function OffersSection({ caseId, canWithdraw, meId, onDone }: { caseId: string; canWithdraw: boolean; meId?: string; onDone?: (message: string) => void }) {
  const t = useT();
  const offers = useOffers(caseId);
  const withdrawal = useWithdrawOfferDialog({ caseId, withdraw: useWithdrawOffer(), body: (o: ReferralOffer) => t('cases.withdrawBody', { name: o.candidate.name }) });
  const completion = useCompleteOfferDialog({
    caseId,
    complete: useCompleteOffer(),
    title: t('cases.completeTitle'),
    body: (o: ReferralOffer) => t('cases.completeBody', { name: o.candidate.name }),
    completedMessage: t('cases.completed'),
    onDone,
  });

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
              <Button variant="secondary" size="sm" onClick={() => withdrawal.start(o)}>
                {t('cases.withdrawLabel', { name: o.candidate.name })}
              </Button>
            ) : null}
            {o.status === 'accepted' && (canWithdraw || o.candidate.id === meId) ? (
              <Button size="sm" onClick={() => completion.start(o)}>
                {t('cases.complete')}
              </Button>
            ) : null}
          </OfferItem>
        ))}
      </ul>
      {withdrawal.dialog}
      {completion.dialog}
    </Section>
  );
}
