// A month grid (Sunday first, as Japanese calendars are printed). Each day lists its events as
// links; national holidays are named. On a phone the grid becomes a list of the days that have
// events (CSS), so nothing needs sideways scrolling.
import { Link } from '@tanstack/react-router';
import { addDays, addMonths, dayOfWeek, daysInMonth, WEEKDAY_LABELS_JA } from '../../../../shared/calendar-date';
import { holidayName } from '../../../../shared/business-days';
import { tokyoDate } from '../../../../shared/dates';
import { Button } from '../../../components/ui/button';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useLocale, useT } from '../../../i18n/i18n';
import { useMonthEvents, type EventListFilters, type NetworkEvent } from '../api/list-events';
import { tokyoTime } from './event-format';

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export function EventCalendar({ month, kind, onMonthChange }: { month: string; kind?: EventListFilters['kind']; onMonthChange: (month: string) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : tokyoDate().slice(0, 7);
  const [year, mon] = valid.split('-').map(Number) as [number, number];
  const first = `${valid}-01`;
  const last = `${valid}-${String(daysInMonth(year, mon)).padStart(2, '0')}`;
  const events = useMonthEvents(first, last, kind);
  const today = tokyoDate();

  const byDay = new Map<string, NetworkEvent[]>();
  for (const e of events.data?.items ?? []) {
    const day = tokyoDate(e.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), e]);
  }

  // Whole weeks covering the month, Sunday to Saturday.
  const start = addDays(first, -dayOfWeek(first));
  const weekCount = Math.ceil((dayOfWeek(first) + daysInMonth(year, mon)) / 7);
  const weeks = Array.from({ length: weekCount }, (_, w) => Array.from({ length: 7 }, (_, d) => addDays(start, w * 7 + d)));
  const title = t('ev.calMonth', { year, month: mon });
  const weekdays = locale === 'en' ? WEEKDAYS_EN : WEEKDAY_LABELS_JA;

  return (
    <section className="event-calendar" aria-labelledby="event-calendar-title">
      <div className="event-calendar__bar">
        <Button variant="secondary" size="sm" onClick={() => onMonthChange(addMonths(first, -1).slice(0, 7))}>
          {t('ev.calPrev')}
        </Button>
        <h2 id="event-calendar-title" className="event-calendar__title" aria-live="polite">
          {title}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => onMonthChange(addMonths(first, 1).slice(0, 7))}>
          {t('ev.calNext')}
        </Button>
        <Button variant="tertiary" size="sm" onClick={() => onMonthChange(today.slice(0, 7))}>
          {t('ev.calToday')}
        </Button>
      </div>
      {events.isPending ? <LoadingState /> : null}
      {events.error ? <ErrorState error={events.error} onRetry={() => void events.refetch()} /> : null}
      <table className="event-calendar__grid">
        <caption className="visually-hidden">{t('ev.calCaption', { month: title })}</caption>
        <thead>
          <tr>
            {weekdays.map((w, i) => (
              <th key={w} scope="col" className={i === 0 ? 'is-sunday' : i === 6 ? 'is-saturday' : undefined}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.startsWith(valid);
                const list = inMonth ? (byDay.get(day) ?? []) : [];
                const holiday = holidayName(day);
                const dow = dayOfWeek(day);
                const cls = [
                  'event-calendar__day',
                  inMonth ? '' : 'is-outside',
                  list.length ? 'has-events' : 'is-empty',
                  day === today ? 'is-today' : '',
                  holiday || dow === 0 ? 'is-sunday' : dow === 6 ? 'is-saturday' : '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={day} className={cls} aria-current={day === today ? 'date' : undefined}>
                    {inMonth ? (
                      <>
                        <span className="event-calendar__date">
                          <span className="visually-hidden">{t('ev.calDayLabel', { month: mon, day: Number(day.slice(8)), weekday: weekdays[dow]! })}</span>
                          <span aria-hidden="true">{Number(day.slice(8))}</span>
                          <span className="event-calendar__weekday" aria-hidden="true">
                            （{weekdays[dow]}）
                          </span>
                          {holiday ? <span className="event-calendar__holiday">{holiday}</span> : null}
                        </span>
                        {list.length ? (
                          <ul className="event-calendar__events">
                            {list.map((e) => (
                              <li key={e.id} className={e.status === 'cancelled' ? 'is-cancelled' : undefined}>
                                <Link to="/events/$eventId" params={{ eventId: e.id }}>
                                  <span className="event-calendar__time">{tokyoTime(e.startsAt)}</span> {e.title}
                                  {e.status === 'cancelled' ? `（${t('ev.cancelled')}）` : ''}
                                </Link>
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {events.data && events.data.items.length === 0 ? <p className="muted">{t('ev.calEmpty')}</p> : null}
    </section>
  );
}
