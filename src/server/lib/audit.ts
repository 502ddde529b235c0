// Append-only, hash-chained access log. Written in the same transaction as the change it
// records, so a change without its log row cannot commit (and a rolled-back change leaves none).
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { auditEvent } from '../db/schema/index.js';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** Who did it and from where; built once per request (see app.ts `actorContext`). */
export interface AuditContext {
  userId?: string | null;
  label?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export interface AuditInput {
  action: string;
  outcome?: AuditOutcome;
  entityType?: string;
  entityId?: string | null;
  /** The client (医療的ケア児者) whose data was read or changed, once client records exist. */
  clientId?: string | null;
  details?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Any constant works; it serialises writers of the chain so each row sees its predecessor. */
const CHAIN_LOCK_KEY = 742617001;

interface ChainFields {
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  clientId: string | null;
  details: Record<string, unknown>;
}

/** Canonical JSON: object keys sorted at every depth, so the hash never depends on key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function chainHash(prevHash: string, f: ChainFields): string {
  const body = canonicalJson({ ...f, at: f.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** The hashed fields of one row. */
function chainFields(ctx: AuditContext, input: AuditInput, at: Date): ChainFields {
  return {
    at,
    actorUserId: ctx.userId ?? null,
    actorLabel: ctx.label ?? null,
    ip: ctx.ip ?? null,
    userAgent: ctx.userAgent ? ctx.userAgent.slice(0, 300) : null,
    requestId: ctx.requestId ?? null,
    action: input.action,
    outcome: input.outcome ?? 'success',
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    clientId: input.clientId ?? null,
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
  };
}

/**
 * Appends one row. Call it with the transaction that makes the change. Outside a transaction
 * (sign-in failures, denials) pass the database: a transaction is opened for the lock.
 */
export async function writeAudit(dbOrTx: DbOrTx, ctx: AuditContext, input: AuditInput): Promise<void> {
  await writeAuditMany(dbOrTx, ctx, [input]);
}

/**
 * Appends several rows in one statement (e.g. one per client shown in a list): the chain lock
 * and the previous hash are read once, each row links to the one before it. Same guarantees
 * as writeAudit; call it with the transaction that reads the data.
 */
export async function writeAuditMany(tx: DbOrTx, ctx: AuditContext, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  // A transaction object has `rollback`; the root database does not.
  if (!('rollback' in tx)) return (tx as Db).transaction((t) => writeAuditMany(t, ctx, inputs));
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision: what timestamptz stores from a JS Date, so the hash re-computes.
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields = chainFields(ctx, input, at);
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // ids are a serial in insertion order, so the chain order is the row order.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditEvent).values(rows.slice(i, i + 1000));
}

export interface ChainBreak {
  id: number;
  reason: string;
}

/**
 * Re-computes the chain from the first row. Reports the first row whose stored hash or link
 * does not match (an edited, deleted or inserted row breaks every link after it).
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number) => void,
): Promise<{ ok: boolean; checked: number; firstBreak?: ChainBreak }> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditEvent).where(gt(auditEvent.id, lastId)).orderBy(asc(auditEvent.id)).limit(2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) return { ok: false, checked, firstBreak: { id: r.id, reason: '前の行とのつながり（prev_hash）が一致しません。行の削除または挿入の可能性があります。' } };
      const expected = chainHash(prev, {
        at: r.at,
        actorUserId: r.actorUserId,
        actorLabel: r.actorLabel,
        ip: r.ip,
        userAgent: r.userAgent,
        requestId: r.requestId,
        action: r.action,
        outcome: r.outcome,
        entityType: r.entityType,
        entityId: r.entityId,
        clientId: r.clientId,
        details: r.details,
      });
      if (expected !== r.hash) return { ok: false, checked, firstBreak: { id: r.id, reason: '行の内容がハッシュと一致しません。行が書き換えられた可能性があります。' } };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
    onProgress?.(checked);
  }
  return { ok: true, checked };
}
