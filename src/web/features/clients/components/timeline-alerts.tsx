// Unread timeline alerts (入院・退院・体調の変化… posted by another team member), on the record
// and on the dashboard, so nobody learns of an admission by chance. Marking one read is
// per user; the timeline itself keeps the event.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { useT } from '../../../i18n/i18n';
import { useMarkAlertRead, useTimelineAlerts } from '../api/list-timeline-alerts';

export function TimelineAlerts({ clientId, headingLevel = 2 }: { clientId?: string; headingLevel?: 2 | 3 }) {
  const t = useT();
  const alerts = useTimelineAlerts(clientId);
  const markRead = useMarkAlertRead();
  const items = alerts.data ?? [];
  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="timeline-alerts" aria-labelledby={`timeline-alerts-${clientId ?? 'all'}`}>
      <Alert tone="warning" role="none">
        <Heading id={`timeline-alerts-${clientId ?? 'all'}`} className="alert__title alert__title--heading">
          {t('clients.alerts.heading', { count: items.length })}
        </Heading>
        <ul className="timeline-alerts__list">
          {items.map((a) => (
            <li key={a.id} className="timeline-alerts__item">
              <span className="timeline-alerts__text">
                {a.clientId ? (
                  <Link to="/clients/$clientId/timeline" params={{ clientId: a.clientId }}>
                    {a.title}
                  </Link>
                ) : (
                  a.title
                )}
                <span className="cell-sub">
                  <DateTime value={a.createdAt} />
                </span>
              </span>
              <Button variant="tertiary" size="sm" aria-label={t('clients.alerts.markReadLabel', { title: a.title })} onClick={() => markRead.mutate(a.id)}>
                {t('clients.alerts.markRead')}
              </Button>
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
