// What is known about the case. In a candidate's (limited) view the server leaves out whatever
// the guardian did not consent to share; absent fields are simply not shown.
import { careScoreBandInfo, computeCareScore } from '../../../../shared/domain/care-score';
import { isCareItemCode, isMonitoringLevel } from '../../../../shared/domain/care-items';
import { DAY_LABELS, type DayCode } from '../../../../shared/contracts/people';
import { DateTime } from '../../../components/ui/date-time';
import { useT } from '../../../i18n/i18n';
import type { ReferralCase } from '../api/types';
import { monitoringLabel, sourceLabel } from './labels';
import { UrgencyBadge } from './status-badges';

export function CaseFacts({ c }: { c: ReferralCase }) {
  const t = useT();
  const scoreInput = (c.careItems ?? []).filter((i) => isCareItemCode(i.code) && isMonitoringLevel(i.monitoring)).map((i) => ({ code: i.code as never, monitoring: i.monitoring as never }));
  const total = c.careScore ?? (c.careItems ? computeCareScore(scoreInput).total : undefined);
  return (
    <dl className="summary-list">
      {c.municipalityName ? (
        <div>
          <dt>{t('intake.municipality')}</dt>
          <dd>{c.municipalityName}</dd>
        </div>
      ) : null}
      {c.ageYears !== undefined || c.ageBand ? (
        <div>
          <dt>{t('intake.age')}</dt>
          <dd>{c.ageYears !== undefined ? t('cases.ageYears', { age: c.ageYears }) : c.ageBand}</dd>
        </div>
      ) : null}
      {c.careItems ? (
        <div>
          <dt>{t('intake.careItems')}</dt>
          <dd>
            {c.careItems.length ? (
              <ul className="plain-list">
                {c.careItems.map((i) => (
                  <li key={i.code}>
                    {i.label}（{t('intake.monitoringLevel', { level: monitoringLabel(i.monitoring) })}）{i.note ? <span className="cell-sub">{i.note}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              t('common.none')
            )}
            {total !== undefined ? (
              <p className="care-score__total">
                {t('intake.careScore')}: <strong>{t('intake.points', { points: total })}</strong>（{careScoreBandInfo(computeCareScore(scoreInput).band).label}）
              </p>
            ) : null}
          </dd>
        </div>
      ) : null}
      {c.servicesWanted ? (
        <div>
          <dt>{t('intake.services')}</dt>
          <dd>
            {c.servicesWanted.length ? (
              <ul className="plain-list">
                {c.servicesWanted.map((s) => (
                  <li key={s.serviceType}>
                    {s.label}
                    {s.note ? `（${s.note}）` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
      ) : null}
      {c.urgency ? (
        <div>
          <dt>{t('intake.urgency')}</dt>
          <dd>
            <UrgencyBadge urgency={c.urgency} />
          </dd>
        </div>
      ) : null}
      {c.wishes ? (
        <div>
          <dt>{t('intake.wishes')}</dt>
          <dd>
            <ul className="plain-list">
              {c.wishes.weekendContact ? <li>{t('intake.weekendContact')}</li> : null}
              {c.wishes.consultantGender ? <li>{t('cases.genderWish', { gender: t(`people.gender.${c.wishes.consultantGender}`) })}</li> : null}
              {c.wishes.preferredDays.length ? <li>{t('cases.daysWish', { days: c.wishes.preferredDays.map((d) => DAY_LABELS[d as DayCode] ?? d).join('・') })}</li> : null}
              {c.wishes.note ? <li className="pre-wrap">{c.wishes.note}</li> : null}
              {!c.wishes.weekendContact && !c.wishes.consultantGender && !c.wishes.preferredDays.length && !c.wishes.note ? <li>{t('common.none')}</li> : null}
            </ul>
          </dd>
        </div>
      ) : null}
      {c.summary ? (
        <div>
          <dt>{t('intake.summary')}</dt>
          <dd className="pre-wrap">{c.summary}</dd>
        </div>
      ) : null}
      {c.source ? (
        <div>
          <dt>{t('intake.source')}</dt>
          <dd>
            {sourceLabel(c.source)}
            {c.sourceNote ? `（${c.sourceNote}）` : ''}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('cases.received')}</dt>
        <dd>
          <DateTime value={c.createdAt} />
          {c.createdBy ? ` ${t('cases.by', { name: c.createdBy.name })}` : ''}
          {c.status === 'open' ? ` ${t('cases.waitingDays', { days: c.waitingDays })}` : ''}
        </dd>
      </div>
    </dl>
  );
}
