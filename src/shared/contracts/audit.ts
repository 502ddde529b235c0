import { z } from 'zod';

export const AuditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorUserId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    ip: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    clientId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

const isoDate = z.iso.datetime({ offset: true, error: '日時は ISO 8601 形式で指定してください' }).or(z.iso.date({ error: '日付は YYYY-MM-DD 形式で指定してください' }));

export const AuditQuerySchema = z.object({
  actor: z.string().max(254).optional().meta({ title: '操作者' }),
  action: z.string().max(100).optional().meta({ title: '操作' }),
  outcome: z.enum(['success', 'failure', 'denied']).optional().meta({ title: '結果' }),
  entityType: z.string().max(50).optional().meta({ title: '対象の種類' }),
  entityId: z.string().max(254).optional().meta({ title: '対象' }),
  clientId: z.string().max(100).optional().meta({ title: '利用者' }),
  from: isoDate.optional().meta({ title: '開始日時' }),
  to: isoDate.optional().meta({ title: '終了日時' }),
});
