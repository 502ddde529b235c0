// A plan version as a readable document, laid out like the official form (意向, 方針, 目標,
// 課題と支援). It is also what the browser prints (A4, print CSS in styles/care.css).
import { Link } from '@tanstack/react-router';
import { PlanBodySchema, PlanHeaderSchema, PlanNeedSchema, PLAN_STATUS_LABELS } from '../../../../shared/contracts/plans';
import { Badge } from '../../../components/ui/badge';
import { DateTime } from '../../../components/ui/date-time';
import { useT } from '../../../i18n/i18n';
import { contractLabel } from '../../../lib/forms';
import type { Plan } from '../api/get-plan';
import { STATUS_TONES } from './status';

const B = (k: keyof typeof PlanBodySchema.shape & string) => contractLabel(PlanBodySchema, k);
const H = (k: keyof typeof PlanHeaderSchema.shape & string) => contractLabel(PlanHeaderSchema, k);
const N = (k: keyof typeof PlanNeedSchema.shape & string) => contractLabel(PlanNeedSchema, k);

export function PlanDocument({ plan }: { plan: Plan }) {
  const t = useT();
  return (
    <article className="plan-document print-area" aria-labelledby="plan-document-title">
      <h2 className="section__title" id="plan-document-title">
        {plan.kindLabel} {t('plans.revision', { n: plan.revision })} <Badge tone={STATUS_TONES[plan.status]}>{PLAN_STATUS_LABELS[plan.status]}</Badge>
      </h2>
      <dl className="summary-list summary-list--inline plan-document__facts">
        <div>
          <dt>{B('createdOn')}</dt>
          <dd>
            <DateTime value={plan.createdOn} />
          </dd>
        </div>
        <div>
          <dt>{B('startDate')}</dt>
          <dd>
            <DateTime value={plan.startDate} />
          </dd>
        </div>
        <div>
          <dt>{B('reviewDate')}</dt>
          <dd>
            <DateTime value={plan.reviewDate} />
          </dd>
        </div>
        <div>
          <dt>{B('monitoringPeriodMonths')}</dt>
          <dd>{t('plans.everyMonths', { n: plan.monitoringPeriodMonths })}</dd>
        </div>
        {plan.agreedOn ? (
          <div>
            <dt>{t('plans.agreedOnBy')}</dt>
            <dd>
              <DateTime value={plan.agreedOn} />（{plan.agreedBy}）
            </dd>
          </div>
        ) : null}
        {(['guardianName', 'recipientNumber', 'costCap', 'officeName', 'plannerName'] as const).map((k) =>
          plan.header[k] ? (
            <div key={k}>
              <dt>{H(k)}</dt>
              <dd>
                {plan.header[k]}
                {k === 'guardianName' && plan.header.guardianRelation ? `（${plan.header.guardianRelation}）` : ''}
              </dd>
            </div>
          ) : null,
        )}
      </dl>
      <dl className="plan-document__texts">
        {(['wishes', 'policy', 'longTermGoal', 'shortTermGoal'] as const).map((k) => (
          <div key={k} className="plan-document__text">
            <dt>{B(k)}</dt>
            <dd className="pre-wrap">{plan[k] || '—'}</dd>
          </div>
        ))}
      </dl>
      <div className="table-scroll" role="region" aria-labelledby="plan-needs-caption" tabIndex={0}>
        <table className="table table--compact plan-needs">
          <caption id="plan-needs-caption" className="table__caption">
            {B('needs')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{N('priority')}</th>
              <th scope="col">{N('issue')}</th>
              <th scope="col">{N('goal')}</th>
              <th scope="col">{N('achieveBy')}</th>
              <th scope="col">{N('services')}</th>
              <th scope="col">{N('selfRole')}</th>
              <th scope="col">{N('evaluateBy')}</th>
              <th scope="col">{N('notes')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.needs.map((n, i) => (
              <tr key={i}>
                <td className="cell-number">{n.priority}</td>
                <th scope="row" className="pre-wrap">
                  {n.issue}
                </th>
                <td className="pre-wrap">{n.goal}</td>
                <td>{n.achieveBy}</td>
                <td>
                  {n.services.map((s, j) => (
                    <p key={j}>
                      {[s.serviceType, s.content, s.amount].filter(Boolean).join('／')}
                      {s.officeId ? (
                        <>
                          （
                          <Link to="/directory/$officeId" params={{ officeId: s.officeId }}>
                            {s.officeName || s.officeId}
                          </Link>
                          ）
                        </>
                      ) : s.officeName ? (
                        `（${s.officeName}）`
                      ) : (
                        ''
                      )}
                    </p>
                  ))}
                </td>
                <td className="pre-wrap">{n.selfRole}</td>
                <td>{n.evaluateBy}</td>
                <td className="pre-wrap">{n.notes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.needs.length === 0 ? <p>{t('plans.noNeeds')}</p> : null}
    </article>
  );
}
