// The 判定スコア: total, band and the line-by-line breakdown with the rule notes, as on the
// score sheet. Shared by the record's medical section and the calculator.
import { MONITORING_LEVEL_LABELS } from '../../../../shared/domain/care-items';
import { CARE_SCORE_BANDS } from '../../../../shared/domain/care-score';
import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n';
import type { CareScoreResult } from '../api/calculate-care-score';

export function CareScoreBreakdown({ result, captionId }: { result: CareScoreResult; captionId: string }) {
  const t = useT();
  const band = CARE_SCORE_BANDS.find((b) => b.band === result.band);
  return (
    <div className="care-score">
      <p className="care-score__total" role="status">
        <span>{t('careScore.total')}</span> <strong>{t('careScore.totalPoints', { total: result.total })}</strong>{' '}
        <Badge tone={result.band >= 16 ? 'warning' : 'info'}>{t('careScore.band', { band: result.bandLabel })}</Badge>
        {band ? <span className="cell-sub">{band.rangeLabel}</span> : null}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table table--compact">
          <caption id={captionId} className="table__caption">
            {t('careScore.breakdown')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('careScore.row')}</th>
              <th scope="col">{t('careScore.item')}</th>
              <th scope="col" className="cell-number">
                {t('careScore.base')}
              </th>
              <th scope="col">{t('careScore.monitoring')}</th>
              <th scope="col" className="cell-number">
                {t('careScore.monitoringScore')}
              </th>
              <th scope="col" className="cell-number">
                {t('careScore.subtotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.breakdown.map((line) => (
              <tr key={line.code} className={line.counted ? undefined : 'is-muted'}>
                <td className="cell-number">{line.row}</td>
                <th scope="row">
                  {line.label}
                  {line.note ? <span className="cell-sub">{line.note}</span> : null}
                </th>
                <td className="cell-number">{line.base}</td>
                <td>{MONITORING_LEVEL_LABELS[line.monitoring]}</td>
                <td className="cell-number">{line.monitoringScore}</td>
                <td className="cell-number">{line.counted ? line.subtotal : t('careScore.notCounted')}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                {t('careScore.total')}
              </th>
              <td className="cell-number">
                <strong>{result.total}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {result.ignoredDuplicates.length > 0 ? <p className="field__hint">{t('careScore.duplicates', { codes: result.ignoredDuplicates.join('、') })}</p> : null}
    </div>
  );
}
