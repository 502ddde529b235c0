// Choosing offices by searching for them (there can be thousands): type part of a name or
// reading, add from the results, remove from the chosen list. Plain buttons and lists, so it
// works the same with a keyboard, a screen reader or a finger.
import { useId, useState } from 'react';
import { useDebounced } from '../../../lib/use-debounced';
import { useT } from '../../../i18n/i18n';
import { useSearchOffices } from '../api/search-offices';

export interface OfficeRef {
  id: string;
  name: string;
}

export interface OfficePickerProps {
  /** Id of the search input (the error summary links to it). */
  id: string;
  label: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** Names of offices already chosen when the form opened. */
  initialOffices?: readonly OfficeRef[];
  error?: string;
  max?: number;
}

export function OfficePicker({ id, label, value, onChange, initialOffices = [], error, max = 20 }: OfficePickerProps) {
  const t = useT();
  const [term, setTerm] = useState('');
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(initialOffices.map((o) => [o.id, o.name])));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const resultsId = useId();

  const debounced = useDebounced(term.trim());

  const search = useSearchOffices(debounced, debounced.length > 0);
  const results = (search.data?.items ?? []).filter((o) => !value.includes(o.id));

  const add = (office: OfficeRef) => {
    if (value.includes(office.id) || value.length >= max) return;
    setNames((n) => ({ ...n, [office.id]: office.name }));
    onChange([...value, office.id]);
  };
  const remove = (officeId: string) => onChange(value.filter((v) => v !== officeId));

  return (
    <div className={['field', 'office-picker', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} role="group" aria-labelledby={`${id}-group-label`}>
      <p className="field__label" id={`${id}-group-label`}>
        {label}
      </p>
      <div className="office-picker__selected">
        <p className="office-picker__subhead" id={`${id}-selected`}>
          {t('users.officeSelected')}
        </p>
        {value.length === 0 ? (
          <p className="muted">{t('users.officeNoneSelected')}</p>
        ) : (
          <ul className="chip-list" aria-labelledby={`${id}-selected`}>
            {value.map((officeId) => {
              const name = names[officeId] ?? officeId;
              return (
                <li key={officeId} className="chip">
                  <span>{name}</span>
                  <button type="button" className="chip__remove" aria-label={t('users.officeRemove', { name })} onClick={() => remove(officeId)}>
                    {t('common.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      <label className="field__label field__label--sub" htmlFor={id}>
        {t('users.officeSearch')}
      </label>
      <p id={hintId} className="field__hint">
        {t('users.officeSearchHint')}
      </p>
      <input
        id={id}
        type="search"
        className="input"
        value={term}
        autoComplete="off"
        onChange={(e) => setTerm(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter here must not submit the surrounding form.
          if (e.key === 'Enter') e.preventDefault();
        }}
        aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-controls={resultsId}
      />
      <p className="visually-hidden" role="status">
        {debounced && search.data ? t('users.officeResultsCount', { count: results.length }) : ''}
      </p>
      <ul id={resultsId} className="office-picker__results" aria-label={t('users.officeResults')}>
        {debounced
          ? results.map((o) => (
              <li key={o.id} className="office-picker__result">
                <span className="office-picker__result-name">
                  {o.name}
                  <span className="muted"> — {o.municipalityName}・{t(`sector.${o.sector}`)}</span>
                </span>
                <button type="button" className="button button--secondary button--sm" aria-label={t('users.officeAdd', { name: o.name })} onClick={() => add(o)}>
                  {t('common.add')}
                </button>
              </li>
            ))
          : null}
      </ul>
    </div>
  );
}
