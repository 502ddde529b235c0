// The case's medical care: one row per item of the score sheet (checkbox + 見守り level), and the
// 判定スコア computed live from shared/domain/care-score.ts, announced politely as it changes.
import { useId } from 'react';
import { CARE_ITEMS, MONITORING_LEVEL_LABELS, availableMonitoringLevels, type CareItemCode, type MonitoringLevel } from '../../../../shared/domain/care-items';
import { careScoreBandInfo, computeCareScore } from '../../../../shared/domain/care-score';
import { ErrorIcon } from '../../../components/ui/icons';
import { useT } from '../../../i18n/i18n';

export interface CareItemValue {
  code: CareItemCode;
  monitoring: MonitoringLevel;
  note?: string;
}

export interface CareItemsFieldProps {
  id: string;
  value: CareItemValue[];
  onChange: (value: CareItemValue[]) => void;
  error?: string;
}

export function CareItemsField({ id, value, onChange, error }: CareItemsFieldProps) {
  const t = useT();
  const hintId = useId();
  const errorId = `${id}-error`;
  const selected = new Map(value.map((v) => [v.code, v]));
  const score = computeCareScore(value.map(({ code, monitoring }) => ({ code, monitoring })));
  const band = careScoreBandInfo(score.band);

  const set = (code: CareItemCode, next: CareItemValue | null) => {
    const map = new Map(selected);
    if (next) map.set(code, next);
    else map.delete(code);
    // Keep the score sheet's order so the payload and the breakdown read the same way.
    onChange(CARE_ITEMS.filter((c) => map.has(c.code)).map((c) => map.get(c.code)!));
  };

  return (
    <fieldset className={['field', 'fieldset', 'care-items', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend className="field__label">{t('intake.careItems')}</legend>
      <p id={hintId} className="field__hint">
        {t('intake.careItemsHint')}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          <ErrorIcon className="field__error-icon" />
          <span>{error}</span>
        </p>
      ) : null}
      <ul className="care-items__list">
        {CARE_ITEMS.map((item, i) => {
          const v = selected.get(item.code);
          const levels = availableMonitoringLevels(item.code);
          const checkboxId = i === 0 ? id : `${id}-${item.code}`;
          return (
            <li key={item.code} className={['care-items__row', v ? 'is-selected' : ''].filter(Boolean).join(' ')}>
              <div className="checkbox">
                <input type="checkbox" id={checkboxId} checked={Boolean(v)} onChange={(e) => set(item.code, e.currentTarget.checked ? { code: item.code, monitoring: levels[0]! } : null)} />
                <label htmlFor={checkboxId}>{item.label}</label>
              </div>
              {v ? (
                <div className="care-items__detail">
                  <label className="field__label--sub" htmlFor={`${checkboxId}-monitoring`}>
                    {t('intake.monitoringFor', { item: item.label })}
                  </label>
                  <select
                    id={`${checkboxId}-monitoring`}
                    className="select select--inline"
                    value={v.monitoring}
                    onChange={(e) => set(item.code, { ...v, monitoring: e.currentTarget.value as MonitoringLevel })}
                  >
                    {levels.map((l) => (
                      <option key={l} value={l}>
                        {t('intake.monitoringLevel', { level: MONITORING_LEVEL_LABELS[l] })}
                      </option>
                    ))}
                  </select>
                  <label className="visually-hidden" htmlFor={`${checkboxId}-note`}>
                    {t('intake.careNoteFor', { item: item.label })}
                  </label>
                  <input
                    id={`${checkboxId}-note`}
                    className="input input--inline"
                    placeholder={t('intake.careNotePlaceholder')}
                    maxLength={300}
                    value={v.note ?? ''}
                    onChange={(e) => set(item.code, { ...v, note: e.currentTarget.value || undefined })}
                  />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="care-score" role="status" aria-live="polite">
        <p className="care-score__total">
          {t('intake.careScore')}: <strong>{t('intake.points', { points: score.total })}</strong>（{band.label}）
        </p>
        {score.breakdown.length ? (
          <details className="care-score__details">
            <summary>{t('intake.careScoreBreakdown')}</summary>
            <ul>
              {score.breakdown.map((l) => (
                <li key={l.code}>
                  {l.label}: {t('intake.scoreLine', { base: l.base, monitoring: l.monitoringScore, subtotal: l.subtotal })}
                  {l.note ? <span className="cell-sub">{l.note}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <p className="field__hint">{t('intake.careScoreHint')}</p>
      </div>
    </fieldset>
  );
}
