// Background work on an interval (decision 008): every app instance runs the same timer, the work
// takes a PostgreSQL advisory lock so one instance does it at a time, and the work is idempotent
// (a missed or doubled tick is harmless). Referral sweep, evacuation reviews, event reminders,
// the mailer and analytics snapshots all start through here.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import type { Logger } from './logger.js';

export interface PeriodicJob {
  /** Used in the log line when a run fails ("<name> failed; will retry on the next tick"). */
  name: string;
  /** Interval between runs; 0 or less turns the job off. */
  seconds: number;
  /** First run this long after start (none when omitted: the first run is after one interval). */
  firstDelayMs?: number;
  run: () => Promise<void>;
  logger: Logger;
  /** Called by the stop function after the timers are cleared. */
  onStop?: () => void;
}

/** Starts a job: runs never overlap, a failure is logged and the next tick tries again. */
export function startPeriodic(job: PeriodicJob): () => void {
  if (job.seconds <= 0) return () => undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job.run();
    } catch (err) {
      job.logger.warn({ err: String(err) }, `${job.name} failed; will retry on the next tick`);
    } finally {
      running = false;
    }
  };
  const first = job.firstDelayMs === undefined ? undefined : setTimeout(() => void tick(), job.firstDelayMs);
  first?.unref();
  const timer = setInterval(() => void tick(), job.seconds * 1000);
  timer.unref();
  return () => {
    if (first) clearTimeout(first);
    clearInterval(timer);
    job.onStop?.();
  };
}

/**
 * Runs `work` inside a transaction holding the advisory lock `key`, or returns false at once when
 * another instance holds it. The work gets the transaction (savepoints; one connection, as PGlite
 * needs).
 */
export async function withAdvisoryLock<T>(db: Db, key: number, work: (tx: Db) => Promise<T>): Promise<T | false> {
  return db.transaction(async (tx) => {
    const res = await (tx as DbOrTx).execute(sql`select pg_try_advisory_xact_lock(${key}) as ok`);
    const rows = (Array.isArray(res) ? res : (res as unknown as { rows: { ok: boolean }[] }).rows) as { ok: boolean }[];
    if (!rows[0]?.ok) return false;
    return work(tx as unknown as Db);
  });
}
