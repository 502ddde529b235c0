import { useLocale, useT, type Locale } from '../../i18n/i18n';

/**
 * One button that offers the other language, labelled in that language (and marked with its
 * lang, so screen readers pronounce it right). `onChange` persists the choice to the account.
 */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const next: Locale = locale === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      className="header-button"
      lang={next}
      onClick={() => {
        setLocale(next);
        onChange?.(next);
      }}
    >
      <span aria-hidden="true" className="header-button__icon">
        文A
      </span>
      {t('lang.switchTo')}
    </button>
  );
}
