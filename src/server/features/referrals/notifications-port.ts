// Seam to the notifications module of issue-6-network. Until that branch lands this port does
// nothing; bringing the module in replaces the body below with its two functions (see
// docs/referrals.md "Merging"). The interface is exactly the one that module exports.
import type { DbOrTx } from '../../db/client.js';

export interface NotificationsPort {
  notifyUsers(input: { tx: DbOrTx; userIds: string[]; kind: string; title: string; body?: string; link?: string | null }): Promise<unknown>;
  queueEmail(input: { tx: DbOrTx; to: string; subject: string; text: string }): Promise<unknown>;
}

export const notificationsPort: NotificationsPort = {
  notifyUsers: async () => 0,
  queueEmail: async () => '',
};
