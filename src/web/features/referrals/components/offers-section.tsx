// The offers (打診) of a case and each one's history as a timeline: who did what, when.
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
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
import { declineReasonLabel, offerStatusLabel } from './labels';
import { OfferStatusBadge } from './status-badges';

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
          <li key={o.id} className="offer">
            <div className="offer__header">
              <h3 className="offer__title">{t('cases.offerTo', { name: o.candidate.name })}</h3>
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
              {o.backupCoordinator ? (
                <div>
                  <dt>{t('cases.backupCoordinator')}</dt>
                  <dd>{o.backupCoordinator.name}</dd>
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
                    {declineReasonLabel(o.declineReason)}
                    {o.declineNote ? `（${o.declineNote}）` : ''}
                  </dd>
                </div>
              ) : null}
              {o.message ? (
                <div>
                  <dt>{t('cases.message')}</dt>
                  <dd className="pre-wrap">{o.message}</dd>
                </div>
              ) : null}
            </dl>
            <ol className="timeline" aria-label={t('cases.historyOf', { name: o.candidate.name })}>
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
        <p>{pending ? t('cases.withdrawBody', { name: pending.candidate.name }) : null}</p>
      </ConfirmDialog>
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
