// Bulk-loads a generated directory into a database (batches of multi-row INSERTs), computing
// the search columns exactly as the application does (listing-search.ts).
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { municipality, office, organization, service, serviceCareCapability } from '../../src/server/db/schema/index.js';
import { listingSearchColumns } from '../../src/server/features/directory/listing-search.js';
import { generateMunicipalities, generateOffices, rng } from './directory-generator.js';

const DAY = 86_400_000;

/** UUID-shaped ids derived from a counter: deterministic and cheap. */
const uuidOf = (kind: number, n: number) => {
  const h = n.toString(16).padStart(12, '0');
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${h}`;
};

export async function loadGeneratedDirectory(opts: {
  db: Db;
  offices: number;
  seed?: number;
  batch?: number;
  onProgress?: (done: number, total: number, services: number) => void;
  /**
   * Drop the secondary indexes of the directory tables during the load and build them once at
   * the end (a GIN build is far faster than row-by-row maintenance with fastupdate off).
   */
  rebuildIndexes?: boolean;
}) {
  const { db } = opts;
  const saved: { name: string; def: string }[] = [];
  if (opts.rebuildIndexes) {
    const r = await db.execute(
      sql`select indexname as name, indexdef as def from pg_indexes where schemaname = 'public' and tablename in ('service', 'service_care_capability') and not exists (select 1 from pg_constraint c where c.conname = indexname)`,
    );
    saved.push(...((r as unknown as { rows?: { name: string; def: string }[] }).rows ?? (r as unknown as { name: string; def: string }[])));
    for (const ix of saved) await db.execute(sql.raw(`drop index if exists "${ix.name}"`));
  }
  const batch = opts.batch ?? 500;
  const munis = generateMunicipalities(opts.seed ?? 1);
  for (let i = 0; i < munis.length; i += 500) {
    await db
      .insert(municipality)
      .values(munis.slice(i, i + 500).map((m) => ({ code: m.code, name: m.name, nameKana: m.nameKana, prefectureCode: m.prefectureCode, prefectureName: m.prefectureName })))
      .onConflictDoNothing();
  }
  const orgRng = rng((opts.seed ?? 1) + 7);
  const orgNames = ['社会福祉法人', '医療法人社団', '株式会社', '特定非営利活動法人', '合同会社'] as const;
  const orgKana = ['しゃかいふくしほうじん', 'いりょうほうじんしゃだん', 'かぶしきがいしゃ', 'とくていひえいりかつどうほうじん', 'ごうどうがいしゃ'] as const;
  const seenOrgs = new Set<number>();
  const now = Date.now();
  let offices: (typeof office.$inferInsert)[] = [];
  let services: (typeof service.$inferInsert)[] = [];
  let caps: (typeof serviceCareCapability.$inferInsert)[] = [];
  let orgs: (typeof organization.$inferInsert)[] = [];
  let done = 0;
  let serviceCount = 0;
  let serviceSeq = 0;

  const flush = async () => {
    if (orgs.length) await db.insert(organization).values(orgs).onConflictDoNothing();
    if (offices.length) await db.insert(office).values(offices);
    for (let i = 0; i < services.length; i += batch) await db.insert(service).values(services.slice(i, i + batch));
    for (let i = 0; i < caps.length; i += 2000) await db.insert(serviceCareCapability).values(caps.slice(i, i + 2000));
    orgs = [];
    offices = [];
    services = [];
    caps = [];
  };

  let n = 0;
  for (const o of generateOffices({ offices: opts.offices, municipalities: munis, seed: opts.seed })) {
    const officeId = uuidOf(1, n++);
    const hasOrg = o.sector !== 'administration' && o.sector !== 'education';
    const orgId = hasOrg ? uuidOf(2, o.organization) : null;
    let orgName: string | null = null;
    let orgNameKana: string | null = null;
    if (hasOrg) {
      const k = o.organization % orgNames.length;
      orgName = `${orgNames[k]}架空会${o.organization}`;
      orgNameKana = `${orgKana[k]}かくうかい`;
      if (!seenOrgs.has(o.organization)) {
        seenOrgs.add(o.organization);
        orgs.push({ id: orgId!, name: orgName, nameKana: orgNameKana, corporateNumber: null });
        void orgRng;
      }
    }
    offices.push({
      id: officeId,
      organizationId: orgId,
      name: o.name,
      nameKana: o.nameKana,
      sector: o.sector,
      municipalityCode: o.municipality.code,
      address: o.address,
      lat: o.lat,
      lon: o.lon,
      phone: o.phone,
      wamOfficeNumber: o.wamOfficeNumber,
    });
    const facts = {
      name: o.name,
      nameKana: o.nameKana,
      sector: o.sector,
      municipalityCode: o.municipality.code,
      municipalityName: o.municipality.name,
      prefectureName: o.municipality.prefectureName,
      address: o.address,
      lat: o.lat,
      lon: o.lon,
      organizationName: orgName,
      organizationKana: orgNameKana,
    };
    for (const s of o.services) {
      const id = uuidOf(3, serviceSeq++);
      const careHandled = s.capabilities.filter((c) => c.level === 'yes' || c.level === 'conditional').map((c) => c.careItem);
      services.push({
        id,
        officeId,
        serviceType: s.serviceType,
        capacity: s.capacity,
        vacancyCount: s.vacancyCount,
        vacancyConfirmedAt: s.vacancyConfirmedDaysAgo === null ? null : new Date(now - s.vacancyConfirmedDaysAgo * DAY - 3600_000),
        vacancyConfirmedByName: s.vacancyConfirmedDaysAgo === null ? null : '事業所職員',
        ageMin: s.ageMin,
        ageMax: s.ageMax,
        hours: s.hours,
        openSaturday: s.openSaturday,
        openSunday: s.openSunday,
        openHoliday: s.openHoliday,
        source: o.wamOfficeNumber ? 'wam' : 'manual',
        listingConfirmedAt: new Date(now - s.listingConfirmedDaysAgo * DAY),
        updatedAt: new Date(now - s.updatedDaysAgo * DAY - (serviceSeq % 86_400) * 1000),
        ...listingSearchColumns(facts, { ...s, name: null, areasServed: [], careHandled }),
      });
      for (const c of s.capabilities) caps.push({ serviceId: id, careItem: c.careItem, level: c.level, note: c.note });
      serviceCount++;
    }
    done++;
    if (offices.length >= batch) {
      await flush();
      opts.onProgress?.(done, opts.offices, serviceCount);
    }
  }
  await flush();
  opts.onProgress?.(done, opts.offices, serviceCount);
  for (const ix of saved) await db.execute(sql.raw(ix.def));
  await db.execute(sql`vacuum analyze`);
  return { offices: done, services: serviceCount, municipalities: munis.length };
}
