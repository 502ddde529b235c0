// The evacuation scheduler (decision 008, lib/periodic.ts): an interval in every app instance,
// an advisory lock so one instance works at a time, idempotent work. Each tick: recompute stored runtimes
// if the model's assumptions changed, then send due review reminders.
import type { Db } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodic, withAdvisoryLock } from '../../lib/periodic.js';
import { processEvacuationReviews } from './process-evacuation-reviews.js';
import { recomputeEvacuationRuntimes } from './recompute-evacuation-runtimes.js';

/** Distinct from the migration (742617000), access-log (742617001) and referral sweep (742617004) locks. */
const EVACUATION_LOCK_KEY = 742617007;

export async function evacuationTickOnce(opts: { db: Db; now?: Date }): Promise<{ recomputed: number; notified: string[] } | false> {
  return withAdvisoryLock(opts.db, EVACUATION_LOCK_KEY, async (tx) => {
    const recomputed = await recomputeEvacuationRuntimes({ db: tx });
    const { notified } = await processEvacuationReviews({ db: tx, now: opts.now });
    return { recomputed, notified };
  });
}

export function startEvacuationScheduler(opts: { db: Db; seconds: number; logger: Logger }): () => void {
  return startPeriodic({
    name: 'evacuation tick',
    seconds: opts.seconds,
    // First tick soon after boot (a changed model is recomputed at once), then on the interval.
    firstDelayMs: 5_000,
    logger: opts.logger,
    run: async () => {
      const r = await evacuationTickOnce({ db: opts.db });
      if (r && (r.recomputed || r.notified.length)) opts.logger.info({ recomputed: r.recomputed, reminders: r.notified.length }, 'evacuation plans: recomputed / reminded');
    },
  });
}
