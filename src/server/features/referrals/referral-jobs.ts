// The timeout sweep's scheduler (decision 008): a plain interval in every app instance, with a
// PostgreSQL advisory lock so only one instance sweeps at a time. The sweep itself is idempotent,
// so a missed or doubled tick is harmless.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
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
  return opts.db.transaction(async (tx) => {
    const res = await tx.execute(sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) as ok`);
    const rows = (Array.isArray(res) ? res : (res as unknown as { rows: { ok: boolean }[] }).rows) as { ok: boolean }[];
    if (!rows[0]?.ok) return false;
    return processReferralTimeouts({ db: tx, config: opts.config, now: opts.now, onError: opts.onError });
  });
}

export function startReferralScheduler(opts: { db: Db; config: ReferralConfig; seconds: number; logger: Logger }): () => void {
  if (opts.seconds <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sweepOnce({ db: opts.db, config: opts.config, onError: (offerId, err) => opts.logger.warn({ offerId, err: String(err) }, 'referral timeout failed for one offer') });
    } catch (err) {
      opts.logger.warn({ err: String(err) }, 'referral timeout sweep failed; will retry on the next tick');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
