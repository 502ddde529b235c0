// In-app notices and e-mails for the referral lifecycle. The notifications module belongs to
// issue-6-network (`notifyUsers`, `queueEmail`, tables notification / outbox_email); this file
// is the only place the referrals feature touches it.
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { user } from '../../db/schema/index.js';
import { notificationsPort } from './notifications-port.js';

export interface ReferralNotice {
  tx: DbOrTx;
  userIds: string[];
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** Also queue an e-mail to each recipient (outbox when SMTP is not configured). */
  email?: boolean;
}

/** Posts the notice in the same transaction as the change it announces. */
export async function notifyReferral(n: ReferralNotice): Promise<void> {
  const ids = [...new Set(n.userIds)].filter(Boolean);
  if (ids.length === 0) return;
  await notificationsPort.notifyUsers({ tx: n.tx, userIds: ids, kind: n.kind, title: n.title, body: n.body, link: n.link ?? null });
  if (!n.email) return;
  const rows = await n.tx.select({ email: user.email }).from(user).where(inArray(user.id, ids));
  // E-mails carry no client details: a title and a link to sign in (要配慮個人情報 stays in the app).
  for (const r of rows) {
    await notificationsPort.queueEmail({ tx: n.tx, to: r.email, subject: `【つなぐ】${n.title}`, text: `${n.title}\n\nつなぐにログインして確認してください。${n.link ? `\n${n.link}` : ''}\n` });
  }
}

export const caseLink = (caseId: string) => `/referrals/${caseId}`;
