import { useT } from '../../i18n/i18n';

export const MAIN_ID = 'main';

/** First focusable element on every page: jumps past the header and navigation. */
export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_ID}`}
      onClick={(e) => {
        const main = document.getElementById(MAIN_ID);
        if (!main) return;
        e.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {t('common.skipToContent')}
    </a>
  );
}
