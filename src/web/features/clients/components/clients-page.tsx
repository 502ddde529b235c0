// /clients: the records the signed-in user is on the team of (sorted by reading, server-paged).
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { CONSENT_SCOPE_INFO } from '../../../../shared/domain/consent-scopes';
import { TEAM_ROLE_LABELS } from '../../../../shared/contracts/clients';
import { Badge } from '../../../components/ui/badge';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useClients, type ClientListFilters, type ClientSummary } from '../api/list-clients';
import { Button } from '../../../components/ui/button';
import { hasPermission, useMe } from '../../auth';
import { CreateClientDialog } from './create-client-dialog';
import { TimelineAlerts } from './timeline-alerts';

export interface ClientsPageProps {
  filters: ClientListFilters;
  onFiltersChange: (filters: ClientListFilters) => void;
}

export function ClientsPage({ filters, onFiltersChange }: ClientsPageProps) {
  const t = useT();
  useDocumentTitle(t('clients.title'));
  const clients = useClients(filters);
  const me = useMe();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const scopeLabel = (code: string) => CONSENT_SCOPE_INFO.find((s) => s.code === code)?.label ?? code;

  const columns: Column<ClientSummary>[] = [
    {
      key: 'name',
      header: t('clients.colName'),
      isRowHeader: true,
      cell: (c) => (
        <>
          <Link to="/clients/$clientId" params={{ clientId: c.id }} className="cell-title">
            {c.name}
          </Link>
          <span className="cell-sub">{c.nameKana}</span>
        </>
      ),
    },
    { key: 'age', header: t('clients.colAge'), cell: (c) => t('clients.ageStage', { age: c.age, stage: c.lifeStageLabel }), className: 'nowrap' },
    { key: 'municipality', header: t('clients.colMunicipality'), cell: (c) => c.municipalityName ?? c.municipalityCode, className: 'nowrap' },
    { key: 'role', header: t('clients.colMyRole'), cell: (c) => c.myTeamRoles.map((r) => TEAM_ROLE_LABELS[r]).join('、') || '—' },
    { key: 'scopes', header: t('clients.colScopes'), cell: (c) => c.scopes.map(scopeLabel).join('・') },
    {
      key: 'status',
      header: t('clients.colStatus'),
      cell: (c) => <Badge tone={c.status === 'active' ? 'success' : 'neutral'}>{t(`clients.status.${c.status}`)}</Badge>,
      className: 'nowrap',
    },
    { key: 'updated', header: t('clients.colUpdated'), cell: (c) => <DateTime value={c.updatedAt} />, className: 'nowrap' },
  ];

  return (
    <div className="page">
      <PageHeader
        title={t('clients.title')}
        lead={t('clients.intro')}
        actions={
          <>
            {hasPermission(me, 'create:client') ? <Button onClick={() => setCreating(true)}>{t('clients.create.open')}</Button> : null}
            <Link to="/care-score" className="button button--secondary">
              {t('careScore.title')}
            </Link>
          </>
        }
      />
      {creating ? (
        <CreateClientDialog
          offices={me.offices}
          onClose={() => setCreating(false)}
          onCreated={(record) => {
            setCreating(false);
            void navigate({ to: '/clients/$clientId', params: { clientId: record.id } });
          }}
        />
      ) : null}
      <TimelineAlerts />
      <FilterBar
        label={t('clients.filters')}
        initial={filters}
        onApply={(v) => onFiltersChange(v as ClientListFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('clients.q')} description={t('clients.qHint')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('clients.colStatus')}
              emptyOption={t('common.all')}
              options={[
                { value: 'active', label: t('clients.status.active') },
                { value: 'closed', label: t('clients.status.closed') },
              ]}
              value={v.status ?? ''}
              onChange={(e) => set('status', e.currentTarget.value)}
            />
          </>
        )}
      />
      <EraToggle />
      <DataTable
        caption={t('clients.caption')}
        columns={columns}
        rows={allItems(clients.data)}
        rowKey={(c) => c.id}
        total={totalOf(clients.data)}
        isLoading={clients.isPending}
        error={clients.error}
        onRetry={() => void clients.refetch()}
        emptyMessage={t('clients.empty')}
        hasNextPage={clients.hasNextPage}
        isFetchingNextPage={clients.isFetchingNextPage}
        onLoadMore={() => void clients.fetchNextPage()}
      />
    </div>
  );
}
