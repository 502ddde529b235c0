// The city's registers: per municipality, how many clients need evacuation support, how many
// have no plan / a draft / an approved plan / a plan due for review, and the share with an
// approved plan (the figure cities report, 個別避難計画の作成率). Counts cover every active
// client and are computed as system work (numbers only); the named list holds only clients
// whose guardian consented to giving the plan to the city (row-level security, decision 012).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { PLAN_STATUS_LABELS, type EvacuationPlanStatus } from '../../../shared/contracts/evacuation.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db } from '../../db/client.js';
import { evacuationPlan } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAuditMany } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { decodeCursor, pageOf, ReadingCursorSchema } from '../../lib/pagination.js';
import { withSystemContext, withUserContext } from '../clients/client-access.js';
import { rowsOf } from '../clients/sql-rows.js';
import { statusOf } from './plan-view.js';
import { cityConsentExists } from './simulate-outage.js';

export function registerArea(actor: Pick<Actor, 'municipalityCode'>, requested?: string): string {
  if (!actor.municipalityCode) throw new AppError('FORBIDDEN', '所属の市区町村が登録されていないため、名簿を表示できません（管理者に登録を依頼してください）。');
  if (requested && requested !== actor.municipalityCode) throw new AppError('FORBIDDEN', '自分の市区町村の名簿だけを表示できます。');
  return actor.municipalityCode;
}

const share = (n: number, total: number) => (total ? Math.round((n / total) * 1000) / 1000 : 0);

/** Counts per municipality (system work: numbers only, no names leave this function). */
export async function countEvacuationRegister(db: Db, codes: string[], today = tokyoDate()) {
  const res = await withSystemContext(db, (tx) =>
    tx.execute(sql`
      select c.municipality_code as code, m.name as name,
        count(*)::int as total,
        count(*) filter (where p.id is null)::int as none,
        count(*) filter (where p.status = 'draft')::int as draft,
        count(*) filter (where p.status = 'approved' and (p.review_due_on is null or p.review_due_on > ${today}))::int as approved,
        count(*) filter (where p.status = 'approved' and p.review_due_on <= ${today})::int as review_due,
        count(*) filter (where p.runtime_hours is not null)::int as power_dependent,
        count(*) filter (where exists (
          select 1 from evacuation_consent ec
          where ec.client_id = c.id and ec.recipient_kind = 'city' and ec.revoked_at is null
            and (ec.expires_on is null or ec.expires_on >= ${today}) and ec.recipient_municipality_code = c.municipality_code))::int as consented
      from client c
      left join evacuation_plan p on p.client_id = c.id
      left join municipality m on m.code = c.municipality_code
      where c.status = 'active' and c.municipality_code in ${codes}
      group by c.municipality_code, m.name
      order by c.municipality_code`),
  );
  type Row = { code: string; name: string | null; total: number; none: number; draft: number; approved: number; review_due: number; power_dependent: number; consented: number };
  const rows = rowsOf<Row>(res);
  return codes.map((code) => {
    const r = rows.find((x) => x.code === code) ?? { code, name: null, total: 0, none: 0, draft: 0, approved: 0, review_due: 0, power_dependent: 0, consented: 0 };
    return {
      municipalityCode: code,
      municipalityName: r.name,
      total: r.total,
      none: r.none,
      draft: r.draft,
      approved: r.approved,
      reviewDue: r.review_due,
      approvedShare: share(r.approved + r.review_due, r.total),
      currentShare: share(r.approved, r.total),
      powerDependent: r.power_dependent,
      consentedToCity: r.consented,
    };
  });
}

/** The official's register: counts, and the named plans the city may see, by reading. */
export async function listEvacuationRegister(opts: { db: Db; actor: Actor; municipalityCode?: string; status?: EvacuationPlanStatus; limit: number; cursor?: string }) {
  const code = registerArea(opts.actor, opts.municipalityCode);
  const today = tokyoDate();
  const summary = await countEvacuationRegister(opts.db, [code], today);
  const after = decodeCursor(opts.cursor, ReadingCursorSchema);
  const statusWhere =
    opts.status === 'draft'
      ? eq(evacuationPlan.status, 'draft')
      : opts.status === 'approved'
        ? sql`${evacuationPlan.status} = 'approved' and (${evacuationPlan.reviewDueOn} is null or ${evacuationPlan.reviewDueOn} > ${today})`
        : opts.status === 'review_due'
          ? sql`${evacuationPlan.status} = 'approved' and ${evacuationPlan.reviewDueOn} <= ${today}`
          : opts.status === 'none'
            ? sql`false` // no plan: counted only (there is nothing the city could be given)
            : undefined;
  const page = await withUserContext(opts.db, opts.actor, async (tx) => {
    // RLS limits the official to consented clients; the explicit condition also keeps out a
    // client the official sees as a team member without the city consent.
    const where = and(inArray(evacuationPlan.municipalityCode, [code]), cityConsentExists(today), statusWhere);
    const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(evacuationPlan).where(where);
    const rows = await tx
      .select()
      .from(evacuationPlan)
      .where(after ? and(where, sql`(${evacuationPlan.nameKana}, ${evacuationPlan.clientId}) > (${after[0]}, ${after[1]})`) : where)
      .orderBy(asc(evacuationPlan.nameKana), asc(evacuationPlan.clientId))
      .limit(opts.limit + 1);
    const p = pageOf(rows, opts.limit, (r) => [r.nameKana, r.clientId]);
    await writeAuditMany(tx, opts.actor.audit, p.items.map((r) => ({ action: 'evacuation.register.list_view', entityType: 'evacuation_plan', entityId: r.clientId, clientId: r.clientId })));
    return { total, nextCursor: p.nextCursor, items: p.items };
  });
  return {
    asOf: today,
    summary: summary[0]!,
    items: page.items.map((r) => {
      const status = statusOf(r, today);
      return {
        clientId: r.clientId,
        name: r.name,
        nameKana: r.nameKana,
        municipalityCode: r.municipalityCode,
        status,
        statusLabel: PLAN_STATUS_LABELS[status],
        runtimeHours: r.runtimeHours,
        approvedAt: r.approvedAt?.toISOString() ?? null,
        reviewDueOn: r.reviewDueOn,
        updatedAt: r.updatedAt.toISOString(),
      };
    }),
    total: page.total,
    nextCursor: page.nextCursor,
  };
}
