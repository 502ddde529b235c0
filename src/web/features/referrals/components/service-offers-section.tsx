// The requests (事業所への紹介) of a case and each one's history: who did what, when. Case
// managers withdraw unanswered ones; managers and the assigned consultant record the start of use.
import { Button } from '../../../components/ui/button';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCompleteServiceOffer, useServiceOffers, useWithdrawServiceOffer } from '../api/service-offers';
import type { ServiceOffer } from '../api/types';
import { serviceDeclineReasonLabel } from './labels';
import { isWithdrawable, OfferHistory, OfferItem, OfferSummary, useCompleteOfferDialog, useWithdrawOfferDialog } from './offer-parts';

export function ServiceOffersSection({ caseId, canWithdraw, canComplete, onDone }: { caseId: string; canWithdraw: boolean; canComplete: boolean; onDone?: (message: string) => void }) {
  const t = useT();
  const offers = useServiceOffers(caseId);
  const withdrawal = useWithdrawOfferDialog({ caseId, withdraw: useWithdrawServiceOffer(), body: (o: ServiceOffer) => t('cases.serviceWithdrawBody', { name: o.office.name }) });
  const completion = useCompleteServiceDialog(caseId, onDone);
  const items = offers.data?.items ?? [];
  if (offers.data && items.length === 0) return null;

  return (
    <Section title={t('cases.serviceOffers')} id="service-offers">
      {offers.isPending ? <LoadingState /> : null}
      {offers.error ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      <ul className="offer-list">
        {items.map((o) => (
          <OfferItem key={o.id} title={t('cases.serviceOfferTo', { office: o.office.name, type: o.serviceTypeLabel })} status={o.status}>
            <OfferSummary
              offer={o}
              extra={o.respondedBy ? { label: t('cases.respondedBy'), name: o.respondedBy.name } : null}
              declineReason={o.declineReason ? serviceDeclineReasonLabel(o.declineReason) : null}
              messageLabel={t('cases.serviceRequestMessage')}
            />
            <OfferHistory label={t('cases.serviceHistoryOf', { office: o.office.name })} history={o.history} />
            {canWithdraw && isWithdrawable(o.status) ? (
              <Button variant="secondary" size="sm" onClick={() => withdrawal.start(o)}>
                {t('cases.serviceWithdrawLabel', { name: o.office.name })}
              </Button>
            ) : null}
            {canComplete && o.status === 'accepted' ? (
              <Button size="sm" onClick={() => completion.start(o)}>
                {t('cases.serviceCompleteLabel', { name: o.office.name })}
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

type CompletableOffer = { id: string; office?: { name: string }; officeName?: string };

/**
 * Recording the start of use (利用開始) of an accepted request, from the case's list or the
 * office's panel: `start(offer)` opens the confirmation with an empty note; `dialog` is rendered
 * once by the caller.
 */
export function useCompleteServiceDialog(caseId: string, onDone?: (message: string) => void) {
  const t = useT();
  return useCompleteOfferDialog({
    caseId,
    complete: useCompleteServiceOffer(),
    title: t('cases.serviceCompleteTitle'),
    body: (o: CompletableOffer) => t('cases.serviceCompleteBody', { name: o.office?.name ?? o.officeName ?? '' }),
    completedMessage: t('cases.serviceCompleted'),
    onDone,
  });
}
