// Layout for pages reached without a session (sign-in): logo, language, footer.
import type { ReactNode } from 'react';
import { useHealth } from '../../features/platform';
import { useT } from '../../i18n/i18n';
import { DemoBanner } from './demo-banner';
import { Logo } from './logo';
import { LanguageSwitch } from './language-switch';
import { SiteFooter } from './site-footer';
import { MAIN_ID, SkipLink } from './skip-link';

export function PublicLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const health = useHealth();
  const demoMode = health.data?.demoMode ?? false;
  return (
    <div className="layout layout--public">
      <SkipLink />
      <header className="site-header">
        {demoMode ? <DemoBanner /> : null}
        <div className="site-header__bar">
          <Logo label={t('app.name')} />
          <div className="site-header__tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="layout__main">
        {children}
      </main>
      <SiteFooter demoMode={demoMode} />
    </div>
  );
}
