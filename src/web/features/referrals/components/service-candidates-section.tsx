// Matching against the directory: for each service the family asked for, the offices that fit
// best (care items handled yes/conditional, vacancy, area incl. areas served, age, weekends),
// with points and reasons per criterion — beside the consultant candidates. A case manager
// refers the case to one of them (事業所への紹介) when the guardian's consent covers providers.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCandidates } from '../api/get-candidates';
import { useCreateServiceOffers } from '../api/service-offers';
import type { ServiceCandidate } from '../api/types';
import { formatPoints, MatchReasons } from './match-reasons';
import { OfferStatusBadge } from './status-badges';

/** The server lists this many per type (find-candidates.ts SERVICES_PER_TYPE). */
const PER_TYPE = 10;

const LIVE = ['draft', 'sent', 'viewed', 'accepted', 'completed'];

export function ServiceCandidatesSection({ caseId, canRequest, onSent }: { caseId: string; canRequest: boolean; onSent?: (message: string) => void }) {
  const t = useT();
  const candidates = useCandidates(caseId, false);
  const create = useCreateServiceOffers();
  const [pending, setPending] = useState<(ServiceCandidate & { typeLabel: string }) | null>(null);
  const [message, setMessage] = useState('');
  const types = candidates.data?.services ?? [];
  return (
    <Section title={t('cases.services')} id="service-candidates">
      <p className="field__hint">{t('cases.servicesHint', { count: PER_TYPE })}</p>
      {!canRequest ? (
        <Alert tone="warning" role="none">
          <p>{t('cases.noConsentToServices')}</p>
        </Alert>
      ) : null}
      {candidates.isPending ? <LoadingState /> : null}
      {candidates.error ? <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
      {types.map((group) => {
        const headingId = `service-type-${group.serviceType}`;
        return (
          <section key={group.serviceType} aria-labelledby={headingId}>
            <h3 id={headingId}>
              {t('cases.servicesCount', { type: group.serviceTypeLabel, total: group.total, eligible: group.eligibleCount })}
            </h3>
            {group.services.length === 0 ? <p className="muted">{t('cases.servicesNone', { type: group.serviceTypeLabel })}</p> : null}
            <ol className="candidate-list">
              {group.services.map((s) => (
                <li key={s.serviceId} className={['candidate', s.eligible ? '' : 'candidate--ineligible'].filter(Boolean).join(' ')}>
                  <div className="candidate__header">
                    <h4 className="candidate__title">
                      <span className="candidate__rank">{t('cases.rank', { rank: s.rank })}</span>{' '}
                      <Link to="/directory/$officeId" params={{ officeId: s.officeId }}>
                        {s.municipalityName ? t('cases.serviceListing', { name: s.officeName, city: s.municipalityName }) : s.officeName}
                      </Link>
                    </h4>
                    <p className="candidate__score">
                      <span className="visually-hidden">{t('cases.scoreLabel')}</span>
                      <strong>{formatPoints(s.score)}</strong>
                      <span className="candidate__score-max">{t('cases.scoreMax')}</span>
                    </p>
                  </div>
                  <div className="badge-stack">
                    {!s.eligible ? <Badge tone="neutral">{t('cases.ineligible')}</Badge> : null}
                    {s.vacancy !== null && s.vacancy > 0 ? <Badge tone="success">{t('cases.serviceVacancy', { count: s.vacancy })}</Badge> : null}
                  </div>
                  <MatchReasons reasons={s.reasons} />
                  {s.existingRequest ? (
                    <p>
                      {t('cases.serviceRequestStatus')} <OfferStatusBadge status={s.existingRequest.status} />
                    </p>
                  ) : null}
                  {canRequest && !(s.existingRequest && LIVE.includes(s.existingRequest.status)) ? (
                    <Button
                      size="sm"
                      variant={s.eligible ? 'primary' : 'secondary'}
                      onClick={() => {
                        create.reset();
                        setMessage('');
                        setPending({ ...s, typeLabel: group.serviceTypeLabel });
                      }}
                    >
                      {t('cases.serviceRequest', { name: s.officeName })}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
      <ConfirmDialog
        isOpen={pending !== null}
        onOpenChange={(open) => !open && setPending(null)}
        title={t('cases.serviceRequestTitle')}
        confirmLabel={t('cases.serviceRequestConfirm')}
        tone="primary"
        isPending={create.isPending}
        problem={create.error ? problemOf(create.error) : null}
        onConfirm={() =>
          pending &&
          create.mutate(
            { caseId, input: { services: [{ serviceId: pending.serviceId }], message } },
            {
              onSuccess: () => {
                onSent?.(t('cases.serviceRequestSent', { name: pending.officeName }));
                setPending(null);
              },
            },
          )
        }
      >
        <p>{pending ? t('cases.serviceRequestBody', { name: pending.officeName, type: pending.typeLabel }) : null}</p>
        <TextAreaField label={t('cases.serviceRequestMessage')} rows={3} maxLength={2000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
      </ConfirmDialog>
    </Section>
  );
}
