// Drill-down from an aggregate cell to persons (issue #8 item 3): "no drill-down from an
// aggregate to a person unless the viewer may see that client anyway". The list is read inside
// the viewer's own row-level-security context (withUserContext), so the database returns only
// clients whose team the viewer is on with the guardian's consent — never more than the
// client list would show. The cell's count is suppressed as on the dashboard; how many clients
// are not listed is told only in the official's own city (elsewhere it would undo the "<5").
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { suppressedMarker, type DrillDownQuerySchema } from '../../../shared/contracts/analytics.js';
import { isSmallCount } from '../../../shared/domain/analytics-metrics.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, writeAuditMany } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { rowsOf } from '../clients/sql-rows.js';
import { withSystemContext, withUserContext } from '../clients/client-access.js';
import { resolveQuery } from './area.js';
import { viewerOf, type AnalyticsConfig } from './analytics-views.js';

export async function drillDownAnalytics(opts: { db: Db; actor: Actor; config: AnalyticsConfig; query: z.infer<typeof DrillDownQuerySchema> }) {
  const q = opts.query;
  if (q.lifeStage) throw new AppError('VALIDATION_FAILED', 'ライフステージ: 個人への絞り込みは市と医療的ケアで行ってください', { fields: [{ field: 'lifeStage', label: 'ライフステージ', message: 'ライフステージ: 個人への絞り込みは市と医療的ケアで行ってください' }] });
  const r = await resolveQuery(opts.db, { ...q, area: q.municipality });
  const viewer = viewerOf(opts.actor, opts.config);
  const filter = sql`c.status = 'active' and c.municipality_code = ${q.municipality} and c.birth_date <= ${r.asOf}::date
    ${q.careItem ? sql`and exists (select 1 from client_medical cm, jsonb_array_elements(coalesce(cm.data->'careItems', '[]'::jsonb)) e where cm.client_id = c.id and e->>'code' = ${q.careItem})` : sql``}`;
  // The cell's size (aggregate, system context) — shown exactly only in the viewer's own city.
  const total = rowsOf<{ n: number }>(await withSystemContext(opts.db, (tx) => tx.execute(sql`select count(*)::int n from client c where ${filter}`)))[0]?.n ?? 0;
  // Persons: only what the viewer's own access allows (RLS). The care-item filter needs the
  // medical scope, so a team member without it does not see the client here either.
  const items = rowsOf<{ clientId: string; name: string; municipalityCode: string }>(
    await withUserContext(opts.db, opts.actor, (tx) => tx.execute(sql`select c.id "clientId", c.name, c.municipality_code "municipalityCode" from client c where ${filter} order by c.name_kana, c.id limit 200`)),
  );
  const own = viewer.detailMunicipality === q.municipality;
  const hidden = !own && isSmallCount(total, viewer.threshold);
  if (items.length) await writeAuditMany(opts.db, opts.actor.audit, items.map((i) => ({ action: 'analytics.drill_down', entityType: 'client', entityId: i.clientId, clientId: i.clientId, details: { municipality: q.municipality, careItem: q.careItem ?? null } })));
  else await writeAudit(opts.db, opts.actor.audit, { action: 'analytics.drill_down', entityType: 'analytics', details: { municipality: q.municipality, careItem: q.careItem ?? null, listed: 0 } });
  return { items, cellCount: hidden ? suppressedMarker(viewer.threshold) : total, notShown: own ? total - items.length : null };
}
