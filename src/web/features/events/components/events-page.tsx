// /events: meetings and training sessions as a list (server-side pages) or a month calendar.
import { Link } from '@tanstack/react-router';
import { EVENT_KINDS } from '../../../../shared/contracts/events';
import { addMonths, addDays } from '../../../../shared/calendar-date';
import { tokyoDate } from '../../../../shared/dates';
import { buttonClass } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { EraToggle } from '../../../components/ui/date-time';
import { Checkbox, SelectField, TextField } from '../../../components/ui/fields';
import { FilterBar } from '../../../components/ui/filter-bar';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { allItems, totalOf } from '../../../lib/paging';
import { useEvents, type EventListFilters, type NetworkEvent } from '../api/list-events';
import { CalendarFeedSection } from './calendar-feed-section';
import { EventCalendar } from './event-calendar';
import { EventStatusBadges } from './event-status';
import { EventWhen } from './event-when';

export interface EventsSearch {
  view?: 'list' | 'calendar';
  month?: string;
  period?: 'upcoming' | 'year' | 'all';
  q?: string;
  kind?: EventListFilters['kind'];
  mine?: 'true' | 'false';
}

export interface EventsPageProps {
  search: EventsSearch;
  onSearchChange: (search: EventsSearch) => void;
  canManage: boolean;
}

/** The list's date window: upcoming only, the past year and later (default), or everything. */
function fromOf(period: EventsSearch['period']): string | undefined {
  const today = tokyoDate();
  if (period === 'all') return undefined;
  if (period === 'upcoming') return today;
  return addDays(addMonths(today, -12), 0);
}

export function EventsPage({ search, onSearchChange, canManage }: EventsPageProps) {
  const t = useT();
  useDocumentTitle(t('ev.title'));
  const view = search.view ?? 'list';

  return (
    <div className="page">
      <PageHeader
        title={t('ev.title')}
        lead={t('ev.intro')}
        actions={
          canManage ? (
            <Link to="/events/new" className={buttonClass('primary')}>
              {t('ev.create')}
            </Link>
          ) : null
        }
      />
      <div className="view-switch" role="group" aria-label={t('ev.viewLabel')}>
        <Link to="/events" search={{ ...search, view: 'list', month: undefined }} className={buttonClass(view === 'list' ? 'primary' : 'secondary', 'sm')} aria-current={view === 'list' ? 'page' : undefined}>
          {t('ev.viewList')}
        </Link>
        <Link to="/events" search={{ ...search, view: 'calendar' }} className={buttonClass(view === 'calendar' ? 'primary' : 'secondary', 'sm')} aria-current={view === 'calendar' ? 'page' : undefined}>
          {t('ev.viewCalendar')}
        </Link>
      </div>
      {view === 'calendar' ? (
        <EventCalendar month={search.month ?? tokyoDate().slice(0, 7)} kind={search.kind} onMonthChange={(month) => onSearchChange({ ...search, month })} />
      ) : (
        <EventList search={search} onSearchChange={onSearchChange} />
      )}
      <CalendarFeedSection />
    </div>
  );
}

function EventList({ search, onSearchChange }: Omit<EventsPageProps, 'canManage'>) {
  const t = useT();
  const filters: EventListFilters = { from: fromOf(search.period), q: search.q, kind: search.kind, mine: search.mine };
  const events = useEvents(filters);
  const columns: Column<NetworkEvent>[] = [
    {
      key: 'title',
      header: t('ev.colTitle'),
      isRowHeader: true,
      cell: (e) => (
        <>
          <Link to="/events/$eventId" params={{ eventId: e.id }} className="cell-title">
            {e.title}
          </Link>
          <span className="cell-sub">{e.kindLabel}</span>
        </>
      ),
    },
    { key: 'when', header: t('ev.colWhen'), cell: (e) => <EventWhen startsAt={e.startsAt} endsAt={e.endsAt} /> },
    { key: 'venue', header: t('ev.colVenue'), cell: (e) => e.venue ?? (e.onlineUrl ? t('ev.online') : '—') },
    {
      key: 'seats',
      header: t('ev.colSeats'),
      className: 'nowrap',
      cell: (e) => (e.capacity === null ? t('ev.participantsNoCap', { n: e.counts.registered }) : t('ev.participantsOfCap', { n: e.counts.registered, cap: e.capacity })),
    },
    { key: 'status', header: t('ev.colStatus'), cell: (e) => <EventStatusBadges event={e} /> },
  ];
  return (
    <>
      <FilterBar
        label={t('ev.filters')}
        initial={{ q: search.q, kind: search.kind, period: search.period, mine: search.mine }}
        onApply={(v) => onSearchChange({ view: 'list', ...(v as EventsSearch) })}
        fields={(v, set) => (
          <>
            <TextField label={t('ev.q')} type="search" value={v.q ?? ''} onChange={(e) => set('q', e.currentTarget.value)} />
            <SelectField
              label={t('ev.kind')}
              emptyOption={t('common.all')}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`ev.kind.${k}`) }))}
              value={v.kind ?? ''}
              onChange={(e) => set('kind', e.currentTarget.value)}
            />
            <SelectField
              label={t('ev.period')}
              options={[
                { value: 'year', label: t('ev.periodYear') },
                { value: 'upcoming', label: t('ev.periodUpcoming') },
                { value: 'all', label: t('ev.periodAll') },
              ]}
              value={v.period ?? 'year'}
              onChange={(e) => set('period', e.currentTarget.value === 'year' ? '' : e.currentTarget.value)}
            />
            <Checkbox label={t('ev.mine')} checked={v.mine === 'true'} onChange={(e) => set('mine', e.currentTarget.checked ? 'true' : '')} />
          </>
        )}
      />
      <EraToggle />
      <DataTable
        caption={t('ev.caption')}
        columns={columns}
        rows={allItems(events.data)}
        rowKey={(e) => e.id}
        total={totalOf(events.data)}
        isLoading={events.isPending}
        error={events.error}
        onRetry={() => void events.refetch()}
        emptyMessage={t('ev.empty')}
        hasNextPage={events.hasNextPage}
        isFetchingNextPage={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
      />
    </>
  );
}

