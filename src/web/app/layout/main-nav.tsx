// The main navigation: home, the work areas (each marked 準備中 until built) and, for accounts
// that may use them, the admin screens.
import { Link, useLocation } from '@tanstack/react-router';
import { Badge } from '../../components/ui/badge';
import { hasPermission, type Me } from '../../features/auth';
import { useT } from '../../i18n/i18n';
import { ADMIN_LINKS, AREAS } from '../areas';

export function MainNav({ me, id }: { me: Me; id?: string }) {
  const t = useT();
  const adminLinks = ADMIN_LINKS.filter((l) => hasPermission(me, l.permission));
  const pathname = useLocation({ select: (l) => l.pathname });
  const inArea = (paths: readonly string[] = []) => paths.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  return (
    <nav id={id} className="main-nav" aria-label={t('nav.label')}>
      <ul className="main-nav__list">
        <li>
          <Link to="/" className="main-nav__link" activeOptions={{ exact: true }}>
            {t('nav.home')}
          </Link>
        </li>
      </ul>
      <p className="main-nav__heading" id="main-nav-areas">
        {t('nav.areas')}
      </p>
      <ul className="main-nav__list" aria-labelledby="main-nav-areas">
        {AREAS.map((area) => (
          <li key={area.key}>
            <Link to={area.path} className="main-nav__link" aria-current={inArea(area.also) ? 'page' : undefined}>
              <span>{t(area.label)}</span>
              {area.status === 'planned' ? <Badge tone="soon">{t('common.comingSoon')}</Badge> : null}
            </Link>
          </li>
        ))}
      </ul>
      {adminLinks.length > 0 ? (
        <>
          <p className="main-nav__heading" id="main-nav-admin">
            {t('nav.admin')}
          </p>
          <ul className="main-nav__list" aria-labelledby="main-nav-admin">
            {adminLinks.map((l) => (
              <li key={l.path}>
                <Link to={l.path} className="main-nav__link">
                  {t(l.label)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}
