// The evacuation scheduler, on the pattern of the referral sweep (decision 008): a plain
// interval in every app instance, a PostgreSQL advisory lock so one instance works at a time,
// idempotent work (a missed or doubled tick is harmless). Each tick: recompute stored runtimes
// if the model's assumptions changed, then send due review reminders.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../lib/logger.js';
import { rowsOf } from '../clients/sql-rows.js';
import { processEvacuationReviews } from './process-evacuation-reviews.js';
import { recomputeEvacuationRuntimes } from './recompute-evacuation-runtimes.js';

/** Distinct from the migration (742617000), access-log (742617001) and referral sweep (742617004) locks. */
const EVACUATION_LOCK_KEY = 742617007;

export async function evacuationTickOnce(opts: { db: Db; now?: Date }): Promise<{ recomputed: number; notified: string[] } | false> {
  return opts.db.transaction(async (tx) => {
    const ok = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${EVACUATION_LOCK_KEY}) as ok`))[0]?.ok;
    if (!ok) return false;
    // The work runs inside the lock's transaction (savepoints): one connection, as PGlite needs.
    const inner = tx as unknown as Db;
    const recomputed = await recomputeEvacuationRuntimes({ db: inner });
    const { notified } = await processEvacuationReviews({ db: inner, now: opts.now });
    return { recomputed, notified };
  });
}

export function startEvacuationScheduler(opts: { db: Db; seconds: number; logger: Logger }): () => void {
  if (opts.seconds <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await evacuationTickOnce({ db: opts.db });
      if (r && (r.recomputed || r.notified.length)) opts.logger.info({ recomputed: r.recomputed, reminders: r.notified.length }, 'evacuation plans: recomputed / reminded');
    } catch (err) {
      opts.logger.warn({ err: String(err) }, 'evacuation tick failed; will retry on the next tick');
    } finally {
      running = false;
    }
  };
  // First tick soon after boot (a changed model is recomputed at once), then on the interval.
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  const timer = setInterval(() => void tick(), opts.seconds * 1000);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
