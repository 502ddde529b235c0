// /evacuation/registers — the municipality's register of clients needing evacuation support:
// how many have no plan, a draft, an approved plan or one due for review, the share with an
// approved plan (the figure cities report), and the named list of those who consented to give
// the plan to the city.
import { Link } from '@tanstack/react-router';
import { PLAN_STATUSES, PLAN_STATUS_LABELS, type EvacuationPlanStatus } from '../../../../shared/contracts/evacuation';
import { formatHours } from '../../../../shared/domain/power-runtime';
import { DataTable } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { SelectField } from '../../../components/ui/fields';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useRegisters, type RegisterEntry } from '../api/city';
import { PlanStatusBadge } from './plan-view';

const pct = (f: number) => `${(Math.round(f * 1000) / 10).toLocaleString('ja-JP')}%`;

export function RegistersPage({ status, onStatusChange }: { status?: EvacuationPlanStatus; onStatusChange: (s: EvacuationPlanStatus | undefined) => void }) {
  const t = useT();
  useDocumentTitle(t('evac.reg.title'));
  const q = useRegisters(status);
  const summary = q.data?.pages[0]?.summary;
  const rows = allItems(q.data);

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/evacuation">{t('area.evacuation')}</Link>
      </p>
      <PageHeader title={t('evac.reg.title')} lead={t('evac.reg.lead')} />
      {q.isPending ? (
        <LoadingState />
      ) : q.error && !summary ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : summary ? (
        <>
          <Section title={t('evac.reg.summary', { name: summary.municipalityName ?? summary.municipalityCode })} id="summary">
            <p className="evac-share">
              {t('evac.reg.share')}: <strong>{pct(summary.approvedShare)}</strong>
              <span className="muted">（{t('evac.reg.shareFormula', { approved: summary.approved, due: summary.reviewDue, total: summary.total })}）</span>
            </p>
            <dl className="summary-list summary-list--inline evac-counts">
              <div>
                <dt>{t('evac.reg.total')}</dt>
                <dd>{summary.total}</dd>
              </div>
              <div>
                <dt>{PLAN_STATUS_LABELS.none}</dt>
                <dd>{summary.none}</dd>
              </div>
              <div>
                <dt>{PLAN_STATUS_LABELS.draft}</dt>
                <dd>{summary.draft}</dd>
              </div>
              <div>
                <dt>{PLAN_STATUS_LABELS.approved}</dt>
                <dd>{summary.approved}</dd>
              </div>
              <div>
                <dt>{PLAN_STATUS_LABELS.review_due}</dt>
                <dd>{summary.reviewDue}</dd>
              </div>
              <div>
                <dt>{t('evac.reg.current')}</dt>
                <dd>{pct(summary.currentShare)}</dd>
              </div>
              <div>
                <dt>{t('evac.reg.powerDependent')}</dt>
                <dd>{summary.powerDependent}</dd>
              </div>
              <div>
                <dt>{t('evac.reg.consented')}</dt>
                <dd>{summary.consentedToCity}</dd>
              </div>
            </dl>
          </Section>
          <Section title={t('evac.reg.list')} id="list">
            <p className="muted">{t('evac.reg.listLead')}</p>
            <SelectField
              label={t('evac.reg.filter')}
              emptyOption={t('evac.reg.all')}
              options={PLAN_STATUSES.filter((s) => s !== 'none').map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
              value={status ?? ''}
              onChange={(e) => onStatusChange((e.currentTarget.value || undefined) as EvacuationPlanStatus | undefined)}
            />
            <DataTable<RegisterEntry>
              caption={t('evac.reg.caption')}
              rows={rows}
              rowKey={(r) => r.clientId}
              total={totalOf(q.data)}
              error={q.error}
              onRetry={() => void q.refetch()}
              emptyMessage={t('evac.reg.empty')}
              hasNextPage={q.hasNextPage}
              isFetchingNextPage={q.isFetchingNextPage}
              onLoadMore={() => void q.fetchNextPage()}
              columns={[
                {
                  key: 'name',
                  header: t('evac.reg.col.name'),
                  isRowHeader: true,
                  cell: (r) => (
                    <>
                      <Link to="/evacuation/clients/$clientId" params={{ clientId: r.clientId }}>
                        {r.name}
                      </Link>
                      <br />
                      <span className="muted">{r.nameKana}</span>
                    </>
                  ),
                },
                { key: 'status', header: t('evac.reg.col.status'), cell: (r) => <PlanStatusBadge status={r.status} label={r.statusLabel} /> },
                { key: 'runtime', header: t('evac.reg.col.runtime'), cell: (r) => (r.runtimeHours == null ? '—' : formatHours(r.runtimeHours)) },
                { key: 'approved', header: t('evac.reg.col.approved'), cell: (r) => (r.approvedAt ? <DateTime value={r.approvedAt} /> : '—') },
                { key: 'review', header: t('evac.reg.col.review'), cell: (r) => (r.reviewDueOn ? <DateTime value={r.reviewDueOn} /> : '—') },
                { key: 'updated', header: t('evac.reg.col.updated'), cell: (r) => <DateTime value={r.updatedAt} /> },
              ]}
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}
