// For the candidate: their offer on this case, and the answer — accept (confirmed) or decline
// with a reason from the list and a note.
import { useState } from 'react';
import { DECLINE_REASONS } from '../../../../shared/contracts/referrals';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useAcceptOffer } from '../api/accept-offer';
import { DeclineOfferSchema, useDeclineOffer } from '../api/decline-offer';
import type { ReferralCase } from '../api/types';
import { declineReasonLabel } from './labels';
import { DeclineReasonForm } from './offer-parts';
import { OfferStatusBadge } from './status-badges';

export function MyOfferPanel({ c, onDone }: { c: ReferralCase; onDone: (message: string) => void }) {
  const t = useT();
  const offer = c.myOffer!;
  const accept = useAcceptOffer();
  const decline = useDeclineOffer();
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
        <DeclineReasonForm
          formId="decline-offer"
          schema={DeclineOfferSchema}
          reasons={DECLINE_REASONS}
          reasonLabel={declineReasonLabel}
          confirmLabel={t('cases.declineConfirm')}
          info={
            <Alert tone="info" role="none">
              <p>{t('cases.declineInfo')}</p>
            </Alert>
          }
          submit={(input) => decline.mutateAsync({ caseId: c.id, offerId: offer.id, input })}
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
