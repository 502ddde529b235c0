// The one place where matching is tuned (decision 009). Every number that changes a ranking is
// here, with why it has the value it has. Change a weight → update the hand-computed rankings in
// matching.test.ts and the worked example in docs/referrals.md.

/**
 * Points per criterion for consultant matching; they add up to 100, so a score reads as "out of
 * 100". A criterion scores its full weight when fully met and a fraction when partly met.
 */
export const CONSULTANT_WEIGHTS = {
  /** Share of the case's care items the consultant has handled before: the seed's "fear" is about unknown care. */
  careItems: 30,
  /** Free slots (max caseload − current caseload), full points from CAPACITY_FULL_AT free slots. */
  capacity: 15,
  /** Covers the case's municipality (full) or is near it (falls to 0 at DISTANCE_ZERO_KM). */
  area: 15,
  /** Days the family asked for (weekend contact, preferred days); without wishes, weekdays covered. */
  days: 10,
  /** Takes medical-care cases outright (full) or only with a coordinator's backup (ACCEPTS_WITH_BACKUP_SHARE). */
  accepts: 10,
  /** Family wishes about the consultant (a female consultant is often asked for). */
  wishes: 10,
  /** Fairness: the less loaded (current / max), the more points, so cases do not pile onto the few. */
  fairness: 10,
} as const;
export type ConsultantCriterion = keyof typeof CONSULTANT_WEIGHTS;

/** Free slots at which the capacity criterion is fully met (2 free → 2/3 of the points). */
export const CAPACITY_FULL_AT = 3;
/** Distance (km, between city halls) at which an out-of-area consultant gets no area points. */
export const DISTANCE_ZERO_KM = 20;
/** Share of the accepts weight for `with_backup` when a coordinator can back them (half: the case costs a coordinator's time too). */
export const ACCEPTS_WITH_BACKUP_SHARE = 0.5;

/** Service matching (needs the directory, issue #3): points per criterion, adding up to 100. */
export const SERVICE_WEIGHTS = {
  /** Per care item: yes = full share, conditional = CONDITIONAL_SHARE, no/unknown = 0. */
  careItems: 40,
  /** A vacancy reported within VACANCY_FRESH_DAYS scores full; older reports score half. */
  vacancy: 25,
  area: 20,
  /** Open on weekends when the family asked for weekend contact. */
  weekend: 15,
} as const;
export const CONDITIONAL_SHARE = 0.5;
export const VACANCY_FRESH_DAYS = 30;
