import { Link } from '@tanstack/react-router';
import { useT } from '../../i18n/i18n';

/** The wordmark, linking home. */
export function Logo({ label }: { label: string }) {
  const t = useT();
  return (
    <Link to="/" className="logo">
      <svg className="logo__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="currentColor" />
        <circle cx="11" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="3" />
        <circle cx="21" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="3" />
      </svg>
      <span className="logo__text">
        <span className="logo__name">{label}</span>
        <span className="logo__sub">
          {t('app.region')} · {t('app.tagline')}
        </span>
      </span>
    </Link>
  );
}
