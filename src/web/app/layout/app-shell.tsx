// The signed-in layout: header (logo, language, account, sign-out), navigation (a sidebar on
// wide screens, a menu button on phones), main content, footer.
import { Link, Outlet, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { CloseIcon, MenuIcon } from '../../components/ui/icons';
import { useMe, useSignOut, useUpdateMe } from '../../features/auth';
import { NotificationsBell } from '../../features/notifications';
import { useLocale, useT } from '../../i18n/i18n';
import { DemoBanner } from './demo-banner';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { MainNav } from './main-nav';
import { SiteFooter } from './site-footer';
import { MAIN_ID, SkipLink } from './skip-link';

export function AppShell() {
  const t = useT();
  const me = useMe();
  const { locale, setLocale } = useLocale();
  const updateMe = useUpdateMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const router = useRouter();
  const [menuOpen, setMenuOpen] = useState(false);
  // Accounts held at two-factor enrolment can use nothing else yet: no navigation to offer.
  const restricted = me.twoFactorRequired;

  // The account's language wins once signed in (the sign-in page already sent its choice).
  useEffect(() => {
    if (me.locale !== locale) setLocale(me.locale);
    // Only when the account's setting changes, not when the user flips the switch.
  }, [me.locale]);

  // After a client-side navigation, close the phone menu and move focus to the new page's
  // heading, so screen-reader and keyboard users start at the new content (a full page load
  // does this by itself). The router says when the new page is on screen; a page whose code is
  // still loading gets its h1 a moment later, hence the short watch.
  useEffect(
    () =>
      router.subscribe('onRendered', (event) => {
        // No previous location = the first render of a full page load: focus stays at the top
        // of the document, so the skip link remains the first Tab stop.
        if (!event.pathChanged || !event.fromLocation) return;
        setMenuOpen(false);
        focusPageHeading(event.toLocation.hash);
      }),
    [router],
  );

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const doSignOut = () =>
    signOut.mutate(undefined, {
      onSettled: () => void navigate({ to: '/sign-in', search: { reason: 'signed-out' } }),
    });

  return (
    <div className={['layout', 'layout--app', menuOpen ? 'is-menu-open' : ''].filter(Boolean).join(' ')}>
      <SkipLink />
      <header className="site-header">
        {me.demoMode ? <DemoBanner /> : null}
        <div className="site-header__bar">
          <Logo label={t('app.name')} />
          <div className="site-header__tools">
            {restricted ? null : <NotificationsBell />}
            <LanguageSwitch onChange={(next) => updateMe.mutate({ locale: next })} />
            <div className="site-header__account">
              <span className="site-header__user">{t('nav.signedInAs', { name: me.name })}</span>
              {restricted ? null : (
                <Link to="/account" className="header-button">
                  {t('nav.account')}
                </Link>
              )}
              <button type="button" className="header-button" onClick={doSignOut} disabled={signOut.isPending}>
                {t('nav.signOut')}
              </button>
            </div>
            {restricted ? null : (
              <button
                type="button"
                className="header-button menu-button"
                aria-expanded={menuOpen}
                aria-controls="main-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                {menuOpen ? <CloseIcon /> : <MenuIcon />}
                <span>{t('nav.menu')}</span>
              </button>
            )}
          </div>
        </div>
      </header>
      <div className={restricted ? 'layout__body layout__body--no-nav' : 'layout__body'}>
        {restricted ? null : (
          <div className="layout__nav">
            <MainNav me={me} id="main-nav" />
            <div className="main-nav__account">
              <p className="main-nav__user">{t('nav.signedInAs', { name: me.name })}</p>
              <ul className="main-nav__list">
                <li>
                  <Link to="/account" className="main-nav__link">
                    {t('nav.account')}
                  </Link>
                </li>
                <li>
                  <button type="button" className="main-nav__link main-nav__button" onClick={doSignOut} disabled={signOut.isPending}>
                    {t('nav.signOut')}
                  </button>
                </li>
              </ul>
            </div>
          </div>
        )}
        <main id={MAIN_ID} tabIndex={-1} className="layout__main">
          <Outlet />
        </main>
      </div>
      <SiteFooter demoMode={me.demoMode} />
    </div>
  );
}

/** Focuses the new page's h1, or the heading of the section a link pointed at (#two-factor). */
function focusPageHeading(hash?: string) {
  const tryFocus = () => {
    const section = hash ? document.getElementById(hash) : null;
    const heading = section?.querySelector<HTMLElement>('h2, h3') ?? document.querySelector<HTMLElement>(`#${MAIN_ID} h1`);
    if (!heading) return false;
    heading.tabIndex = -1;
    heading.focus();
    if (section) section.scrollIntoView();
    return true;
  };
  if (tryFocus()) return;
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  const observer = new MutationObserver(() => tryFocus() && observer.disconnect());
  observer.observe(main, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 3000);
}
