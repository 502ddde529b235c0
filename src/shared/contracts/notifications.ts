import { z } from 'zod';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationListSchema = z
  .object({ items: z.array(NotificationSchema), total: z.number().int(), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .meta({ id: 'NotificationList' });

export const NotificationListQuerySchema = z.object({
  unreadOnly: z.enum(['true', 'false']).optional().meta({ title: '未読のみ' }),
});

export const OutboxEmailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    /** queued: waiting (no SMTP, or retry later) · sending: claimed by the mailer · sent · failed: gave up. */
    status: z.enum(['queued', 'sending', 'sent', 'failed']),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: 'OutboxEmail' });
