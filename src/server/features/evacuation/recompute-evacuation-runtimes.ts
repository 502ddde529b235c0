// When the model's assumptions change (POWER_ASSUMPTIONS.version), the runtimes stored for the
// simulation are stale: recompute them from each plan's body. Idempotent and resumable — it
// only touches rows whose assumptions_version differs, in batches, as system work.
import { eq, ne } from 'drizzle-orm';
import { EvacuationPlanBodySchema } from '../../../shared/contracts/evacuation.js';
import { POWER_ASSUMPTIONS } from '../../../shared/domain/power-runtime.js';
import type { Db } from '../../db/client.js';
import { evacuationPlan } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import { withSystemContext } from '../clients/client-access.js';
import { derivedColumns } from './plan-view.js';

export async function recomputeEvacuationRuntimes(opts: { db: Db; batchSize?: number; onProgress?: (done: number) => void }): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await withSystemContext(opts.db, async (tx) => {
      const rows = await tx
        .select({ id: evacuationPlan.id, body: evacuationPlan.body, name: evacuationPlan.name, nameKana: evacuationPlan.nameKana })
        .from(evacuationPlan)
        .where(ne(evacuationPlan.assumptionsVersion, POWER_ASSUMPTIONS.version))
        .limit(opts.batchSize ?? 500);
      for (const r of rows) {
        const d = derivedColumns(EvacuationPlanBodySchema.parse(r.body), r);
        await tx.update(evacuationPlan).set({ runtimeHours: d.runtimeHours, assumptionsVersion: d.assumptionsVersion, summary: d.summary }).where(eq(evacuationPlan.id, r.id));
      }
      if (rows.length) await writeAudit(tx, { label: 'system:evacuation-recompute' }, { action: 'evacuation_plan.recompute', entityType: 'system', details: { rows: rows.length, assumptionsVersion: POWER_ASSUMPTIONS.version } });
      return rows.length;
    });
    done += n;
    opts.onProgress?.(done);
    if (n === 0) return done;
  }
}
