// Loads the fictitious demo region into an empty database. Idempotent: does nothing when any
// account exists, so restarting never duplicates or overwrites data.
import { count, eq } from 'drizzle-orm';
import { PREFECTURES, TOKATSU_MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import type { Db } from '../db/client.js';
import { municipality, office, organization, user } from '../db/schema/index.js';
import { writeAudit, type AuditContext } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { createUser } from '../features/admin/users.js';
import { seedNetworkDemo } from './seed-network.js';
import { seedReferrals } from './seed-referrals.js';
import { seedDemoClients } from './seed-clients.js';
import { seedDemoEvacuation } from './seed-evacuation.js';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, demoEmail } from './demo-data.js';

const SEED_AUDIT: AuditContext = { label: 'system:demo-seed' };

/** Municipalities are reference data, loaded on every start (insert-if-missing). */
export async function seedMunicipalities(db: Db) {
  const pref = new Map(PREFECTURES.map((p) => [p.code, p.name]));
  for (const m of TOKATSU_MUNICIPALITIES) {
    await db
      .insert(municipality)
      .values({
        code: m.code,
        name: m.name,
        nameKana: m.kana,
        prefectureCode: m.prefectureCode,
        prefectureName: pref.get(m.prefectureCode) ?? '',
        region: m.welfareRegion,
      })
      .onConflictDoNothing();
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(user);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(db: Db): Promise<{ seeded: boolean; accounts: { email: string; roles: string[]; note: string }[] }> {
  const accounts = DEMO_USERS.map((u) => ({ email: demoEmail(u.local), roles: u.roles, note: u.note }));
  await seedMunicipalities(db);
  if (!(await isDatabaseEmpty(db))) return { seeded: false, accounts };

  const orgIds = new Map<string, string>();
  const officeIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGANIZATIONS) {
      const id = newId();
      orgIds.set(o.key, id);
      await tx.insert(organization).values({ id, name: o.name, nameKana: o.nameKana });
    }
    for (const o of DEMO_OFFICES) {
      const id = newId();
      officeIds.set(o.key, id);
      await tx.insert(office).values({
        id,
        name: o.name,
        nameKana: o.nameKana,
        sector: o.sector,
        municipalityCode: o.municipalityCode,
        organizationId: o.organization ? (orgIds.get(o.organization) ?? null) : null,
      });
    }
    await writeAudit(tx, SEED_AUDIT, {
      action: 'demo.seed',
      entityType: 'system',
      details: { organizations: DEMO_ORGANIZATIONS.length, offices: DEMO_OFFICES.length },
    });
  });
  for (const u of DEMO_USERS) {
    await createUser({
      db,
      audit: SEED_AUDIT,
      isDemo: true,
      input: {
        email: demoEmail(u.local),
        name: u.name,
        nameKana: u.nameKana,
        password: DEMO_PASSWORD,
        roles: u.roles,
        municipalityCode: u.municipalityCode ?? null,
        officeIds: (u.offices ?? []).map((k) => officeIds.get(k)!).filter(Boolean),
      },
    });
  }
  // Network activities (issue #6): the seed's meetings, trainings, surveys; needs the accounts above.
  await seedNetworkDemo(db);
  // Profiles and referral cases (issue #4), once the accounts exist.
  await seedReferrals(db);
  await seedDemoClients(db);
  // Evacuation plans (issue #7) for the demo clients, and a few more.
  await seedDemoEvacuation(db);
  return { seeded: true, accounts };
}

export async function findOfficeIdByName(db: Db, name: string) {
  const [row] = await db.select({ id: office.id }).from(office).where(eq(office.name, name));
  return row?.id ?? null;
}
