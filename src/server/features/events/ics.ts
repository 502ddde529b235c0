// iCalendar (RFC 5545) output for one event or a person's feed. Times are written in UTC
// ("…Z"), which every calendar app converts to the viewer's zone; no VTIMEZONE needed.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  venue: string | null;
  onlineUrl: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  updatedAt: Date;
  programme?: { title: string; presenter?: string }[];
}

export function buildCalendar(opts: { name: string; events: IcsEvent[]; baseUrl: string; host: string }): string {
  const cal = ical({ name: opts.name, prodId: { company: 'tsunagu', product: 'network-events', language: 'JA' }, method: ICalCalendarMethod.PUBLISH });
  for (const e of opts.events) {
    const lines = [e.description.trim()];
    if (e.programme?.length) lines.push('', 'プログラム:', ...e.programme.map((p) => `・${p.title}${p.presenter ? `（${p.presenter}）` : ''}`));
    if (e.onlineUrl) lines.push('', `オンライン参加: ${e.onlineUrl}`);
    const url = `${opts.baseUrl}/events/${e.id}`;
    lines.push('', url);
    cal.createEvent({
      id: `${e.id}@${opts.host}`,
      sequence: e.sequence,
      start: e.startsAt,
      end: e.endsAt,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      summary: e.title,
      description: lines.join('\n').trim(),
      location: e.venue ?? e.onlineUrl ?? null,
      url,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
