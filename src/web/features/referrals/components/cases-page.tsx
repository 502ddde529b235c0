// /cases: the referral dashboard — offers addressed to me, backups, my area's open offers (with
// their age, overdue flagged) and unassigned cases, and the list of cases I may see.
import { Link } from '@tanstack/react-router';
import { CASE_STATUSES } from '../../../../shared/contracts/referrals';
import { buttonClass } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime, EraToggle } from '../../../components/ui/date-time';
import { SelectField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { ListSection, pagedTable, wholeTable } from '../../../components/ui/list-page';
import { PageHeader, Section, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT, type Translate } from '../../../i18n/i18n';
import { hasPermission, useMe } from '../../auth';
import { useMunicipalityNames } from '../../people';
import { useAreaDashboard } from '../api/get-area-dashboard';
import { useBackups } from '../api/list-backups';
import { useCases } from '../api/list-cases';
import { useInbox } from '../api/list-inbox';
import { useServiceInbox } from '../api/service-offers';
import type { AreaDashboard, Backup, CaseListFilters, InboxItem, ReferralCase, ServiceInboxItem } from '../api/types';
import { BackupStatusBadge } from './backup-panel';
import { CaseStatusBadge, OfferStatusBadge, OverdueBadge, UrgencyBadge } from './status-badges';

export interface CasesPageProps {
  filters: CaseListFilters;
  onFiltersChange: (filters: CaseListFilters) => void;
}

export function CasesPage({ filters, onFiltersChange }: CasesPageProps) {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('cases.title'));
  const can = (p: string) => hasPermission(me, p);
  return (
    <div className="page">
      <PageHeader
        title={t('cases.title')}
        lead={t('cases.intro')}
        actions={
          <>
            {can('create:referral-case') ? (
              <Link to="/cases/new" className={buttonClass('primary')}>
                {t('cases.new')}
              </Link>
            ) : null}
            {can('read:referral-stats') ? (
              <Link to="/cases/stats" className={buttonClass('secondary')}>
                {t('stats.title')}
              </Link>
            ) : null}
          </>
        }
      />
      <EraToggle />
      {can('respond:referral-offer') ? <InboxSection /> : null}
      {can('respond:service-offer') ? <ServiceInboxSection /> : null}
      {can('request:backup') ? <BackupsSection /> : null}
      {can('read:referral-dashboard') ? <AreaSection /> : null}
      {can('read:referral-case') ? <CaseListSection filters={filters} onFiltersChange={onFiltersChange} /> : null}
    </div>
  );
}

function CaseLink({ caseId, children }: { caseId: string; children: React.ReactNode }) {
  return (
    <Link to="/cases/$caseId" params={{ caseId }}>
      {children}
    </Link>
  );
}

/** The columns both inboxes (打診 and 事業所への紹介) show; each picks its own order. */
function inboxColumns<R extends InboxItem | ServiceInboxItem>(t: Translate) {
  return {
    case: {
      key: 'case',
      header: t('cases.colCase'),
      isRowHeader: true,
      cell: (i) => <CaseLink caseId={i.case.id}>{[i.case.municipalityName, i.case.ageBand].filter(Boolean).join('・') || t('cases.caseTitle')}</CaseLink>,
    },
    care: { key: 'care', header: t('intake.careItems'), cell: (i) => (i.case.careItems ? i.case.careItems.map((c) => c.label).join('、') || t('common.none') : t('cases.notShared')) },
    from: { key: 'from', header: t('cases.sentBy'), cell: (i) => i.offer.sender.name },
    respondBy: { key: 'respondBy', header: t('cases.respondBy'), cell: (i) => <DateTime value={i.offer.respondBy} /> },
    status: { key: 'status', header: t('cases.colStatus'), cell: (i) => <OfferStatusBadge status={i.offer.status} /> },
  } satisfies Record<string, Column<R>>;
}

function InboxSection() {
  const t = useT();
  const inbox = useInbox();
  const c = inboxColumns<InboxItem>(t);
  const columns: Column<InboxItem>[] = [
    c.case,
    c.care,
    { key: 'urgency', header: t('intake.urgency'), cell: (i) => (i.case.urgency ? <UrgencyBadge urgency={i.case.urgency} /> : '—') },
    c.from,
    { key: 'sent', header: t('cases.sentAt'), cell: (i) => <DateTime value={i.offer.sentAt} /> },
    c.respondBy,
    c.status,
  ];
  return (
    <ListSection
      title={t('cases.inbox')}
      id="inbox"
      table={{ caption: t('cases.inboxCaption'), columns, rowKey: (i) => i.offer.id, ...wholeTable(inbox), emptyMessage: t('cases.inboxEmpty') }}
    />
  );
}

