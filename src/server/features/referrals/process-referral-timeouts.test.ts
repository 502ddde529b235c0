// Business-day arithmetic of the referral deadlines, across Golden Week 2026 and the year end.
import { describe, expect, it } from 'vitest';
import { respondByFor } from './referral-offers.js';
import { timeoutSchedule } from './process-referral-timeouts.js';

const config = { replyBusinessDays: 3, escalateAfterBusinessDays: 2, expireAfterBusinessDays: 5 };

describe('referral deadlines in business days', () => {
  it('gives 3 business days to answer, skipping 昭和の日 (4/29)', () => {
    // Sent Mon 2026-04-27 10:00 JST: 4/28 (1), 4/29 holiday, 4/30 (2), 5/1 (3).
    expect(respondByFor(new Date('2026-04-27T10:00:00+09:00'), config)).toBe('2026-05-01');
  });

  it('counts the day in Japan, not in UTC', () => {
    // 2026-04-27 23:30 UTC is already Tuesday 4/28 in Tokyo: 4/30, 5/1, then 5/7 after Golden Week.
    expect(respondByFor(new Date('2026-04-27T23:30:00Z'), config)).toBe('2026-05-07');
  });

  it('escalates and expires across Golden Week (5/3–5/6 off)', () => {
    // Answer due Fri 5/1. Escalate after 2 business days → 5/8; expire after 5 → 5/13.
    expect(timeoutSchedule('2026-05-01', config)).toEqual({ remindAfter: '2026-05-01', escalateAfter: '2026-05-08', expireAfter: '2026-05-13' });
  });

  it('skips the year-end closure (12/29–1/3)', () => {
    // Sent Fri 2026-12-25: 12/28 (1), closure, 1/4 (2), 1/5 (3).
    expect(respondByFor(new Date('2026-12-25T09:00:00+09:00'), config)).toBe('2027-01-05');
  });
});
