// The 分析 area's local navigation: the dashboard, trends and comparison, the council report.
import { Link } from '@tanstack/react-router';
import { useT } from '../../../i18n/i18n';

const LINKS = [
  { to: '/analytics', label: 'an.nav.dashboard', exact: true },
  { to: '/analytics/trends', label: 'an.nav.trends', exact: false },
  { to: '/analytics/reports', label: 'an.nav.report', exact: false },
] as const;

export function AnalyticsNav() {
  const t = useT();
  return (
    <nav className="local-nav no-print" aria-label={t('an.navLabel')}>
      <ul className="local-nav__list">
        {LINKS.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="local-nav__link" activeOptions={{ exact: l.exact }} activeProps={{ 'aria-current': 'page', className: 'is-active' }}>
              {t(l.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
