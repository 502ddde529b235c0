import { useT } from '../../i18n/i18n';

/** Always visible in demo mode, so no screenshot of the demo is mistaken for real records. */
export function DemoBanner() {
  const t = useT();
  return (
    <div className="demo-banner">
      <p className="demo-banner__text">
        <strong className="demo-banner__label">{t('demo.banner')}</strong>
        <span className="demo-banner__detail">{t('demo.bannerDetail')}</span>
      </p>
    </div>
  );
}
