// The timeout sweep's scheduler (decision 008, lib/periodic.ts): an interval in every app
// instance, an advisory lock so one instance sweeps at a time; the sweep is idempotent.
import type { Db } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodic, withAdvisoryLock } from '../../lib/periodic.js';
import { processReferralTimeouts, type TimeoutResult } from './process-referral-timeouts.js';
import type { ReferralConfig } from './referral-config.js';

/** Any constant; distinct from the migration (742617000) and access-log (742617001) locks. */
const SWEEP_LOCK_KEY = 742617004;

/**
 * Runs one sweep unless another instance is running one (returns false then). The whole sweep
 * runs inside the transaction that holds the advisory lock; each offer is a savepoint, so one
 * failing offer does not undo the others.
 */
export async function sweepOnce(opts: { db: Db; config: ReferralConfig; now?: Date; onError?: (offerId: string, err: unknown) => void }): Promise<TimeoutResult | false> {
  return withAdvisoryLock(opts.db, SWEEP_LOCK_KEY, (tx) => processReferralTimeouts({ db: tx, config: opts.config, now: opts.now, onError: opts.onError }));
}

export function startReferralScheduler(opts: { db: Db; config: ReferralConfig; seconds: number; logger: Logger }): () => void {
  return startPeriodic({
    name: 'referral timeout sweep',
    seconds: opts.seconds,
    logger: opts.logger,
    run: async () => {
      await sweepOnce({ db: opts.db, config: opts.config, onError: (offerId, err) => opts.logger.warn({ offerId, err: String(err) }, 'referral timeout failed for one offer') });
    },
  });
}
