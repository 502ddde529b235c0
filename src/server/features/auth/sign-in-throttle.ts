import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';

/**
 * Failed sign-ins for one account in the last hour, counted from the access log (the log is
 * where failures are written anyway, and it is shared by every app instance).
 */
export async function countRecentSignInFailures(db: Db, email: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.entityType, 'account'),
        eq(auditEvent.entityId, email),
        eq(auditEvent.action, 'auth.sign_in'),
        eq(auditEvent.outcome, 'failure'),
        gt(auditEvent.at, new Date(Date.now() - 3600_000)),
      ),
    );
  return row?.n ?? 0;
}
