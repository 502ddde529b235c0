import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n';
import type { NetworkEvent } from '../api/list-events';

/** 中止 / 受付中 / 満席 and the caller's own state (申込済み / キャンセル待ち n番目). */
export function EventStatusBadges({ event }: { event: NetworkEvent }) {
  const t = useT();
  const mine = event.myRegistration;
  return (
    <span className="badge-stack">
      {event.status === 'cancelled' ? <Badge tone="danger">{t('ev.cancelled')}</Badge> : null}
      {event.status !== 'cancelled' && event.acceptingRegistrations ? (
        event.counts.seatsLeft === 0 ? <Badge tone="warning">{t('ev.full')}</Badge> : <Badge tone="info">{t('ev.accepting')}</Badge>
      ) : null}
      {mine?.status === 'registered' ? <Badge tone="success">{t('ev.mineRegistered')}</Badge> : null}
      {mine?.status === 'waitlisted' ? <Badge tone="warning">{t('ev.mineWaitlisted', { n: mine.waitlistPosition ?? '—' })}</Badge> : null}
    </span>
  );
}
