// For provider staff: the requests (事業所への紹介) of this case sent to their offices, and the
// answer — accept (confirmed; first office of the same service wins) or decline with a reason
// from the list and a note; once accepted, record the start of use.
import { useState } from 'react';
import { SERVICE_DECLINE_REASONS } from '../../../../shared/contracts/referrals';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog, Dialog } from '../../../components/ui/dialog';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { DeclineServiceOfferSchema, useAcceptServiceOffer, useDeclineServiceOffer } from '../api/service-offers';
import type { ReferralCase } from '../api/types';
import { serviceDeclineReasonLabel } from './labels';
import { DeclineReasonForm, OfferItem } from './offer-parts';
import { useCompleteServiceDialog } from './service-offers-section';

type MyServiceOffer = NonNullable<ReferralCase['myServiceOffers']>[number];

export function MyServiceOffersPanel({ c, onDone }: { c: ReferralCase; onDone: (message: string) => void }) {
  const t = useT();
  const accept = useAcceptServiceOffer();
  const decline = useDeclineServiceOffer();
  const completion = useCompleteServiceDialog(c.id, onDone);
  const [accepting, setAccepting] = useState<MyServiceOffer | null>(null);
  const [declining, setDeclining] = useState<MyServiceOffer | null>(null);
  const open = c.status !== 'closed';

  return (
    <Section title={t('cases.myServiceOffers')} id="my-service-offers">
      <Alert tone="info" role="none">
        <p>{t('cases.serviceLimitedBody')}</p>
      </Alert>
      <ul className="offer-list">
        {(c.myServiceOffers ?? []).map((o) => (
          <OfferItem key={o.id} title={t('cases.serviceOfferTo', { office: o.officeName, type: o.serviceTypeLabel })} status={o.status}>
            {o.respondBy ? (
              <p>
                {t('cases.respondBy')}: <DateTime value={o.respondBy} />
              </p>
            ) : null}
            {open && (o.status === 'sent' || o.status === 'viewed') ? (
              <div className="button-row">
                <Button
                  onClick={() => {
                    accept.reset();
                    setAccepting(o);
                  }}
                >
                  {t('cases.serviceAcceptLabel', { name: o.officeName })}
                </Button>
                <Button variant="secondary" onClick={() => setDeclining(o)}>
                  {t('cases.serviceDeclineLabel', { name: o.officeName })}
                </Button>
              </div>
            ) : null}
            {o.status === 'accepted' ? (
              <Button
                size="sm"
                onClick={() => completion.start(o)}
              >
                {t('cases.serviceCompleteLabel', { name: o.officeName })}
              </Button>
            ) : null}
          </OfferItem>
        ))}
      </ul>
      <ConfirmDialog
        isOpen={accepting !== null}
        onOpenChange={(v) => !v && setAccepting(null)}
        title={t('cases.serviceAcceptTitle')}
        confirmLabel={t('cases.serviceAccept')}
        tone="primary"
        isPending={accept.isPending}
        problem={accept.error ? problemOf(accept.error) : null}
        onConfirm={() =>
          accepting &&
          accept.mutate(
            { caseId: c.id, offerId: accepting.id },
            {
              onSuccess: () => {
                setAccepting(null);
                onDone(t('cases.serviceAccepted'));
              },
            },
          )
        }
      >
        <p>{accepting ? t('cases.serviceAcceptBody', { name: accepting.officeName }) : null}</p>
      </ConfirmDialog>
      <Dialog isOpen={declining !== null} onOpenChange={(v) => !v && setDeclining(null)} title={t('cases.serviceDeclineTitle')}>
        {declining ? (
          <DeclineReasonForm
            formId="decline-service-offer"
            schema={DeclineServiceOfferSchema}
            reasons={SERVICE_DECLINE_REASONS}
            reasonLabel={serviceDeclineReasonLabel}
            confirmLabel={t('cases.serviceDecline')}
            submit={(input) => decline.mutateAsync({ caseId: c.id, offerId: declining.id, input })}
            onCancel={() => setDeclining(null)}
            onDone={() => {
              setDeclining(null);
              onDone(t('cases.serviceDeclined'));
            }}
          />
        ) : null}
      </Dialog>
      {completion.dialog}
    </Section>
  );
}
