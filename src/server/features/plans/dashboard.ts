// The consultant's dashboard: what is due across the clients the user can see — monitoring
// (due or overdue), certificates expiring (受給者証・手帳), plans past their review date,
// life-stage transitions ahead (就園, 就学, 中学, 高校, 18歳) with what to prepare, and consents
// about to expire. Each client shown is logged as a view.
import { and, desc, eq, sql } from 'drizzle-orm';
import { CERTIFICATE_KIND_LABELS, ProfileSchema } from '../../../shared/contracts/clients.js';
import { addDays, compareIsoDates } from '../../../shared/calendar-date.js';
import { upcomingTransitions } from '../../../shared/domain/life-stage.js';
import { nextMonitoringDue, type MonitoringPeriod } from '../../../shared/domain/monitoring.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db } from '../../db/client.js';
import { carePlan, client, clientProfile, consent, monitoringReport } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { withUserContext } from '../clients/client-access.js';

export const DASHBOARD_WINDOWS = { monitoringDays: 45, certificateDays: 90, planReviewDays: 30, transitionMonths: 12, consentDays: 60 } as const;

type Item = { kind: 'monitoring_due' | 'certificate_expiring' | 'plan_review' | 'life_transition' | 'consent_expiring'; clientId: string; clientName: string; date: string; overdue: boolean; title: string; detail: string };

export async function getDashboard(opts: { db: Db; actor: Actor; asOf?: string }) {
  const asOf = opts.asOf ?? tokyoDate();
  return withUserContext(opts.db, opts.actor, async (tx) => {
    // RLS: only clients the user may see; `status` filters closed records.
    const clients = await tx.select({ id: client.id, name: client.name, birthDate: client.birthDate }).from(client).where(eq(client.status, 'active'));
    const items: Item[] = [];
    const within = (date: string, days: number) => compareIsoDates(date, addDays(asOf, days)) <= 0;
    for (const c of clients) {
      const base = { clientId: c.id, clientName: c.name };
      const [plan] = await tx.select().from(carePlan).where(and(eq(carePlan.clientId, c.id), eq(carePlan.status, 'agreed'))).limit(1);
      if (plan) {
        const [last] = await tx.select({ on: monitoringReport.conductedOn }).from(monitoringReport).where(eq(monitoringReport.planId, plan.id)).orderBy(desc(monitoringReport.conductedOn)).limit(1);
        const due = nextMonitoringDue({ startDate: plan.startDate, periodMonths: plan.monitoringPeriodMonths as MonitoringPeriod, isNewPlan: plan.isNewPlan, lastReportDate: last?.on ?? null, asOf });
        if (due && within(due.dueBy, DASHBOARD_WINDOWS.monitoringDays))
          items.push({ ...base, kind: 'monitoring_due', date: due.dueBy, overdue: due.overdue, title: `モニタリング（${due.month.replace('-', '年')}月）`, detail: due.overdue ? '実施月を過ぎています。' : `${due.dueBy} までに実施してください。` });
        if (plan.reviewDate && within(plan.reviewDate, DASHBOARD_WINDOWS.planReviewDays))
          items.push({ ...base, kind: 'plan_review', date: plan.reviewDate, overdue: compareIsoDates(plan.reviewDate, asOf) < 0, title: `計画 第${plan.revision}版の見直し`, detail: compareIsoDates(plan.reviewDate, asOf) < 0 ? '見直し予定日を過ぎています。' : '見直し予定日が近づいています。' });
      }
      const [p] = await tx.select().from(clientProfile).where(eq(clientProfile.clientId, c.id));
      if (p) {
        for (const cert of ProfileSchema.parse(p.data).certificates)
          if (cert.expiresOn && within(cert.expiresOn, DASHBOARD_WINDOWS.certificateDays))
            items.push({ ...base, kind: 'certificate_expiring', date: cert.expiresOn, overdue: compareIsoDates(cert.expiresOn, asOf) < 0, title: `${CERTIFICATE_KIND_LABELS[cert.kind]}の有効期限`, detail: '更新の申請を準備してください（有効期限の前に市区町村へ）。' });
      }
      if (compareIsoDates(asOf, c.birthDate) >= 0)
        for (const t of upcomingTransitions(c.birthDate, asOf, DASHBOARD_WINDOWS.transitionMonths).filter((x) => x.kind !== 'age20'))
          items.push({ ...base, kind: 'life_transition', date: t.date, overdue: false, title: `${t.label}（${t.date}）`, detail: t.hint });
      const consents = await tx.select().from(consent).where(and(eq(consent.clientId, c.id), sql`${consent.revokedAt} is null`, sql`${consent.expiresOn} is not null`));
      for (const k of consents)
        if (k.expiresOn && within(k.expiresOn, DASHBOARD_WINDOWS.consentDays) && compareIsoDates(k.expiresOn, asOf) >= 0)
          items.push({ ...base, kind: 'consent_expiring', date: k.expiresOn, overdue: false, title: `同意の有効期限（${k.recipientName}）`, detail: '期限が切れると提供先はこの利用者の情報を見られなくなります。更新の同意を確認してください。' });
    }
    items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareIsoDates(a.date, b.date));
    for (const id of [...new Set(items.map((i) => i.clientId))]) await writeAudit(tx, opts.actor.audit, { action: 'client.dashboard_view', entityType: 'client', entityId: id, clientId: id });
    const counts: Record<string, number> = {};
    for (const i of items) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
    return { asOf, items, counts };
  });
}
