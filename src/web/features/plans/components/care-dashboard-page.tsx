// /plans: what needs doing across the clients I support — monitoring due, certificates about
// to expire, plans past their review date, life-stage transitions (就園・就学・18歳) with what to
// prepare, consents expiring — plus the timeline alerts from the teams.
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Badge } from '../../../components/ui/badge';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useDashboard, type DashboardItem } from '../api/get-dashboard';

const GROUPS: { kind: DashboardItem['kind']; label: MessageKey }[] = [
  { kind: 'monitoring_due', label: 'plans.dashboard.monitoring_due' },
  { kind: 'plan_review', label: 'plans.dashboard.plan_review' },
  { kind: 'certificate_expiring', label: 'plans.dashboard.certificate_expiring' },
  { kind: 'consent_expiring', label: 'plans.dashboard.consent_expiring' },
  { kind: 'life_transition', label: 'plans.dashboard.life_transition' },
];

export function CareDashboardPage({ alerts }: { alerts?: ReactNode }) {
  const t = useT();
  useDocumentTitle(t('plans.dashboard.title'));
  const dashboard = useDashboard();
  const items = dashboard.data?.items ?? [];
  return (
    <div className="page">
      <PageHeader
        title={t('plans.dashboard.title')}
        lead={t('plans.dashboard.intro')}
        actions={
          <>
            <Link to="/clients" className="button button--secondary">
              {t('plans.dashboard.myClients')}
            </Link>
            <Link to="/care-score" className="button button--secondary">
              {t('careScore.title')}
            </Link>
          </>
        }
      />
      {alerts}
      <EraToggle />
      {dashboard.isPending ? <LoadingState /> : null}
      {dashboard.error ? <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.data ? (
        <>
          <p role="status">
            {t('plans.dashboard.asOf')} <DateTime value={dashboard.data.asOf} />：{t('plans.dashboard.count', { n: items.length })}
          </p>
          {GROUPS.map((g) => {
            const group = items.filter((i) => i.kind === g.kind).sort((a, b) => a.date.localeCompare(b.date));
            return (
              <Section key={g.kind} title={`${t(g.label)}（${group.length}）`} id={`due-${g.kind}`}>
                {group.length === 0 ? (
                  <p className="muted">{t('plans.dashboard.none')}</p>
                ) : (
                  <ul className="due-list">
                    {group.map((i, n) => (
                      <li key={`${i.clientId}-${n}`} className={['due-list__item', i.overdue ? 'is-overdue' : ''].filter(Boolean).join(' ')}>
                        <p className="due-list__head">
                          <Link to="/clients/$clientId" params={{ clientId: i.clientId }}>
                            {i.clientName}
                          </Link>
                          ：{i.title} <DateTime value={i.date} /> {i.overdue ? <Badge tone="danger">{t('plans.dashboard.overdue')}</Badge> : null}
                        </p>
                        <p className="due-list__detail">{i.detail}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            );
          })}
        </>
      ) : null}
    </div>
  );
}
