// /admin/audit: search the access log, expand an entry's details, export CSV, verify the chain.
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { auditExportUrl, useAuditEvents, type AuditEvent, type AuditFilters } from '../api/list-audit-events';
import { useVerifyAuditChain } from '../api/verify-audit-chain';

const OUTCOME_TONE: Record<AuditEvent['outcome'], BadgeTone> = { success: 'success', failure: 'warning', denied: 'danger' };

export interface AuditPageProps {
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
}

export function AuditPage({ filters, onFiltersChange }: AuditPageProps) {
  const t = useT();
  useDocumentTitle(t('audit.title'));
  const events = useAuditEvents(filters);
  const verify = useVerifyAuditChain();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEvent>[] = [
    { key: 'at', header: t('audit.colAt'), isRowHeader: true, cell: (e) => <DateTime value={e.at} className="nowrap" /> },
    { key: 'actor', header: t('audit.colActor'), cell: (e) => <span className="cell-email">{e.actorLabel ?? t('audit.system')}</span> },
    { key: 'action', header: t('audit.colAction'), cell: (e) => <code className="code">{e.action}</code> },
    { key: 'outcome', header: t('audit.colOutcome'), cell: (e) => <Badge tone={OUTCOME_TONE[e.outcome]}>{t(`audit.outcome.${e.outcome}`)}</Badge> },
    {
      key: 'entity',
      header: t('audit.colEntity'),
      cell: (e) => (e.entityType || e.entityId ? <span className="cell-email">{[e.entityType, e.entityId].filter(Boolean).join(': ')}</span> : '—'),
    },
    { key: 'ip', header: t('audit.colIp'), cell: (e) => e.ip ?? '—', className: 'nowrap' },
    {
      key: 'details',
      header: t('audit.colDetails'),
      cell: (e) => {
        const open = expanded.has(e.id);
        return (
          <Button variant="tertiary" size="sm" aria-expanded={open} aria-controls={`audit-details-${e.id}`} onClick={() => toggle(e.id)}>
            {open ? t('audit.hideDetails') : t('audit.showDetails')}
            <span className="visually-hidden">（{e.id}）</span>
          </Button>
        );
      },
    },
  ];

  const result = verify.data;

  return (
    <div className="page">
      <PageHeader title={t('audit.title')} lead={t('audit.intro')} />
      <FilterBar
        label={t('audit.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as AuditFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('audit.actor')} description={t('audit.actorHint')} value={v.actor ?? ''} onChange={(e) => set('actor', e.currentTarget.value)} />
            <TextField label={t('audit.action')} description={t('audit.actionHint')} value={v.action ?? ''} onChange={(e) => set('action', e.currentTarget.value)} />
            <SelectField
              label={t('audit.outcome')}
              emptyOption={t('common.all')}
              options={(['success', 'failure', 'denied'] as const).map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
              value={v.outcome ?? ''}
              onChange={(e) => set('outcome', e.currentTarget.value)}
            />
            <TextField label={t('audit.entityType')} value={v.entityType ?? ''} onChange={(e) => set('entityType', e.currentTarget.value)} />
            <TextField label={t('audit.entityId')} value={v.entityId ?? ''} onChange={(e) => set('entityId', e.currentTarget.value)} />
            <TextField label={t('audit.from')} type="date" value={v.from ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
            <TextField label={t('audit.to')} type="date" value={v.to ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
          </>
        )}
      />
      <div className="toolbar">
        <EraToggle />
        <div className="toolbar__actions">
          <a className="button button--secondary" href={auditExportUrl(filters)} download>
            {t('audit.export')}
          </a>
          <Button variant="secondary" onClick={() => verify.mutate()} isPending={verify.isPending} pendingText={t('audit.verifying')}>
            {t('audit.verify')}
          </Button>
        </div>
      </div>
      <p className="muted small">
        {t('audit.exportHint')} {t('date.timeZoneNote')}
      </p>
      {result ? (
        result.ok ? (
          <Alert tone="success">
            <p>{t('audit.verifyOk', { checked: result.checked })}</p>
          </Alert>
        ) : (
          <Alert tone="error">
            <p>{t('audit.verifyBroken', { id: result.firstBreak?.id ?? '?', reason: result.firstBreak?.reason ?? '', checked: result.checked })}</p>
          </Alert>
        )
      ) : null}
      {verify.error ? <ErrorState error={verify.error} /> : null}
      <DataTable
        caption={t('audit.caption')}
        columns={columns}
        rows={allItems(events.data)}
        rowKey={(e) => e.id}
        total={totalOf(events.data)}
        isLoading={events.isPending}
        error={events.error}
        onRetry={() => void events.refetch()}
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
        renderExpanded={(e) =>
          expanded.has(e.id) ? (
            <div id={`audit-details-${e.id}`} className="audit-details">
              <Section title={t('audit.detailsLabel', { id: e.id })}>
                <dl className="summary-list summary-list--compact">
                  {e.actorUserId ? (
                    <div>
                      <dt>{t('audit.colActor')} ID</dt>
                      <dd>
                        <code className="code">{e.actorUserId}</code>
                      </dd>
                    </div>
                  ) : null}
                  {e.clientId ? (
                    <div>
                      <dt>clientId</dt>
                      <dd>
                        <code className="code">{e.clientId}</code>
                      </dd>
                    </div>
                  ) : null}
                </dl>
                <pre className="code-block">{JSON.stringify(e.details, null, 2)}</pre>
              </Section>
            </div>
          ) : null
        }
      />
    </div>
  );
}
