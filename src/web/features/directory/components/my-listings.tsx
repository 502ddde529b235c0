// Provider staff see their own offices first, with a nudge when a listing has gone stale.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../../components/ui/alert';
import { useT } from '../../../i18n/i18n';
import { useMyListings } from '../api/get-my-listings';

export function MyListings() {
  const t = useT();
  const mine = useMyListings();
  const offices = mine.data?.offices ?? [];
  if (!offices.length) return null;
  return (
    <Alert tone={mine.data!.staleServiceCount ? 'warning' : 'info'} title={t('dir.myListings')}>
      {mine.data!.staleServiceCount ? <p>{t('dir.myListingsStale', { count: mine.data!.staleServiceCount })}</p> : null}
      <ul className="plain-list">
        {offices.map((o) => (
          <li key={o.id}>
            <Link to="/directory/$officeId" params={{ officeId: o.id }}>
              {o.name}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
