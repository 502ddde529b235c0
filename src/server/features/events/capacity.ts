// Seats and the waiting list, as pure functions so the rules are tested without a database.
// Staff (lecturers, facilitators) are participants but never take a seat: the seed counts
// "23名（講師、ファシリテーター含む）" while the capacity is for the audience.

export type PlacedStatus = 'registered' | 'waitlisted';

/** Seats left, or null when the event has no capacity limit. Never negative. */
export function seatsLeft(capacity: number | null, seatedCount: number): number | null {
  if (capacity === null) return null;
  return Math.max(0, capacity - seatedCount);
}

/** Where a new registration goes: a seat while one is free, else the waiting list. */
export function placeRegistration(opts: { capacity: number | null; seatedCount: number; isStaff: boolean }): PlacedStatus {
  if (opts.isStaff) return 'registered';
  const left = seatsLeft(opts.capacity, opts.seatedCount);
  return left === null || left > 0 ? 'registered' : 'waitlisted';
}

/**
 * Who moves from the waiting list to a seat after seats were freed (a cancellation, a larger
 * capacity): first come, first served, as many as there are free seats.
 */
export function promotionsFor<T extends { id: string; createdAt: Date }>(opts: { capacity: number | null; seatedCount: number; waitlist: readonly T[] }): T[] {
  const ordered = [...opts.waitlist].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const left = seatsLeft(opts.capacity, opts.seatedCount);
  return left === null ? ordered : ordered.slice(0, left);
}

/** 1-based position on the waiting list, by time of registration. */
export function waitlistPositions<T extends { id: string; createdAt: Date }>(waitlist: readonly T[]): Map<string, number> {
  const ordered = [...waitlist].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  return new Map(ordered.map((r, i) => [r.id, i + 1]));
}

/**
 * Balanced group work: spread each city's participants over the groups so that every group
 * mixes cities (the seed's aim: "市を超えてつながり"), keeping group sizes within one of each
 * other. Deterministic for a given input order.
 */
export function assignGroups<P extends { id: string; municipalityName: string }>(participants: readonly P[], groupIds: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  if (groupIds.length === 0) return result;
  const byCity = new Map<string, P[]>();
  for (const p of participants) byCity.set(p.municipalityName, [...(byCity.get(p.municipalityName) ?? []), p]);
  // Largest cities first, then dealt round-robin continuing where the previous city stopped.
  const cities = [...byCity.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  let next = 0;
  for (const [, people] of cities) {
    for (const p of people) {
      result.set(p.id, groupIds[next % groupIds.length]!);
      next++;
    }
  }
  return result;
}
