// Yearly review reminders (DOMAIN.md §5: plans are reviewed at least yearly). Idempotent: the
// plan row remembers which review date its team was told about (review_notified_for), set by a
// conditional UPDATE, so running twice — or on two servers at once — notifies once per due
// date; a new approval sets a new date and clears it. `now` is a parameter for tests.
import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { formatDateJa, tokyoDate } from '../../../shared/dates.js';
import type { Db } from '../../db/client.js';
import { evacuationPlan } from '../../db/schema/index.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { withSystemContext } from '../clients/client-access.js';
import { teamAudience } from '../clients/team.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { planLink } from './evacuation-plans.js';

const SYSTEM: AuditContext = { label: 'system:evacuation-reviews' };

export async function processEvacuationReviews(opts: { db: Db; now?: Date }): Promise<{ notified: string[] }> {
  const today = tokyoDate(opts.now ?? new Date());
  return withSystemContext(opts.db, async (tx) => {
    const due = await tx
      .update(evacuationPlan)
      .set({ reviewNotifiedFor: sql`${evacuationPlan.reviewDueOn}` })
      .where(
        and(
          eq(evacuationPlan.status, 'approved'),
          lte(evacuationPlan.reviewDueOn, today),
          or(isNull(evacuationPlan.reviewNotifiedFor), ne(evacuationPlan.reviewNotifiedFor, evacuationPlan.reviewDueOn)),
        ),
      )
      .returning({ clientId: evacuationPlan.clientId, reviewDueOn: evacuationPlan.reviewDueOn });
    for (const p of due) {
      // Team members whose consent covers the plan; the e-mail carries no personal data.
      const audience = (await teamAudience(tx, p.clientId)).filter((a) => a.scopes.includes('plan'));
      await notifyUsers({ tx, userIds: audience.map((a) => a.userId), kind: 'evacuation.review_due', title: `個別避難計画の見直し時期です（${formatDateJa(p.reviewDueOn!)}）`, body: '承認から1年が経ちました。機器・バッテリー・支援者・避難先に変わりがないか、家族と確認してください。', link: planLink(p.clientId) });
      for (const a of audience)
        await queueEmail({ tx, to: a.email, subject: '【つなぐ】個別避難計画の見直し時期です', text: `担当する利用者の個別避難計画が見直しの時期になりました。\nつなぐにログインして確認してください: ${planLink(p.clientId)}\n\n※このメールには個人情報を記載していません。` });
      await writeAudit(tx, SYSTEM, { action: 'evacuation_plan.review_reminder', entityType: 'evacuation_plan', entityId: p.clientId, clientId: p.clientId, details: { reviewDueOn: p.reviewDueOn, notified: audience.length } });
    }
    return { notified: due.map((p) => p.clientId) };
  });
}
