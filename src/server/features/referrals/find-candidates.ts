// Loads the matching input from the registry (people feature) and ranks it (matching.ts).
import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { referralOffer } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit } from '../../lib/audit.js';
import { listMatchingPool } from '../people/people.js';
import { CONSULTANT_WEIGHTS } from './matching-weights.js';
import { rankConsultants, type ConsultantInput, type CoordinatorInput } from './matching.js';
import { loadCase, requireCaseManager } from './referral-cases.js';
import type { CaseRow } from './referral-views.js';

export async function rankForCase(db: DbOrTx, row: CaseRow) {
  const pool = await listMatchingPool({ db });
  const consultants: ConsultantInput[] = pool
    .filter((p) => p.roles.includes('consultant'))
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      nameKana: p.nameKana,
      offices: p.offices.map((o) => o.name),
      officeMunicipalities: p.offices.map((o) => o.municipalityCode),
      acceptsMedicalCare: p.hasProfile ? p.acceptsMedicalCare : null,
      careItems: p.careItems,
      maxCaseload: p.maxCaseload,
      currentCaseload: p.currentCaseload,
      municipalities: p.municipalities,
      availableDays: p.availableDays,
      declaredGender: p.declaredGender,
      coordinatorTrainingYear: p.coordinatorTrainingYear,
    }));
  const coordinators: CoordinatorInput[] = pool
    .filter((p) => p.roles.includes('coordinator') && p.hasProfile)
    .map((p) => ({
      userId: p.userId,
      name: p.name,
      nameKana: p.nameKana,
      municipalities: p.municipalities,
      backupAvailable: p.backupAvailable,
      maxBackupCases: p.maxBackupCases,
      currentBackupCases: p.currentBackupCases,
    }));
  return rankConsultants({ case: { municipalityCode: row.municipalityCode, careItems: row.careItems, wishes: row.wishes }, consultants, coordinators });
}

export async function findCandidates(opts: { db: Db; actor: Actor; caseId: string; includeIneligible?: boolean }) {
  const row = await loadCase(opts.db, opts.caseId);
  requireCaseManager(opts.actor, row);
  const ranking = await rankForCase(opts.db, row);
  const offers = await opts.db
    .select({ id: referralOffer.id, status: referralOffer.status, candidateId: referralOffer.candidateId })
    .from(referralOffer)
    .where(and(eq(referralOffer.caseId, row.id)))
    .orderBy(desc(referralOffer.createdAt));
  const latest = new Map<string, { id: string; status: (typeof offers)[number]['status'] }>();
  for (const o of offers) if (!latest.has(o.candidateId)) latest.set(o.candidateId, { id: o.id, status: o.status });
  await writeAudit(opts.db, opts.actor.audit, { action: 'referral_case.match', entityType: 'referral_case', entityId: row.id, details: { candidates: ranking.candidates.length } });
  const list = ranking.candidates.filter((c) => opts.includeIneligible || c.eligible);
  return {
    caseId: row.id,
    regionAverageCaseload: ranking.regionAverageCaseload,
    weights: { ...CONSULTANT_WEIGHTS },
    consultants: list.map((c) => ({ ...c, existingOffer: latest.get(c.userId) ?? null })),
    // Seam: service ranking (rankServices) is wired once issue-3-directory lands its `service` table.
    services: [],
  };
}
