import { useT } from '../../i18n/i18n';
import { ExternalIcon } from '../../components/ui/icons';

const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

export function SiteFooter({ demoMode }: { demoMode?: boolean }) {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <ul className="site-footer__links">
          <li>
            {/* A server-rendered page outside the app, so a plain link (full page load). */}
            <a href="/api/docs" target="_blank" rel="noopener">
              {t('footer.apiReference')}
              <ExternalIcon className="inline-icon" />
            </a>
          </li>
        </ul>
        {demoMode ? <p className="site-footer__demo">{t('demo.footer')}</p> : null}
        <p className="site-footer__meta">
          {t('footer.copyright')} · {t('footer.version', { version: VERSION })}
        </p>
      </div>
    </footer>
  );
}
