// The requests (事業所への紹介) of a case and each one's history: who did what, when. Case
// managers withdraw unanswered ones; managers and the assigned consultant record the start of use.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCompleteServiceOffer, useServiceOffers, useWithdrawServiceOffer } from '../api/service-offers';
import type { ServiceOffer } from '../api/types';
import { offerStatusLabel, serviceDeclineReasonLabel } from './labels';
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
            <dl className="summary-list summary-list--compact">
              <div>
                <dt>{t('cases.sentBy')}</dt>
                <dd>{o.sender.name}</dd>
              </div>
              {o.respondBy ? (
                <div>
                  <dt>{t('cases.respondBy')}</dt>
                  <dd>
                    <DateTime value={o.respondBy} />
                  </dd>
                </div>
              ) : null}
              {o.respondedBy ? (
                <div>
                  <dt>{t('cases.respondedBy')}</dt>
                  <dd>{o.respondedBy.name}</dd>
                </div>
              ) : null}
              {o.matchScore !== null ? (
                <div>
                  <dt>{t('cases.scoreLabel')}</dt>
                  <dd>{t('intake.points', { points: Math.round(o.matchScore * 10) / 10 })}</dd>
                </div>
              ) : null}
              {o.declineReason ? (
                <div>
                  <dt>{t('cases.declineReason')}</dt>
                  <dd>
                    {serviceDeclineReasonLabel(o.declineReason)}
                    {o.declineNote ? `（${o.declineNote}）` : ''}
                  </dd>
                </div>
              ) : null}
              {o.message ? (
                <div>
                  <dt>{t('cases.serviceRequestMessage')}</dt>
                  <dd className="pre-wrap">{o.message}</dd>
                </div>
              ) : null}
            </dl>
            <ol className="timeline" aria-label={t('cases.serviceHistoryOf', { office: o.office.name })}>
              {o.history.map((h, i) => (
                <li key={`${h.at}-${i}`} className="timeline__item">
                  <p className="timeline__meta">
                    <DateTime value={h.at} />
                  </p>
                  <p>
                    <strong>{t(`cases.action.${h.action}` as 'cases.action.send')}</strong>
                    {h.toStatus && h.fromStatus !== h.toStatus ? `（${h.fromStatus ? `${offerStatusLabel(h.fromStatus as never)} → ` : ''}${offerStatusLabel(h.toStatus as never)}）` : ''}
                    {h.actor ? ` — ${h.actor.name}` : ` — ${t('cases.system')}`}
                  </p>
                  {h.note ? <p className="muted pre-wrap">{h.note}</p> : null}
                </li>
              ))}
            </ol>
            {canWithdraw && (o.status === 'sent' || o.status === 'viewed' || o.status === 'draft') ? (
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
      <ConfirmDialog
        isOpen={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={t('cases.withdrawTitle')}
        confirmLabel={t('cases.withdrawConfirm')}
        isPending={withdraw.isPending}
        problem={withdraw.error ? problemOf(withdraw.error) : null}
        onConfirm={() => pending && withdraw.mutate({ caseId, offerId: pending.id }, { onSuccess: () => setPending(null) })}
      >
        <p>{pending ? t('cases.serviceWithdrawBody', { name: pending.office.name }) : null}</p>
      </ConfirmDialog>
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
