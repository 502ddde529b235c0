// Matching against the directory: for each service the family asked for, the offices that fit
// best (care items handled yes/conditional, vacancy, area incl. areas served, age, weekends),
// with points and reasons per criterion — beside the consultant candidates.
import { Link } from '@tanstack/react-router';
import { Badge } from '../../../components/ui/badge';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCandidates } from '../api/get-candidates';
import { formatPoints, MatchReasons } from './match-reasons';

/** The server lists this many per type (find-candidates.ts SERVICES_PER_TYPE). */
const PER_TYPE = 10;

export function ServiceCandidatesSection({ caseId }: { caseId: string }) {
  const t = useT();
  const candidates = useCandidates(caseId, false);
  const types = candidates.data?.services ?? [];
  return (
    <Section title={t('cases.services')} id="service-candidates">
      <p className="field__hint">{t('cases.servicesHint', { count: PER_TYPE })}</p>
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
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </Section>
  );
}
