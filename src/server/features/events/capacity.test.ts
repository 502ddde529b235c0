import { describe, expect, it } from 'vitest';
import { assignGroups, placeRegistration, promotionsFor, seatsLeft, waitlistPositions } from './capacity.js';

const at = (m: number) => new Date(Date.UTC(2025, 5, 1, 0, m));

describe('capacity and waiting list', () => {
  it('seats people while seats are free, then puts them on the waiting list', () => {
    expect(placeRegistration({ capacity: 2, seatedCount: 1, isStaff: false })).toBe('registered');
    expect(placeRegistration({ capacity: 2, seatedCount: 2, isStaff: false })).toBe('waitlisted');
    expect(placeRegistration({ capacity: 0, seatedCount: 0, isStaff: false })).toBe('waitlisted');
  });

  it('has no limit when capacity is null', () => {
    expect(placeRegistration({ capacity: null, seatedCount: 10_000, isStaff: false })).toBe('registered');
    expect(seatsLeft(null, 5)).toBeNull();
  });

  it('always seats staff (lecturers, facilitators), even when full', () => {
    expect(placeRegistration({ capacity: 1, seatedCount: 1, isStaff: true })).toBe('registered');
  });

  it('never reports negative seats after the capacity was lowered', () => {
    expect(seatsLeft(3, 5)).toBe(0);
  });

  it('promotes first come, first served, only as many as seats are free', () => {
    const waitlist = [
      { id: 'c', createdAt: at(3) },
      { id: 'a', createdAt: at(1) },
      { id: 'b', createdAt: at(2) },
    ];
    expect(promotionsFor({ capacity: 5, seatedCount: 4, waitlist }).map((r) => r.id)).toEqual(['a']);
    expect(promotionsFor({ capacity: 5, seatedCount: 5, waitlist })).toEqual([]);
    expect(promotionsFor({ capacity: null, seatedCount: 99, waitlist }).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(waitlistPositions(waitlist).get('c')).toBe(3);
  });
});

describe('assignGroups', () => {
  it('mixes cities across groups and keeps sizes within one', () => {
    const people = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: `m${i}`, municipalityName: '松戸市' })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `k${i}`, municipalityName: '柏市' })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: `n${i}`, municipalityName: '野田市' })),
    ];
    const map = assignGroups(people, ['A', 'B', 'C']);
    const sizes = ['A', 'B', 'C'].map((g) => [...map.values()].filter((v) => v === g).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    const kashiwaGroups = new Set(['k0', 'k1', 'k2'].map((id) => map.get(id)));
    expect(kashiwaGroups.size).toBe(3);
  });

  it('assigns nobody when there are no groups', () => {
    expect(assignGroups([{ id: 'x', municipalityName: '柏市' }], []).size).toBe(0);
  });
});
