// /care-score: the 医療的ケア判定スコア calculator for anyone signed in. Tick the care the
// child needs and how much watching it takes; the server computes the score with the official
// table (POST /api/care-score) and explains each line.
import { useState } from 'react';
import { availableMonitoringLevels, CARE_ITEMS, MONITORING_LEVEL_LABELS, type CareItemCode, type MonitoringLevel } from '../../../../shared/domain/care-items';
import { Button } from '../../../components/ui/button';
import { Checkbox, SelectField } from '../../../components/ui/fields';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCalculateCareScore } from '../api/calculate-care-score';
import { CareScoreBreakdown } from './care-score-breakdown';

export function CareScorePage() {
  const t = useT();
  useDocumentTitle(t('careScore.title'));
  const calc = useCalculateCareScore();
  const [chosen, setChosen] = useState<Partial<Record<CareItemCode, MonitoringLevel>>>({});
  const items = Object.entries(chosen).map(([code, monitoring]) => ({ code: code as CareItemCode, monitoring: monitoring! }));

  return (
    <div className="page">
      <PageHeader title={t('careScore.title')} lead={t('careScore.intro')} />
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          calc.mutate({ items });
        }}
      >
        <fieldset className="fieldset">
          <legend className="field__label">{t('careScore.itemsLegend')}</legend>
          <ul className="care-score-items">
            {CARE_ITEMS.map((item) => {
              const level = chosen[item.code];
              const levels = availableMonitoringLevels(item.code);
              return (
                <li key={item.code} className="care-score-items__row">
                  <div>
                    <Checkbox
                      label={`${item.row}. ${item.label}`}
                      checked={level !== undefined}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setChosen((c) => {
                          const next = { ...c };
                          if (on) next[item.code] = levels.includes('middle') ? 'middle' : levels[0]!;
                          else delete next[item.code];
                          return next;
                        });
                      }}
                      aria-describedby={`care-desc-${item.code}`}
                    />
                    <p id={`care-desc-${item.code}`} className="field__hint">
                      {item.description}
                      {item.note ? ` ${item.note}` : ''}
                    </p>
                  </div>
                  {level !== undefined ? (
                    <SelectField
                      label={t('careScore.monitoringFor', { label: item.label })}
                      value={level}
                      options={levels.map((l) => ({ value: l, label: MONITORING_LEVEL_LABELS[l] }))}
                      onChange={(e) => {
                        const v = e.currentTarget.value as MonitoringLevel;
                        setChosen((c) => ({ ...c, [item.code]: v }));
                      }}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="form__actions">
          <Button type="submit" isPending={calc.isPending} pendingText={t('careScore.calculating')}>
            {t('careScore.calculate')}
          </Button>
        </div>
      </form>
      {calc.error ? <ErrorState error={calc.error} /> : null}
      {calc.data ? (
        <Section title={t('careScore.result')}>
          <CareScoreBreakdown result={calc.data} captionId="calculator-breakdown" />
        </Section>
      ) : null}
    </div>
  );
}
