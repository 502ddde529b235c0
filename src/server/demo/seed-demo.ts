// Loads the fictitious demo region into an empty database. Idempotent: does nothing when any
// account exists, so restarting never duplicates or overwrites data.
import { count, eq } from 'drizzle-orm';
import { PREFECTURES, TOKATSU_MUNICIPALITIES } from '../../shared/domain/municipalities.js';
import type { Db } from '../db/client.js';
import { municipality, office, organization, service, serviceCareCapability, user } from '../db/schema/index.js';
import { refreshListingSearch } from '../features/directory/listing-search.js';
import { writeAudit, type AuditContext } from '../lib/audit.js';
import { newId } from '../lib/ids.js';
import { createUser } from '../features/admin/users.js';
import { seedNetworkDemo } from './seed-network.js';
import { seedReferrals } from './seed-referrals.js';
import { seedDemoClients } from './seed-clients.js';
import { seedDemoEvacuation } from './seed-evacuation.js';
import { DEMO_OFFICES, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_SERVICES, DEMO_USERS, demoEmail } from './demo-data.js';

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
    const halls = new Map(TOKATSU_MUNICIPALITIES.map((m) => [m.code, m.cityHall]));
    const DAY = 86_400_000;
    const now = Date.now();
    for (const [i, o] of DEMO_OFFICES.entries()) {
      const id = newId();
      officeIds.set(o.key, id);
      const hall = halls.get(o.municipalityCode)!;
      // A fixed spiral around the city hall: 0.4–3 km away, different for every office.
      const angle = i * 2.399;
      const km = 0.4 + (i % 7) * 0.4;
      await tx.insert(office).values({
        id,
        name: o.name,
        nameKana: o.nameKana,
        sector: o.sector,
        municipalityCode: o.municipalityCode,
        organizationId: o.organization ? (orgIds.get(o.organization) ?? null) : null,
        lat: Math.round((hall.lat + (Math.sin(angle) * km) / 111) * 1e6) / 1e6,
        lon: Math.round((hall.lon + (Math.cos(angle) * km) / 91) * 1e6) / 1e6,
        address: `${(i % 9) + 1}丁目${(i % 20) + 1}-${(i % 5) + 1}（架空）`,
        phone: `0${o.municipalityCode === '12208' ? '4' : '47'}-000-${String(1000 + i).slice(-4)}`,
      });
      for (const d of DEMO_SERVICES[o.key] ?? []) {
        const sid = newId();
        await tx.insert(service).values({
          id: sid,
          officeId: id,
          serviceType: d.type,
          capacity: d.capacity ?? null,
          vacancyCount: d.vacancy ?? null,
          vacancyConfirmedAt: d.vacancy !== undefined ? new Date(now - (d.vacancyDaysAgo ?? 0) * DAY) : null,
          vacancyConfirmedByName: d.vacancy !== undefined ? '事業所職員（デモ）' : null,
          ageMin: d.ages?.[0] ?? null,
          ageMax: d.ages?.[1] ?? null,
          hours: { weekday: d.hours ?? '9:00～18:00', saturday: d.sat ? '9:00～17:00' : null, sunday: d.sun ? '9:00～17:00' : null, holiday: d.holiday ? '9:00～17:00' : null },
          openSaturday: Boolean(d.sat),
          openSunday: Boolean(d.sun),
          openHoliday: Boolean(d.holiday),
          areasServed: d.areas ?? [],
          listingConfirmedAt: new Date(now - (d.listingDaysAgo ?? Math.min(d.vacancyDaysAgo ?? 3, 20)) * DAY),
          municipalityCode: o.municipalityCode,
          sector: o.sector,
        });
        for (const [careItem, v] of Object.entries(d.care ?? {})) {
          const [level, note] = Array.isArray(v) ? v : [v!, null];
          await tx.insert(serviceCareCapability).values({ serviceId: sid, careItem, level, note });
        }
      }
    }
    await refreshListingSearch(tx, [...officeIds.values()]);
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