/** Provider staff: requests (事業所への紹介) sent to the offices they belong to. */
function ServiceInboxSection() {
  const t = useT();
  const inbox = useServiceInbox();
  const c = inboxColumns<ServiceInboxItem>(t);
  const columns: Column<ServiceInboxItem>[] = [
    c.case,
    { key: 'office', header: t('cases.colOffice'), cell: (i) => i.offer.office.name },
    { key: 'type', header: t('cases.colServiceType'), cell: (i) => i.offer.serviceTypeLabel },
    c.care,
    c.from,
    c.respondBy,
    c.status,
  ];
  return (
    <ListSection
      title={t('cases.serviceInbox')}
      id="service-inbox"
      table={{ caption: t('cases.serviceInboxCaption'), columns, rowKey: (i) => i.offer.id, ...wholeTable(inbox), emptyMessage: t('cases.serviceInboxEmpty') }}
    />
  );
}

function BackupsSection() {
  const t = useT();
  const backups = useBackups();
  const columns: Column<Backup>[] = [
    { key: 'case', header: t('cases.colCase'), isRowHeader: true, cell: (b) => <CaseLink caseId={b.caseId}>{t('cases.openCase')}</CaseLink> },
    { key: 'consultant', header: t('cases.colConsultant'), cell: (b) => b.consultant.name },
    { key: 'coordinator', header: t('cases.backupCoordinator'), cell: (b) => b.coordinator?.name ?? t('cases.backupArea') },
    { key: 'status', header: t('cases.colStatus'), cell: (b) => <BackupStatusBadge status={b.status} /> },
    { key: 'requested', header: t('cases.requestedAt'), cell: (b) => <DateTime value={b.requestedAt} /> },
  ];
  return (
    <ListSection
      title={t('cases.backups')}
      id="backups"
      table={{ caption: t('cases.backupsCaption'), columns, rowKey: (b) => b.id, ...wholeTable(backups), emptyMessage: t('cases.backupsEmpty') }}
    />
  );
}

