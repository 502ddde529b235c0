// モニタリング: the schedule of the current plan (monthly for the first three months of a new
// plan, then every 1/3/6 months) and the reports, each printable and exportable.
import { useState } from 'react';
import { ACHIEVEMENT_LABELS } from '../../../../shared/contracts/plans';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { SuccessNotice } from '../../../components/ui/alert';
import { ListSection, RowButton, wholeTable } from '../../../components/ui/list-page';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { tokyoDate } from '../../../../shared/dates';
import { usePlan, type Plan } from '../api/get-plan';
import { useMonitoringReports, type MonitoringReport } from '../api/list-monitoring';
import { outputUrls } from '../api/output-urls';
import { MonitoringDialog } from './monitoring-dialog';

type Due = Plan['monitoringSchedule'][number];

export function MonitoringTab({ clientId, canManage }: { clientId: string; canManage: boolean }) {
  const t = useT();
  const plan = usePlan(clientId, 'current');
  const reports = useMonitoringReports(clientId);
  const [editing, setEditing] = useState<{ report: MonitoringReport | null } | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const today = tokyoDate();

  const dueColumns: Column<Due>[] = [
    { key: 'month', header: t('plans.monitoring.colMonth'), isRowHeader: true, cell: (d) => t('plans.monitoring.nth', { n: d.sequence, month: d.month }) },
    { key: 'due', header: t('plans.monitoring.colDueBy'), cell: (d) => <DateTime value={d.dueBy} />, className: 'nowrap' },
    {
      key: 'state',
      header: t('plans.monitoring.colState'),
      cell: (d) =>
        d.done ? <Badge tone="success">{t('plans.monitoring.done')}</Badge> : d.dueBy < today ? <Badge tone="danger">{t('plans.monitoring.overdue')}</Badge> : <Badge tone="info">{t('plans.monitoring.planned')}</Badge>,
    },
    { key: 'kind', header: t('plans.monitoring.colKind'), cell: (d) => (d.isInitialMonthly ? t('plans.monitoring.initialMonthly') : '—') },
  ];

  const columns: Column<MonitoringReport>[] = [
    { key: 'date', header: t('plans.monitoring.colConducted'), isRowHeader: true, cell: (r) => <DateTime value={r.conductedOn} />, className: 'nowrap' },
    { key: 'plan', header: t('plans.monitoring.colPlan'), cell: (r) => t('plans.revision', { n: r.planRevision }) },
    { key: 'change', header: t('plans.monitoring.colChange'), cell: (r) => (r.planChangeNeeded ? <Badge tone="warning">{t('plans.monitoring.changeNeeded')}</Badge> : t('common.no')) },
    { key: 'author', header: t('plans.monitoring.colAuthor'), cell: (r) => r.authorName },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (r) => (
        <div className="row-actions">
          <Button variant="tertiary" size="sm" aria-expanded={expanded === r.id} onClick={() => setExpanded(expanded === r.id ? null : r.id)}>
            {expanded === r.id ? t('plans.hideDetails') : t('plans.showDetails')}
          </Button>
          <a className={buttonClass('secondary', 'sm')} href={outputUrls.monitoringPdf(clientId, r.id)} target="_blank" rel="noopener" aria-label={t('plans.monitoring.pdfLabel', { date: r.conductedOn })}>
            PDF
          </a>
          <a className={buttonClass('secondary', 'sm')} href={outputUrls.monitoringXlsx(clientId, r.id)} download aria-label={t('plans.monitoring.xlsxLabel', { date: r.conductedOn })}>
            Excel
          </a>
          {canManage ? (
            <RowButton label={t('plans.monitoring.editLabel', { date: r.conductedOn })} onPress={() => setEditing({ report: r })}>
              {t('common.edit')}
            </RowButton>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <SuccessNotice message={notice} />
      <Section title={t('plans.monitoring.schedule')}>
        {plan.data ? (
          <DataTable caption={t('plans.monitoring.scheduleCaption', { n: plan.data.revision })} columns={dueColumns} rows={plan.data.monitoringSchedule} rowKey={(d) => d.month} />
        ) : (
          <p>{plan.isPending ? t('common.loading') : t('plans.none')}</p>
        )}
      </Section>
      <ListSection
        title={t('plans.monitoring.reports')}
        create={canManage && plan.data ? { label: t('plans.monitoring.create'), onPress: () => setEditing({ report: null }) } : null}
        table={{
          caption: t('plans.monitoring.reportsCaption'),
          columns,
          rowKey: (r) => r.id,
          ...wholeTable(reports),
          emptyMessage: t('plans.monitoring.empty'),
          renderExpanded: (r) => (expanded === r.id ? <MonitoringDetails report={r} /> : null),
        }}
      />
      {editing ? (
        <MonitoringDialog
          clientId={clientId}
          plan={plan.data ?? null}
          report={editing.report}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('common.saved'));
          }}
        />
      ) : null}
    </>
  );
}

function MonitoringDetails({ report }: { report: MonitoringReport }) {
  const t = useT();
  return (
    <div className="details-block">
      <p className="pre-wrap">
        <strong>{t('plans.monitoring.overall')}</strong> {report.overall || '—'}
      </p>
      <ul className="plain-list">
        {report.goals.map((g, i) => (
          <li key={i}>
            <strong>
              {g.priority}. {g.goal}
            </strong>{' '}
            <Badge tone={g.achievement === 'achieved' ? 'success' : g.achievement === 'partly' ? 'info' : 'warning'}>{ACHIEVEMENT_LABELS[g.achievement]}</Badge>
            {g.serviceStatus ? <p className="pre-wrap">{g.serviceStatus}</p> : null}
            {g.issues ? <p className="pre-wrap">{g.issues}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
