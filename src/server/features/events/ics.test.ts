import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from './ics.js';

describe('buildCalendar', () => {
  it('produces iCalendar that ical.js parses, with Japanese text, UTC times and cancellation', () => {
    const text = buildCalendar({
      name: 'つなぐ 研修会',
      baseUrl: 'https://tsunagu.example',
      host: 'tsunagu.example',
      events: [
        {
          id: 'e1',
          title: '第二回医療的ケア児者支援研修会',
          description: '講話とグループワーク; カンマ, セミコロン',
          startsAt: new Date('2025-12-19T04:30:00Z'),
          endsAt: new Date('2025-12-19T07:30:00Z'),
          venue: 'ふれあい22 3F研修室',
          onlineUrl: null,
          status: 'scheduled',
          sequence: 2,
          updatedAt: new Date('2025-12-01T00:00:00Z'),
          programme: [{ title: '医療的ケア児者の相談支援', presenter: '講師' }],
        },
        {
          id: 'e2',
          title: '打ち合わせ',
          description: '',
          startsAt: new Date('2025-12-05T01:00:00Z'),
          endsAt: new Date('2025-12-05T02:00:00Z'),
          venue: null,
          onlineUrl: 'https://meet.example/abc',
          status: 'cancelled',
          sequence: 0,
          updatedAt: new Date('2025-12-01T00:00:00Z'),
        },
      ],
    });
    const comp = new ICAL.Component(ICAL.parse(text));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [a, b] = events;
    expect(a!.summary).toBe('第二回医療的ケア児者支援研修会');
    expect(a!.location).toBe('ふれあい22 3F研修室');
    expect(a!.uid).toBe('e1@tsunagu.example');
    expect(a!.description).toContain('カンマ, セミコロン');
    expect(a!.description).toContain('医療的ケア児者の相談支援');
    expect(a!.startDate.toJSDate().toISOString()).toBe('2025-12-19T04:30:00.000Z');
    expect(a!.sequence).toBe(2);
    expect(b!.location).toBe('https://meet.example/abc');
    expect(b!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
