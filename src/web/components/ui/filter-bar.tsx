// A search/filter form for a list. Values are applied on submit (not per keystroke), so a
// screen reader user hears one update, and the URL (the caller's state) changes once.
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n';
import { Button } from './button';

export type FilterValues = Record<string, string | undefined>;

export interface FilterBarProps {
  /** Accessible name of the search landmark, e.g. ユーザーの絞り込み. */
  label: string;
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
  fields: (values: FilterValues, set: (key: string, value: string) => void) => ReactNode;
  /** Extra controls after the buttons (e.g. an export link). */
  extra?: ReactNode;
}

function clean(values: FilterValues): FilterValues {
  const out: FilterValues = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v.trim() !== '') out[k] = v.trim();
  return out;
}

export function FilterBar({ label, initial, onApply, fields, extra }: FilterBarProps) {
  const t = useT();
  const [values, setValues] = useState<FilterValues>(initial);
  const [synced, setSynced] = useState(initial);
  // Follow the caller when the filters change from outside (back button, a link).
  if (JSON.stringify(synced) !== JSON.stringify(initial)) {
    setSynced(initial);
    setValues(initial);
  }
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const hasAny = Object.keys(clean(initial)).length > 0;

  return (
    <form
      role="search"
      aria-label={label}
      className="filter-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(clean(values));
      }}
    >
      <div className="filter-bar__fields">{fields(values, set)}</div>
      <div className="filter-bar__actions">
        <Button type="submit">{t('common.search')}</Button>
        {hasAny ? (
          <Button variant="tertiary" onClick={() => onApply({})}>
            {t('common.clear')}
          </Button>
        ) : null}
        {extra}
      </div>
    </form>
  );
}
