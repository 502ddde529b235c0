// Pieces shared by the two kinds of offer on a case — consultant offers (打診) and service requests
// (事業所への紹介): the summary of one offer, its history timeline, the withdraw and complete
// confirmations and the decline form. Each kind passes its own words (labels, reason list, schema)
// and its own mutations.
import { useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmMutationDialog, DialogActions, type ConfirmableMutation } from '../../../components/ui/dialog';
import { RadioGroup, TextAreaField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { useT } from '../../../i18n/i18n';
import { fieldId, useFormErrors, useZodForm } from '../../../lib/forms';
import type { ReferralOffer } from '../api/types';
import { offerStatusLabel } from './labels';
import { OfferStatusBadge } from './status-badges';

type OfferSummaryFields = Pick<ReferralOffer, 'sender' | 'respondBy' | 'matchScore' | 'declineNote' | 'message'>;

/** Still unanswered, so a case manager may take it back. */
export const isWithdrawable = (status: ReferralOffer['status']) => status === 'sent' || status === 'viewed' || status === 'draft';

/** One offer in an offer list: its title and status badge, then what the caller shows. */
export function OfferItem({ title, status, children }: { title: string; status: ReferralOffer['status']; children: ReactNode }) {
  return (
    <li className="offer">
      <div className="offer__header">
        <h3 className="offer__title">{title}</h3>
        <OfferStatusBadge status={status} />
      </div>
      {children}
    </li>
  );
}

/**
 * Sender, answer-by date, one kind-specific person (`extra`), score, decline reason (already
 * labelled by the kind's reason list) and the message.
 */
export function OfferSummary({ offer, extra, declineReason, messageLabel }: { offer: OfferSummaryFields; extra: { label: string; name: string } | null; declineReason: string | null; messageLabel: string }) {
  const t = useT();
  return (
    <dl className="summary-list summary-list--compact">
      <div>
        <dt>{t('cases.sentBy')}</dt>
        <dd>{offer.sender.name}</dd>
      </div>
      {offer.respondBy ? (
        <div>
          <dt>{t('cases.respondBy')}</dt>
          <dd>
            <DateTime value={offer.respondBy} />
          </dd>
        </div>
      ) : null}
      {extra ? (
        <div>
          <dt>{extra.label}</dt>
          <dd>{extra.name}</dd>
        </div>
      ) : null}
      {offer.matchScore !== null ? (
        <div>
          <dt>{t('cases.scoreLabel')}</dt>
          <dd>{t('intake.points', { points: Math.round(offer.matchScore * 10) / 10 })}</dd>
        </div>
      ) : null}
      {declineReason ? (
        <div>
          <dt>{t('cases.declineReason')}</dt>
          <dd>
            {declineReason}
            {offer.declineNote ? `（${offer.declineNote}）` : ''}
          </dd>
        </div>
      ) : null}
      {offer.message ? (
        <div>
          <dt>{messageLabel}</dt>
          <dd className="pre-wrap">{offer.message}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Who did what, when: each status change with its actor (or the system) and note. */
export function OfferHistory({ label, history }: { label: string; history: ReferralOffer['history'] }) {
  const t = useT();
  return (
    <ol className="timeline" aria-label={label}>
      {history.map((h, i) => (
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
  );
}

/** What the confirmations need of a mutation (withdraw or complete, of either kind). */
type OfferMutation<V> = ConfirmableMutation<V, unknown> & { reset: () => void };

/**
 * Taking an unanswered offer back: `start(offer)` opens the confirmation, whose `body` names the
 * offer; `dialog` is rendered once by the caller.
 */
export function useWithdrawOfferDialog<O extends { id: string }>({ caseId, withdraw, body }: { caseId: string; withdraw: OfferMutation<{ caseId: string; offerId: string }>; body: (offer: O) => string }) {
  const t = useT();
  const [offer, setOffer] = useState<O | null>(null);
  const start = (o: O) => {
    withdraw.reset();
    setOffer(o);
  };
  const dialog = (
    <ConfirmMutationDialog
      subject={offer}
      onClose={() => setOffer(null)}
      title={t('cases.withdrawTitle')}
      confirmLabel={t('cases.withdrawConfirm')}
      mutation={withdraw}
      variables={(o) => ({ caseId, offerId: o.id })}
    >
      {(o) => <p>{body(o)}</p>}
    </ConfirmMutationDialog>
  );
  return { start, dialog };
}

/**
 * Recording an accepted offer complete (引き継ぎ完了, 利用開始) with a note: `start(offer)` opens
 * the confirmation with an empty note; after the save `onDone` gets `completedMessage`. `dialog`
 * is rendered once by the caller.
 */
export function useCompleteOfferDialog<O extends { id: string }>(opts: {
  caseId: string;
  complete: OfferMutation<{ caseId: string; offerId: string; note: string }>;
  title: string;
  body: (offer: O) => string;
  completedMessage: string;
  onDone?: (message: string) => void;
}) {
  const t = useT();
  const { complete } = opts;
  const [offer, setOffer] = useState<O | null>(null);
  const [note, setNote] = useState('');
  const start = (o: O) => {
    complete.reset();
    setNote('');
    setOffer(o);
  };
  const dialog = (
    <ConfirmMutationDialog
      subject={offer}
      onClose={() => setOffer(null)}
      title={opts.title}
      confirmLabel={t('cases.completeConfirm')}
      tone="primary"
      mutation={complete}
      variables={(o) => ({ caseId: opts.caseId, offerId: o.id, note })}
      onDone={() => opts.onDone?.(opts.completedMessage)}
    >
      {(o) => (
        <>
          <p>{opts.body(o)}</p>
          <TextAreaField label={t('cases.endNote')} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </>
      )}
    </ConfirmMutationDialog>
  );
  return { start, dialog };
}

export type DeclineInput<R extends string> = { reason: R; note: string };

/** A reason from the kind's list and a note (required for その他), validated by the kind's contract. */
export function DeclineReasonForm<R extends string>(props: {
  formId: string;
  schema: z.ZodType<DeclineInput<R>, { reason: R; note?: string }>;
  reasons: readonly R[];
  reasonLabel: (r: R) => string;
  confirmLabel: string;
  info?: ReactNode;
  submit: (input: DeclineInput<R>) => Promise<unknown>;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { formId } = props;
  const t = useT();
  const form = useZodForm(props.schema, { defaultValues: { note: '' } });
  const errors = useFormErrors(form, formId, [
    { name: 'reason' as never, label: t('cases.declineReason') },
    { name: 'note', label: t('cases.declineNote') },
  ]);
  // react-hook-form cannot resolve paths through the generic reason type R; the fields are fixed.
  const fe = form.formState.errors as { reason?: { message?: string }; note?: { message?: string } };
  const onSubmit = errors.submit(form.handleSubmit, async (input) => {
    await props.submit(input);
    props.onDone();
  });
  return (
    <form id={formId} onSubmit={onSubmit} noValidate className="form">
      <FormErrorSummary id={`${formId}-errors`} problem={errors.problem} items={errors.items} focusKey={errors.focusKey} />
      <Controller
        control={form.control}
        name={'reason' as never}
        render={({ field }) => (
          <RadioGroup
            id={fieldId(formId, 'reason')}
            name={field.name}
            label={t('cases.declineReason')}
            isRequired
            options={props.reasons.map((r) => ({ value: r, label: props.reasonLabel(r) }))}
            value={field.value}
            onChange={field.onChange}
            error={fe.reason?.message}
          />
        )}
      />
      <TextAreaField id={fieldId(formId, 'note')} label={t('cases.declineNote')} description={t('cases.declineNoteHint')} rows={3} maxLength={1000} error={fe.note?.message} {...form.register('note')} />
      {props.info}
      <DialogActions>
        <Button variant="secondary" onClick={props.onCancel} disabled={form.formState.isSubmitting}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="danger" isPending={form.formState.isSubmitting} pendingText={t('common.saving')}>
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </form>
  );
}
