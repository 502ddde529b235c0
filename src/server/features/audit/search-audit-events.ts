import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditQuerySchema } from '../../../shared/contracts/audit.js';
import type { Db } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';
import { count } from 'drizzle-orm';
import { SerialCursorSchema, decodeCursor, pageOf } from '../../lib/pagination.js';

type Filter = z.infer<typeof AuditQuerySchema>;

/** A date without time as `to` means "through the end of that day" (JST, as users read dates). */
const endOf = (v: string) => (v.length === 10 ? new Date(new Date(`${v}T00:00:00+09:00`).getTime() + 86400_000 - 1) : new Date(v));
const startOf = (v: string) => (v.length === 10 ? new Date(`${v}T00:00:00+09:00`) : new Date(v));

function whereOf(f: Filter): SQL | undefined {
  return and(
    f.actor ? or(eq(auditEvent.actorUserId, f.actor), eq(auditEvent.actorLabel, f.actor.toLowerCase())) : undefined,
    f.action ? eq(auditEvent.action, f.action) : undefined,
    f.outcome ? eq(auditEvent.outcome, f.outcome) : undefined,
    f.entityType ? eq(auditEvent.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvent.entityId, f.entityId) : undefined,
    f.clientId ? eq(auditEvent.clientId, f.clientId) : undefined,
    f.from ? gte(auditEvent.at, startOf(f.from)) : undefined,
    f.to ? lte(auditEvent.at, endOf(f.to)) : undefined,
  );
}

const serialize = (r: typeof auditEvent.$inferSelect) => ({
  id: String(r.id),
  at: r.at.toISOString(),
  actorUserId: r.actorUserId,
  actorLabel: r.actorLabel,
  ip: r.ip,
  action: r.action,
  outcome: r.outcome as 'success' | 'failure' | 'denied',
  entityType: r.entityType,
  entityId: r.entityId,
  clientId: r.clientId,
  details: r.details,
});

export async function searchAuditEvents(opts: { db: Db; limit: number; cursor?: string } & Filter) {
  const after = decodeCursor(opts.cursor, SerialCursorSchema);
  const where = whereOf(opts);
  const [{ total } = { total: 0 }] = await opts.db.select({ total: count() }).from(auditEvent).where(where);
  const rows = await opts.db
    .select()
    .from(auditEvent)
    .where(after ? and(where, lt(auditEvent.id, Number(after[0]))) : where)
    .orderBy(desc(auditEvent.id))
    .limit(opts.limit + 1);
  const page = pageOf(rows, opts.limit, (r) => [r.id]);
  return { items: page.items.map(serialize), nextCursor: page.nextCursor, total };
}

/** All matching rows for CSV export, capped so one request cannot exhaust memory. */
export async function exportAuditEvents(opts: { db: Db } & Filter, cap = 100_000) {
  const rows = await opts.db.select().from(auditEvent).where(whereOf(opts)).orderBy(desc(auditEvent.id)).limit(cap);
  return rows.map(serialize);
}
