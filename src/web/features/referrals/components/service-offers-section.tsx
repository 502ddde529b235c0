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
import { isWithdrawable, OfferHistory, OfferSummary, WithdrawOfferDialog } from './offer-parts';
import { OfferStatusBadge } from './status-badges';

export function ServiceOffersSection({ caseId, canWithdraw, canComplete, onDone }: { caseId: string; canWithdraw: boolean; canComplete: boolean; onDone?: (message: string) => void }) {
  const t = useT();
  const offers = useServiceOffers(caseId);
  const withdraw = useWithdrawServiceOffer();
  const complete = useCompleteServiceOffer();
  const [pending, setPending] = useState<ServiceOffer | null>(null);
  const [completing, setCompleting] = useState<ServiceOffer | null>(null);
  const [note, setNote] = useState('');
  const items = offers.data?.items ?? [];
  if (offers.data && items.length === 0) return null;

  return (
    <Section title={t('cases.serviceOffers')} id="service-offers">
      {offers.isPending ? <LoadingState /> : null}
      {offers.error ? <ErrorState error={offers.error} onRetry={() => void offers.refetch()} /> : null}
      <ul className="offer-list">
        {items.map((o) => (
          <li key={o.id} className="offer">
            <div className="offer__header">
              <h3 className="offer__title">{t('cases.serviceOfferTo', { office: o.office.name, type: o.serviceTypeLabel })}</h3>
              <OfferStatusBadge status={o.status} />
            </div>
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
                onClick={() => {
                  complete.reset();
                  setNote('');
                  setCompleting(o);
                }}
              >
                {t('cases.serviceCompleteLabel', { name: o.office.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <WithdrawOfferDialog
        body={pending ? t('cases.serviceWithdrawBody', { name: pending.office.name }) : null}
        onClose={() => setPending(null)}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => pending && withdraw.mutate({ caseId, offerId: pending.id }, { onSuccess: () => setPending(null) })}
      />
      <CompleteServiceDialog
        offer={completing}
        note={note}
        onNote={setNote}
        isPending={complete.isPending}
        problem={complete.error ? problemOf(complete.error) : null}
        onClose={() => setCompleting(null)}
        onConfirm={() =>
          completing &&
          complete.mutate(
            { caseId, offerId: completing.id, note },
            {
              onSuccess: () => {
                setCompleting(null);
                onDone?.(t('cases.serviceCompleted'));
              },
            },
          )
        }
      />
    </Section>
  );
}

export function CompleteServiceDialog(props: {
  offer: { office?: { name: string }; officeName?: string } | null;
  note: string;
  onNote: (v: string) => void;
  isPending: boolean;
  problem: ReturnType<typeof problemOf> | null;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const t = useT();
  const name = props.offer?.office?.name ?? props.offer?.officeName ?? '';
  return (
    <ConfirmDialog
      isOpen={props.offer !== null}
      onOpenChange={(open) => !open && props.onClose()}
      title={t('cases.serviceCompleteTitle')}
      confirmLabel={t('cases.completeConfirm')}
      tone="primary"
      isPending={props.isPending}
      problem={props.problem}
      onConfirm={props.onConfirm}
    >
      <p>{t('cases.serviceCompleteBody', { name })}</p>
      <TextAreaField label={t('cases.endNote')} rows={2} maxLength={1000} value={props.note} onChange={(e) => props.onNote(e.currentTarget.value)} />
    </ConfirmDialog>
  );
}
