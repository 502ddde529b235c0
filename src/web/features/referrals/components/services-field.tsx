// Services the family wants: a checkbox per service type, with a short note (内容・頻度) once chosen.
import { useId } from 'react';
import { SERVICE_TYPES } from '../../../../shared/domain/service-types';
import { useT } from '../../../i18n/i18n';

export interface ServiceWantedValue {
  serviceType: string;
  note?: string;
}

const CHOICES = SERVICE_TYPES.filter((s) => !s.mergedInto);

export function ServicesField({ id, value, onChange }: { id: string; value: ServiceWantedValue[]; onChange: (v: ServiceWantedValue[]) => void }) {
  const t = useT();
  const hintId = useId();
  const selected = new Map(value.map((v) => [v.serviceType, v]));
  const set = (code: string, next: ServiceWantedValue | null) => {
    const map = new Map(selected);
    if (next) map.set(code, next);
    else map.delete(code);
    onChange(CHOICES.filter((c) => map.has(c.code)).map((c) => map.get(c.code)!));
  };
  return (
    <fieldset className="field fieldset" aria-describedby={hintId}>
      <legend className="field__label">{t('intake.services')}</legend>
      <p id={hintId} className="field__hint">
        {t('intake.servicesHint')}
      </p>
      <ul className="care-items__list care-items__list--columns">
        {CHOICES.map((s, i) => {
          const v = selected.get(s.code);
          const checkboxId = i === 0 ? id : `${id}-${s.code}`;
          return (
            <li key={s.code} className={['care-items__row', v ? 'is-selected' : ''].filter(Boolean).join(' ')}>
              <div className="checkbox">
                <input type="checkbox" id={checkboxId} checked={Boolean(v)} onChange={(e) => set(s.code, e.currentTarget.checked ? { serviceType: s.code } : null)} />
                <label htmlFor={checkboxId}>{s.label}</label>
              </div>
              {v ? (
                <div className="care-items__detail">
                  <label className="visually-hidden" htmlFor={`${checkboxId}-note`}>
                    {t('intake.serviceNoteFor', { service: s.label })}
                  </label>
                  <input
                    id={`${checkboxId}-note`}
                    className="input input--inline"
                    placeholder={t('intake.serviceNotePlaceholder')}
                    maxLength={300}
                    value={v.note ?? ''}
                    onChange={(e) => set(s.code, { ...v, note: e.currentTarget.value || undefined })}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
