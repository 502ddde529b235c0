// Personal API tokens (`Authorization: Bearer tsg_…`). Only a SHA-256 of the token is stored:
// a 256-bit random secret needs no slow hash, and lookups stay one indexed equality.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiToken } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';

export const TOKEN_PREFIX = 'tsg_';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createApiToken(opts: {
  db: Db;
  audit: AuditContext;
  userId: string;
  name: string;
  expiresAt?: Date | null;
}): Promise<{ id: string; token: string; prefix: string }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = newId();
  const prefix = token.slice(0, 10);
  await opts.db.transaction(async (tx) => {
    await tx.insert(apiToken).values({
      id,
      userId: opts.userId,
      name: opts.name,
      tokenHash: hashToken(token),
      prefix,
      expiresAt: opts.expiresAt ?? null,
    });
    await writeAudit(tx, opts.audit, {
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: id,
      details: { userId: opts.userId, name: opts.name },
    });
  });
  return { id, token, prefix };
}

export async function listApiTokens(opts: { db: Db; userId: string }) {
  return opts.db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      prefix: apiToken.prefix,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      expiresAt: apiToken.expiresAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.userId, opts.userId))
    .orderBy(desc(apiToken.createdAt));
}

export async function revokeApiToken(opts: { db: Db; audit: AuditContext; userId: string; tokenId: string }) {
  await opts.db.transaction(async (tx) => {
    const rows = await tx
      .update(apiToken)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiToken.id, opts.tokenId), eq(apiToken.userId, opts.userId), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    if (rows.length === 0) throw notFound('API トークン');
    await writeAudit(tx, opts.audit, { action: 'api_token.revoke', entityType: 'api_token', entityId: opts.tokenId });
  });
}

/** Revokes every token of a user (used when an account is disabled). */
export async function revokeAllApiTokens(tx: Pick<Db, 'update'>, userId: string) {
  await tx
    .update(apiToken)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)));
}

/** SHA-256 of a presented token, as stored (null when it cannot be one of ours). */
export function apiTokenHash(token: string): string | null {
  return token.startsWith(TOKEN_PREFIX) && token.length <= 100 ? hashToken(token) : null;
}

/**
 * Whether a stored token may be used now; records the use at most once a minute per token (no
 * write per request). The caller looked the row up by apiTokenHash().
 */
export async function acceptApiToken(db: Db, row: Pick<typeof apiToken.$inferSelect, 'id' | 'revokedAt' | 'expiresAt' | 'lastUsedAt'>): Promise<boolean> {
  if (row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return false;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiToken).set({ lastUsedAt: new Date() }).where(eq(apiToken.id, row.id));
  }
  return true;
}
