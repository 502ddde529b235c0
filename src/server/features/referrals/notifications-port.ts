// Seam to the notifications module (brought from issue-6-network): the referrals feature calls
// its two exported functions only, through this port.
import type { DbOrTx } from '../../db/client.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';

export interface NotificationsPort {
  notifyUsers(input: { tx: DbOrTx; userIds: string[]; kind: string; title: string; body?: string; link?: string | null }): Promise<unknown>;
  queueEmail(input: { tx: DbOrTx; to: string; subject: string; text: string }): Promise<unknown>;
}

export const notificationsPort: NotificationsPort = { notifyUsers, queueEmail };
