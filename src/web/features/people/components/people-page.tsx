// /people: the registry of consultants and coordinators — who takes medical-care cases, on what
// terms, with how much room, where and on which days. Filters live in the URL; paging on the server.
import { Link } from '@tanstack/react-router';
import { ACCEPTS_CODES, PEOPLE_ROLES } from '../../../../shared/contracts/people';
import { CARE_ITEMS } from '../../../../shared/domain/care-items';
import { Badge } from '../../../components/ui/badge';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { usePeople, type PeopleFilters, type PersonProfile } from '../api/list-people';
import { CaseloadBar } from './caseload-bar';
import { acceptsLabel, acceptsTone, daysText, hasWeekend } from './labels';
import { useMunicipalityNames } from './use-municipalities';

export interface PeoplePageProps {
  filters: PeopleFilters;
  onFiltersChange: (filters: PeopleFilters) => void;
}

export function PeoplePage({ filters, onFiltersChange }: PeoplePageProps) {
  const t = useT();
  useDocumentTitle(t('people.title'));
  const people = usePeople(filters);
  const munis = useMunicipalityNames();

  const columns: Column<PersonProfile>[] = [
    {
      key: 'name',
      header: t('people.colName'),
      isRowHeader: true,
      cell: (p) => (
        <>
          <Link to="/people/$userId" params={{ userId: p.userId }} className="cell-title">
            {p.name}
          </Link>
          {p.nameKana ? <span className="cell-sub">{p.nameKana}</span> : null}
          {p.offices.length ? <span className="cell-sub">{p.offices.map((o) => o.name).join('、')}</span> : null}
        </>
      ),
    },
    { key: 'roles', header: t('people.colRoles'), cell: (p) => p.roles.filter((r) => r === 'consultant' || r === 'coordinator').map((r) => t(`roles.${r}` as 'roles.consultant')).join('、') },
    {
      key: 'accepts',
      header: t('people.colAccepts'),
      cell: (p) => (p.acceptsMedicalCare ? <Badge tone={acceptsTone[p.acceptsMedicalCare]}>{acceptsLabel(p.acceptsMedicalCare)}</Badge> : <span className="muted">{t('people.noProfile')}</span>),
    },
    { key: 'caseload', header: t('people.colCaseload'), cell: (p) => <CaseloadBar current={p.currentCaseload} max={p.maxCaseload} /> },
    {
      key: 'training',
      header: t('people.colTraining'),
      cell: (p) => (p.coordinatorTrainingYear ? t('people.trainingYear', { year: p.coordinatorTrainingYear }) : <span className="muted">{t('people.trainingNone')}</span>),
    },
    { key: 'areas', header: t('people.colAreas'), cell: (p) => (p.municipalities.length ? p.municipalities.map(munis.nameOf).join('、') : '—') },
    {
      key: 'days',
      header: t('people.colDays'),
      cell: (p) => (
        <>
          {p.availableDays.length ? daysText(p.availableDays) : '—'}
          {hasWeekend(p.availableDays) ? (
            <>
              {' '}
              <Badge tone="info">{t('people.weekendOk')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader title={t('people.title')} lead={t('people.intro')} />
      <FilterBar
        label={t('people.filters')}
        initial={filters as Record<string, string | undefined>}
        onApply={(v) => onFiltersChange(v as PeopleFilters)}
        fields={(v, set) => (
          <>
            <TextField label={t('people.q')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('people.role')}
              emptyOption={t('common.all')}
              options={PEOPLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={v.role ?? ''}
              onChange={(e) => set('role', e.currentTarget.value)}
            />
            <SelectField label={t('people.municipality')} emptyOption={t('common.all')} options={munis.options} value={v.municipality ?? ''} onChange={(e) => set('municipality', e.currentTarget.value)} />
            <SelectField
              label={t('people.accepts')}
              emptyOption={t('common.all')}
              options={ACCEPTS_CODES.map((a) => ({ value: a, label: acceptsLabel(a) }))}
              value={v.accepts ?? ''}
              onChange={(e) => set('accepts', e.currentTarget.value)}
            />
            <SelectField
              label={t('people.careItem')}
              emptyOption={t('common.all')}
              options={CARE_ITEMS.map((c) => ({ value: c.code, label: c.label }))}
              value={v.careItem ?? ''}
              onChange={(e) => set('careItem', e.currentTarget.value)}
            />
            <SelectField
              label={t('people.hasCapacity')}
              emptyOption={t('common.all')}
              options={[{ value: 'true', label: t('people.hasCapacityYes') }]}
              value={v.hasCapacity ?? ''}
              onChange={(e) => set('hasCapacity', e.currentTarget.value)}
            />
            <SelectField
              label={t('people.training')}
              emptyOption={t('common.all')}
              options={[
                { value: 'true', label: t('people.trainingDone') },
                { value: 'false', label: t('people.trainingNone') },
              ]}
              value={v.trainingCompleted ?? ''}
              onChange={(e) => set('trainingCompleted', e.currentTarget.value)}
            />
          </>
        )}
      />
      <DataTable
        caption={t('people.caption')}
        columns={columns}
        rows={allItems(people.data)}
        rowKey={(p) => p.userId}
        total={totalOf(people.data)}
        isLoading={people.isPending}
        error={people.error}
        onRetry={() => void people.refetch()}
        hasNextPage={people.hasNextPage}
        isFetchingNextPage={people.isFetchingNextPage}
        onLoadMore={() => void people.fetchNextPage()}
      />
    </div>
  );
}
