// The 研修・会議 area (C8, C9): one local navigation over its parts — events, surveys,
// indicators, ask a coordinator, the knowledge base and the glossary.
import { Link, Outlet } from '@tanstack/react-router';
import { hasPermission, useMe } from '../../features/auth';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/i18n';

interface NetworkLink {
  to: '/events' | '/surveys' | '/indicators' | '/consultations' | '/knowledge-base' | '/glossary';
  label: MessageKey;
  permission: string;
}

const LINKS: readonly NetworkLink[] = [
  { to: '/events', label: 'net.events', permission: 'read:events' },
  { to: '/surveys', label: 'net.surveys', permission: 'read:events' },
  { to: '/indicators', label: 'net.indicators', permission: 'read:indicators' },
  { to: '/consultations', label: 'net.consultations', permission: 'read:consultations' },
  { to: '/knowledge-base', label: 'net.knowledgeBase', permission: 'read:consultations' },
  { to: '/glossary', label: 'net.glossary', permission: 'read:glossary' },
];

export function NetworkLayout() {
  const t = useT();
  const me = useMe();
  const links = LINKS.filter((l) => hasPermission(me, l.permission));
  return (
    <>
      <nav className="local-nav" aria-label={t('net.navLabel')}>
        <ul className="local-nav__list">
          {links.map((l) => (
            <li key={l.to}>
              <Link to={l.to} className="local-nav__link" activeProps={{ 'aria-current': 'page', className: 'is-active' }}>
                {t(l.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
