// Delivers the outbox over SMTP (nodemailer). Every instance may run the mailer: a batch is
// claimed in one short statement (`for update skip locked`, status → `sending` with a lease),
// sent outside any transaction (so the embedded database is never held during network I/O), and
// each row is then marked `sent`, put back to `queued` with exponential backoff, or `failed`.
// A row whose lease ran out (the process died mid-send) is claimed again; the Message-ID is
// derived from the outbox id, so a rare double delivery is recognisable as the same message.
//
// Content: the mailer sends exactly the subject and text the feature composed under the
// notification rules (docs/network.md: no 要配慮個人情報, client names or case details in
// e-mail — only "something happened, log in to see it"), to a bare address without a display
// name, and logs counts and ids only — never addresses, subjects or bodies.
import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../../db/client.js';
import type { Env } from '../../env.js';
import type { Logger } from '../../lib/logger.js';
import { startPeriodic } from '../../lib/periodic.js';
import { rowsOf } from '../clients/sql-rows.js';

export type SmtpConfig = NonNullable<Env['smtp']>;

/** Minimal transport surface the mailer needs (nodemailer's Transporter satisfies it). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; messageId: string; headers: Record<string, string> }): Promise<unknown>;
  close?(): void;
}

export function createSmtpTransport(smtp: SmtpConfig): Transporter {
  const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
  if (smtp.url) return nodemailer.createTransport(smtp.url, timeouts as never);
  return nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
    ...timeouts,
  });
}

/** Lease on a claimed row: longer than any send (socket timeout 30 s). */
const LEASE_SECONDS = 300;
const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 6 * 3600_000;

/**
 * Wait before the next attempt after `attempts` failed ones: 1, 2, 4, 8 … minutes, at most 6 hours.
 * @example backoffMs(1) // 60000
 */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/** 5xx replies (unknown mailbox, policy rejection) will not succeed later: no retry. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: number } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The bare address from `"Name" <a@b>` or `a@b`, for the Message-ID domain. */
function domainOf(from: string): string {
  const addr = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return addr.split('@')[1]?.trim() || 'tsunagu.invalid';
}

interface Claimed {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  attempts: number;
}

export interface DeliveryResult {
  sent: string[];
  retried: string[];
  failed: string[];
}

/**
 * One mailer run: claims up to `batch` due messages and sends them. Idempotent: a message is
 * sent by one claimant at a time and marked `sent` once; running twice sends nothing twice.
 */
export async function deliverOutboxOnce(opts: { db: Db; transport: MailTransport; from: string; maxAttempts: number; now?: Date; batch?: number }): Promise<DeliveryResult> {
  const now = opts.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
  const result: DeliveryResult = { sent: [], retried: [], failed: [] };
  // A lease that ran out on the last allowed attempt: give up rather than loop.
  const expired = rowsOf<{ id: string }>(
    await opts.db.execute(sql`
      update outbox_email set status = 'failed', locked_until = null, last_error = coalesce(last_error, '送信中に中断されました')
      where status = 'sending' and locked_until < ${now.toISOString()}::timestamptz and attempts >= ${opts.maxAttempts}
      returning id`),
  );
  result.failed.push(...expired.map((r) => r.id));
  const claimed = rowsOf<Claimed>(
    await opts.db.execute(sql`
      update outbox_email set status = 'sending', locked_until = ${leaseUntil.toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from outbox_email
        where ((status = 'queued' and next_attempt_at <= ${now.toISOString()}::timestamptz) or (status = 'sending' and locked_until < ${now.toISOString()}::timestamptz))
          and attempts < ${opts.maxAttempts}
        order by next_attempt_at, id
        limit ${opts.batch ?? 20}
        for update skip locked)
      returning id, to_address, subject, body_text, attempts`),
  );
  const domain = domainOf(opts.from);
  for (const m of claimed) {
    try {
      await opts.transport.sendMail({
        from: opts.from,
        to: m.to_address,
        subject: m.subject,
        text: m.body_text,
        messageId: `<${m.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Tsunagu-Outbox-Id': m.id },
      });
      await opts.db.execute(sql`
        update outbox_email set status = 'sent', sent_at = ${new Date().toISOString()}::timestamptz, locked_until = null, last_error = null
        where id = ${m.id} and status = 'sending'`);
      result.sent.push(m.id);
    } catch (err) {
      const permanent = isPermanentSmtpError(err);
      const giveUp = permanent || m.attempts >= opts.maxAttempts;
      const message = String((err as Error)?.message ?? err).slice(0, 500);
      const next = new Date(now.getTime() + backoffMs(m.attempts));
      await opts.db.execute(sql`
        update outbox_email
        set status = ${giveUp ? 'failed' : 'queued'}, locked_until = null, last_error = ${message}, next_attempt_at = ${next.toISOString()}::timestamptz
        where id = ${m.id} and status = 'sending'`);
      (giveUp ? result.failed : result.retried).push(m.id);
    }
  }
  return result;
}

/**
 * Starts the mailer when SMTP is configured; otherwise says once that e-mails stay in the outbox.
 * Returns a stop function (also closes the SMTP connection pool).
 */
export function startMailer(opts: { db: Db; env: Pick<Env, 'smtp' | 'mailSweepSeconds' | 'mailMaxAttempts'>; logger: Logger; transport?: MailTransport }): () => void {
  const { smtp } = opts.env;
  if (!smtp) {
    opts.logger.info('SMTP が未設定のため、メールは送信せず outbox に保存します（管理者は GET /api/admin/outbox で確認できます）');
    return () => undefined;
  }
  if (opts.env.mailSweepSeconds <= 0) return () => undefined;
  const transport = opts.transport ?? createSmtpTransport(smtp);
  return startPeriodic({
    name: 'mailer run',
    seconds: opts.env.mailSweepSeconds,
    firstDelayMs: 2_000,
    logger: opts.logger,
    onStop: () => transport.close?.(),
    run: async () => {
      // Drain: keep going while full batches come back, so a burst does not wait many intervals.
      for (let i = 0; i < 50; i++) {
        const r = await deliverOutboxOnce({ db: opts.db, transport, from: smtp.from, maxAttempts: opts.env.mailMaxAttempts });
        const n = r.sent.length + r.retried.length + r.failed.length;
        if (n) opts.logger.info({ sent: r.sent.length, retried: r.retried.length, failed: r.failed.length }, 'mailer: outbox delivered');
        if (n < 20) break;
      }
    },
  });
}
