// The requests (事業所への紹介) of a case and each one's history: who did what, when. Case
// managers withdraw unanswered ones; managers and the assigned consultant record the start of use.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCompleteServiceOffer, useServiceOffers, useWithdrawServiceOffer } from '../api/service-offers';
import type { ServiceOffer } from '../api/types';
import { serviceDeclineReasonLabel } from './labels';
import { isWithdrawable, OfferHistory, OfferItem, OfferSummary, WithdrawOfferDialog } from './offer-parts';

export function ServiceOffersSection({ caseId, canWithdraw, canComplete, onDone }: { caseId: string; canWithdraw: boolean; canComplete: boolean; onDone?: (message: string) => void }) {
  const t = useT();
  const offers = useServiceOffers(caseId);
  const withdraw = useWithdrawServiceOffer();
  const completion = useCompleteServiceDialog(caseId, onDone);
  const [pending, setPending] = useState<ServiceOffer | null>(null);
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
              <Button
                variant="secondary"
                size="sm"
                onClick={() => {
                  withdraw.reset();
                  setPending(o);
                }}
              >
                {t('cases.serviceWithdrawLabel', { name: o.office.name })}
              </Button>
            ) : null}
            {canComplete && o.status === 'accepted' ? (
              <Button
                size="sm"
                onClick={() => completion.start(o)}
              >
                {t('cases.serviceCompleteLabel', { name: o.office.name })}
              </Button>
            ) : null}
          </OfferItem>
        ))}
      </ul>
      <WithdrawOfferDialog
        body={pending ? t('cases.serviceWithdrawBody', { name: pending.office.name }) : null}
        onClose={() => setPending(null)}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => pending && withdraw.mutate({ caseId, offerId: pending.id }, { onSuccess: () => setPending(null) })}
      />
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
  const complete = useCompleteServiceOffer();
  const [offer, setOffer] = useState<CompletableOffer | null>(null);
  const [note, setNote] = useState('');
  const start = (o: CompletableOffer) => {
    complete.reset();
    setNote('');
    setOffer(o);
  };
  const name = offer?.office?.name ?? offer?.officeName ?? '';
  const dialog = (
    <ConfirmDialog
      isOpen={offer !== null}
      onOpenChange={(open) => !open && setOffer(null)}
      title={t('cases.serviceCompleteTitle')}
      confirmLabel={t('cases.completeConfirm')}
      tone="primary"
      isPending={complete.isPending}
      problem={complete.error ? problemOf(complete.error) : null}
      onConfirm={() =>
        offer &&
        complete.mutate(
          { caseId, offerId: offer.id, note },
          {
            onSuccess: () => {
              setOffer(null);
              onDone?.(t('cases.serviceCompleted'));
            },
          },
        )
      }
    >
      <p>{t('cases.serviceCompleteBody', { name })}</p>
      <TextAreaField label={t('cases.endNote')} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </ConfirmDialog>
  );
  return { start, dialog };
}