function AreaSection() {
  const t = useT();
  const area = useAreaDashboard();
  const munis = useMunicipalityNames();
  if (area.isPending) return <LoadingState />;
  if (area.error) return <ErrorState error={area.error} onRetry={() => void area.refetch()} />;
  const d = area.data;
  /** Days since sending (calendar and business days), overdue flagged — for offers and service requests alike. */
  const ageColumn = <R extends { ageDays: number; ageBusinessDays: number; overdue: boolean }>(): Column<R> => ({
    key: 'age',
    header: t('cases.colAge'),
    className: 'cell-number',
    cell: (o) => (
      <>
        {t('cases.ageDays', { days: o.ageDays, business: o.ageBusinessDays })}
        {o.overdue ? (
          <>
            {' '}
            <OverdueBadge />
          </>
        ) : null}
      </>
    ),
  });
  const offerColumns: Column<AreaDashboard['openOffers'][number]>[] = [
    { key: 'case', header: t('cases.colCase'), isRowHeader: true, cell: (o) => <CaseLink caseId={o.caseId}>{munis.nameOf(o.municipalityCode)}</CaseLink> },
    { key: 'candidate', header: t('cases.colCandidate'), cell: (o) => o.candidate.name },
    { key: 'urgency', header: t('intake.urgency'), cell: (o) => <UrgencyBadge urgency={o.urgency} /> },
    { key: 'status', header: t('cases.colStatus'), cell: (o) => <OfferStatusBadge status={o.status} /> },
    { key: 'sent', header: t('cases.sentAt'), cell: (o) => <DateTime value={o.sentAt} /> },
    ageColumn(),
    { key: 'respondBy', header: t('cases.respondBy'), cell: (o) => <DateTime value={o.respondBy} /> },
  ];
  const requestColumns: Column<AreaDashboard['openServiceRequests'][number]>[] = [
    { key: 'case', header: t('cases.colCase'), isRowHeader: true, cell: (o) => <CaseLink caseId={o.caseId}>{munis.nameOf(o.municipalityCode)}</CaseLink> },
    { key: 'office', header: t('cases.colOffice'), cell: (o) => t('cases.serviceOfferTo', { office: o.office.name, type: o.serviceTypeLabel }) },
    { key: 'urgency', header: t('intake.urgency'), cell: (o) => <UrgencyBadge urgency={o.urgency} /> },
    { key: 'status', header: t('cases.colStatus'), cell: (o) => <OfferStatusBadge status={o.status} /> },
    ageColumn(),
    { key: 'respondBy', header: t('cases.respondBy'), cell: (o) => <DateTime value={o.respondBy} /> },
  ];
  const caseColumns: Column<AreaDashboard['unassignedCases'][number]>[] = [
    { key: 'case', header: t('cases.colCase'), isRowHeader: true, cell: (c) => <CaseLink caseId={c.caseId}>{munis.nameOf(c.municipalityCode)}</CaseLink> },
    { key: 'urgency', header: t('intake.urgency'), cell: (c) => <UrgencyBadge urgency={c.urgency} /> },
    { key: 'received', header: t('cases.received'), cell: (c) => <DateTime value={c.createdAt} /> },
    { key: 'waiting', header: t('cases.colWaiting'), className: 'cell-number', cell: (c) => t('cases.days', { days: c.waitingDays }) },
    { key: 'open', header: t('cases.colOpenOffers'), className: 'cell-number', cell: (c) => c.openOffers },
    { key: 'declined', header: t('cases.colDeclined'), className: 'cell-number', cell: (c) => c.declinedOffers },
  ];
  const areaNames = d.municipalities.map(munis.nameOf).join('、') || t('cases.areaAll');
  return (
    <>
      <ListSection
        title={t('cases.areaOffers')}
        id="area-offers"
        intro={t('cases.areaOffersHint', { area: areaNames })}
        table={{ caption: t('cases.areaOffersCaption', { area: areaNames }), columns: offerColumns, rows: d.openOffers, rowKey: (o) => o.offerId, emptyMessage: t('cases.areaOffersEmpty') }}
      />
      {d.openServiceRequests.length > 0 ? (
        <ListSection
          title={t('cases.areaServiceRequests')}
          id="area-service-requests"
          table={{ caption: t('cases.areaServiceRequestsCaption', { area: areaNames }), columns: requestColumns, rows: d.openServiceRequests, rowKey: (o) => o.offerId }}
        />
      ) : null}
      <ListSection
        title={t('cases.unassigned')}
        id="unassigned"
        table={{ caption: t('cases.unassignedCaption', { area: areaNames }), columns: caseColumns, rows: d.unassignedCases, rowKey: (c) => c.caseId, emptyMessage: t('cases.unassignedEmpty') }}
      />
    </>
  );
}

function CaseListSection({ filters, onFiltersChange }: CasesPageProps) {
  const t = useT();
  const cases = useCases(filters);
  const columns: Column<ReferralCase>[] = [
    {
      key: 'case',
      header: t('cases.colCase'),
      isRowHeader: true,
      cell: (c) => <CaseLink caseId={c.id}>{[c.municipalityName, c.ageYears !== undefined ? t('cases.ageYears', { age: c.ageYears }) : c.ageBand].filter(Boolean).join('・') || t('cases.caseTitle')}</CaseLink>,
    },
    { key: 'care', header: t('intake.careItems'), cell: (c) => c.careItems?.map((i) => i.label).join('、') || '—' },
    { key: 'urgency', header: t('intake.urgency'), cell: (c) => (c.urgency ? <UrgencyBadge urgency={c.urgency} /> : '—') },
    { key: 'status', header: t('cases.colStatus'), cell: (c) => <CaseStatusBadge status={c.status} /> },
    { key: 'assigned', header: t('cases.colConsultant'), cell: (c) => c.assignedConsultant?.name ?? '—' },
    { key: 'received', header: t('cases.received'), cell: (c) => <DateTime value={c.createdAt} /> },
  ];
  return (
    <Section title={t('cases.list')} id="case-list">
      <FilterBar
        label={t('cases.filters')}
        initial={filters as Record<string, string | undefined>}
        onApply={(v) => onFiltersChange(v as CaseListFilters)}
        fields={(v, set) => (
          <>
            <SelectField
              label={t('cases.colStatus')}
              emptyOption={t('common.all')}
              options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
              value={v.status ?? ''}
              onChange={(e) => set('status', e.currentTarget.value)}
            />
            <SelectField label={t('cases.mine')} emptyOption={t('common.all')} options={[{ value: 'true', label: t('cases.mineYes') }]} value={v.mine ?? ''} onChange={(e) => set('mine', e.currentTarget.value)} />
          </>
        )}
      />
      <DataTable caption={t('cases.listCaption')} columns={columns} rowKey={(c) => c.id} {...pagedTable(cases)} />
    </Section>
  );
}
