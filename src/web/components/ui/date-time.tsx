// Dates are shown in 西暦 by default; 和暦 (令和…) is one switch away, remembered per browser.
// Instants are always shown in Japan time (shared/dates.ts), whatever the device's zone.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatDateJa, formatDateTimeJa, formatWareki, tokyoDate } from '../../../shared/dates';
import type { IsoDate } from '../../../shared/calendar-date';
import { useLocale, useT, type Locale } from '../../i18n/i18n';
import { Checkbox } from './fields';

const ERA_STORAGE_KEY = 'tsunagu.dateEra';

interface DateEraContextValue {
  era: boolean;
  setEra: (era: boolean) => void;
}

const DateEraContext = createContext<DateEraContextValue | null>(null);

function readStoredEra(): boolean {
  try {
    return globalThis.localStorage?.getItem(ERA_STORAGE_KEY) === 'japanese';
  } catch {
    return false;
  }
}

export function DateEraProvider({ children, initialEra }: { children: ReactNode; initialEra?: boolean }) {
  const [era, setEraState] = useState(() => initialEra ?? readStoredEra());
  const setEra = useCallback((next: boolean) => {
    try {
      globalThis.localStorage?.setItem(ERA_STORAGE_KEY, next ? 'japanese' : 'gregorian');
    } catch {
      /* the choice lasts for this page only */
    }
    setEraState(next);
  }, []);
  const value = useMemo(() => ({ era, setEra }), [era, setEra]);
  return <DateEraContext.Provider value={value}>{children}</DateEraContext.Provider>;
}

export function useDateEra(): DateEraContextValue {
  const ctx = useContext(DateEraContext);
  if (!ctx) throw new Error('useDateEra() must be used inside <DateEraProvider>');
  return ctx;
}

export interface FormatOptions {
  era?: boolean;
  locale?: Locale;
}

/** An instant in Japan time: '2026年11月25日 17:24', '令和8年11月25日 17:24' or '2026-11-25 17:24'. */
export function formatInstant(value: string, { era = false, locale = 'ja' }: FormatOptions = {}): string {
  const ja = formatDateTimeJa(value);
  const time = ja.slice(ja.lastIndexOf(' ') + 1);
  const day = tokyoDate(value);
  if (era) return `${formatWareki(day)} ${time}`;
  return locale === 'en' ? `${day} ${time.padStart(5, '0')}` : ja;
}

/** A calendar date: '2026年11月25日', '令和8年11月25日' or '2026-11-25'. */
export function formatCalendarDate(value: IsoDate, { era = false, locale = 'ja' }: FormatOptions = {}): string {
  if (era) return formatWareki(value);
  return locale === 'en' ? value : formatDateJa(value);
}

function isCalendarDate(value: string): value is IsoDate {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/**
 * A date or date-time in the user's chosen calendar, inside <time>; the other calendar is in
 * the tooltip. Invalid values are shown as they are rather than breaking the page.
 */
export function DateTime({ value, className }: { value: string | null | undefined; className?: string }) {
  const { era } = useDateEra();
  const { locale } = useLocale();
  if (!value) return <span className={className}>—</span>;
  try {
    const fmt = isCalendarDate(value) ? formatCalendarDate : formatInstant;
    const text = fmt(value as IsoDate, { era, locale });
    const other = fmt(value as IsoDate, { era: !era, locale });
    return (
      <time className={className} dateTime={value} title={other}>
        {text}
      </time>
    );
  } catch {
    return <span className={className}>{value}</span>;
  }
}

/** The 和暦 switch, placed next to any table or list that shows dates. */
export function EraToggle({ className }: { className?: string }) {
  const t = useT();
  const { era, setEra } = useDateEra();
  return (
    <div className={['era-toggle', className ?? ''].filter(Boolean).join(' ')}>
      <Checkbox label={t('date.era')} checked={era} onChange={(e) => setEra(e.currentTarget.checked)} />
    </div>
  );
}
