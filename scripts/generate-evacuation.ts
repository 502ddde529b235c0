// National-scale evacuation data for the benchmark (bench/evacuation.ts): 21,000 clients
// needing medical care at home, 6,200 of them on ventilators (DOMAIN.md §9), spread over
// 1,741 generated municipalities, with plans whose devices, batteries and backups vary the way
// families' do. Runtimes are computed by the same function a save uses (plan-view
// derivedColumns), so the benchmark queries what production would hold.
//
// Everything generated is fictitious and marked: municipality codes 9xxxx (no real code starts
// with 9), names 「生成」. Reproducible (seeded PRNG). Idempotent: refuses to add a second set;
// `--reset` removes the generated set first.
//
//   tsx scripts/generate-evacuation.ts [--url postgres://…] [--pglite <dir>] [--clients 21000] [--ventilators 6200] [--municipalities 1741] [--reset]
//   (no --url / --pglite: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/tsunagu_bench, created if missing)
import { parseArgs } from 'node:util';
import { like, sql } from 'drizzle-orm';
import pg from 'pg';
import { EvacuationPlanBodySchema, type EvacuationPlanBody } from '../src/shared/contracts/evacuation.js';
import { addMonths } from '../src/shared/calendar-date.js';
import { tokyoDate } from '../src/shared/dates.js';
import { openDatabase, optimizeEmbeddedEngine, type Database } from '../src/server/db/client.js';
import { client, evacuationConsent, evacuationPlan, evacuationPlanVersion, municipality } from '../src/server/db/schema/index.js';
import { seedMunicipalities } from '../src/server/demo/seed-demo.js';
import { withSystemContext } from '../src/server/features/clients/client-access.js';
import { derivedColumns } from '../src/server/features/evacuation/plan-view.js';

export const GENERATED_PREFIX = '9';
export const DEFAULT_BENCH_URL = 'postgres://postgres@127.0.0.1:5432/tsunagu_bench';

/** mulberry32: small, fast, good enough to spread test data; seeded for reproducibility. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Opens the target database: --pglite dir, --url / DATABASE_URL, or the local bench database (created if missing). */
export async function openTarget(opts: { url?: string; pglite?: string }): Promise<Database> {
  if (opts.pglite) {
    optimizeEmbeddedEngine();
    return openDatabase({ dataDir: opts.pglite });
  }
  const url = opts.url ?? process.env.DATABASE_URL ?? DEFAULT_BENCH_URL;
  const u = new URL(url);
  const name = u.pathname.slice(1);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`create database "${name}" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  await admin.end();
  return openDatabase({ url, poolMax: 4 });
}

interface Gen {
  rand: () => number;
  pick<T>(xs: readonly T[]): T;
  int(min: number, max: number): number;
  chance(p: number): boolean;
}

function gen(seed: number): Gen {
  const rand = prng(seed);
  return {
    rand,
    pick: (xs) => xs[Math.floor(rand() * xs.length)]!,
    int: (min, max) => min + Math.floor(rand() * (max - min + 1)),
    chance: (p) => rand() < p,
  };
}

const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ';

/** One client's plan: devices by need, batteries of varied age, backups as families own them. */
export function generatePlanBody(g: Gen, o: { onVentilator: boolean; name: string; kana: string; birthDate: string; lat: number; lon: number; address: string }): EvacuationPlanBody {
  const devices: Record<string, unknown>[] = [];
  if (o.onVentilator) {
    const nppvWithoutBattery = g.chance(0.1); // some NPPV units have no internal battery (DOMAIN.md §5)
    devices.push({
      kind: 'ventilator',
      essential: true,
      watts: g.int(35, 90),
      internalBattery: nppvWithoutBattery ? null : { hours: g.pick([3, 4, 5, 6, 8, 10, 12, 15]), ageYears: g.int(0, 7) },
      externalBatteries: g.chance(0.6) ? { count: g.int(1, 3), whEach: g.pick([95, 150, 240, 300]), ageYears: g.int(0, 5) } : null,
      manualAlternative: g.chance(0.9) ? { kind: 'resuscitation_bag' } : null,
    });
    if (g.chance(0.6)) devices.push({ kind: 'heated_humidifier', essential: true, watts: g.int(60, 150), internalBattery: null });
  }
  if (g.chance(o.onVentilator ? 0.35 : 0.25))
    devices.push({
      kind: 'oxygen_concentrator',
      essential: true,
      watts: g.int(90, 350),
      internalBattery: g.chance(0.2) ? { hours: g.pick([1, 2, 3]), ageYears: g.int(0, 5) } : null,
      manualAlternative: g.chance(0.8) ? { kind: 'oxygen_cylinder', cylinderCount: g.int(1, 4), cylinderLiters: g.pick([300, 500]), flowLpm: g.pick([0.5, 1, 2, 3]) } : null,
    });
  if (g.chance(o.onVentilator ? 0.9 : 0.55))
    devices.push({
      kind: 'suction',
      essential: true,
      watts: g.int(40, 120),
      hoursPerDay: g.pick([1, 2, 3, 4]),
      internalBattery: g.chance(0.7) ? { hours: g.pick([0.5, 1, 1.5]), ageYears: g.int(0, 6) } : null,
      manualAlternative: g.chance(0.5) ? { kind: 'foot_suction' } : null,
    });
  if (g.chance(0.5)) devices.push({ kind: 'feeding_pump', essential: true, watts: g.int(3, 10), internalBattery: { hours: g.pick([8, 12, 24]), ageYears: g.int(0, 6) }, manualAlternative: g.chance(0.6) ? { kind: 'gravity_feeding' } : null });
  if (g.chance(0.7)) devices.push({ kind: 'pulse_oximeter', essential: g.chance(0.5), watts: 2, internalBattery: { hours: 24, ageYears: g.int(0, 4) } });
  if (o.onVentilator && g.chance(0.3)) devices.push({ kind: 'cough_assist', essential: false, watts: 100, hoursPerDay: 0.5 });

  const backups: Record<string, unknown>[] = [];
  if (g.chance(0.45)) backups.push({ kind: 'portable_power', capacityWh: g.pick([300, 500, 700, 1000, 1500, 2000]), ratedWatts: g.pick([200, 300, 500, 1000, 1500]), pureSine: g.chance(0.9), ageYears: g.int(0, 5) });
  if (g.chance(0.08)) backups.push({ kind: 'storage_battery', capacityWh: g.pick([5000, 7000, 10000]), ratedWatts: g.pick([1500, 2000, 3000]), pureSine: true, ageYears: g.int(0, 8) });
  if (g.chance(0.3)) backups.push({ kind: 'car', ratedWatts: g.pick([100, 150, 1500]), pureSine: g.chance(0.4), fuelHours: g.pick([10, 15, 20, 30, 40]) });
  if (g.chance(0.08)) backups.push({ kind: 'generator', ratedVA: g.pick([850, 900, 1600]), pureSine: g.chance(0.85), fuelHours: g.pick([4, 8, 12, 24]) });

  return EvacuationPlanBodySchema.parse({
    register: { name: o.name, nameKana: o.kana, birthDate: o.birthDate, sex: g.pick(['female', 'male']), address: o.address, phone: `090-${g.int(1000, 9999)}-${g.int(1000, 9999)}` },
    location: g.chance(0.9) ? { lat: o.lat, lon: o.lon } : null,
    supportReason: o.onVentilator ? '人工呼吸器を使用しており、自力での避難が困難。' : '医療的ケアが必要で、自力での避難が困難。',
    supporters: [
      { name: `${o.name.split(' ')[0]} 保護者`, relation: '母', phone: `090-${g.int(1000, 9999)}-${g.int(1000, 9999)}`, role: '本人の移動・機器の運搬' },
      ...(g.chance(0.8) ? [{ name: '近所 支援者', relation: '近所', phone: `080-${g.int(1000, 9999)}-${g.int(1000, 9999)}`, role: '安否確認', livesNearby: true }] : []),
    ],
    destination: { kind: g.pick(['home', 'home', 'welfare_shelter', 'hospital', 'designated_shelter']), name: '生成 避難先', transport: [g.pick(['car', 'welfare_vehicle', 'wheelchair', 'stretcher', 'buggy'])] },
    medicalContacts: [{ kind: 'device_dealer', name: '生成 医療機器', phone: '0120-000-000', available24h: true }],
    medications: [{ name: '生成 薬', stockDays: g.int(0, 14) }],
    powerRegistration: { registered: g.chance(0.5) },
    devices,
    backups,
  });
}

export async function generateEvacuationData(database: Database, o: { clients: number; ventilators: number; municipalities: number; reset: boolean; log: (s: string) => void }) {
  const { db } = database;
  await database.migrate();
  await seedMunicipalities(db);
  const existing = await withSystemContext(db, (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(client).where(like(client.municipalityCode, `${GENERATED_PREFIX}%`)));
  if ((existing[0]?.n ?? 0) > 0) {
    if (!o.reset) {
      o.log(`生成済みのデータがあります（${existing[0]!.n}人）。作り直すときは --reset を付けてください。`);
      return false;
    }
    await withSystemContext(db, (tx) => tx.delete(client).where(like(client.municipalityCode, `${GENERATED_PREFIX}%`)));
    o.log('生成済みのデータを削除しました。');
  }
  const g = gen(20261125);
  // Municipalities: 9 + 4 digits; a centre somewhere in Japan's main islands.
  const munis = Array.from({ length: o.municipalities }, (_, i) => ({
    code: `${GENERATED_PREFIX}${String(i + 1).padStart(4, '0')}`,
    name: `生成市${String(i + 1).padStart(4, '0')}`,
    nameKana: 'せいせいし',
    prefectureCode: String(1 + (i % 47)).padStart(2, '0'),
    prefectureName: '（生成）',
    region: '生成',
    lat: 31.5 + g.rand() * 11,
    lon: 130.5 + g.rand() * 11,
    // a few large cities hold many clients (population is skewed)
    weight: g.chance(0.03) ? 20 : g.chance(0.2) ? 4 : 1,
  }));
  await db.insert(municipality).values(munis.map(({ lat: _lat, lon: _lon, weight: _w, ...m }) => m)).onConflictDoNothing();
  const totalWeight = munis.reduce((s, m) => s + m.weight, 0);
  const pickMuni = () => {
    let r = g.rand() * totalWeight;
    for (const m of munis) if ((r -= m.weight) <= 0) return m;
    return munis[munis.length - 1]!;
  };

  const today = tokyoDate();
  const started = performance.now();
  const BATCH = 500;
  let plans = 0;
  for (let start = 0; start < o.clients; start += BATCH) {
    const clientRows: (typeof client.$inferInsert)[] = [];
    const planRows: (typeof evacuationPlan.$inferInsert)[] = [];
    const versionRows: (typeof evacuationPlanVersion.$inferInsert)[] = [];
    const consentRows: (typeof evacuationConsent.$inferInsert)[] = [];
    for (let i = start; i < Math.min(o.clients, start + BATCH); i++) {
      const m = pickMuni();
      const id = `gen-${String(i).padStart(6, '0')}`;
      const kana = `${KANA[g.int(0, KANA.length - 1)]}${KANA[g.int(0, KANA.length - 1)]}${KANA[g.int(0, KANA.length - 1)]} ${KANA[g.int(0, KANA.length - 1)]}${KANA[g.int(0, KANA.length - 1)]}`;
      const name = `生成 ${String(i).padStart(6, '0')}`;
      const birthDate = addMonths(today, -g.int(6, 17 * 12 + 11));
      clientRows.push({ id, name, nameKana: kana, birthDate, sex: g.pick(['female', 'male']), municipalityCode: m.code });
      const onVentilator = i < o.ventilators;
      // Most ventilator users have a plan (cities start with them); fewer of the others.
      if (!g.chance(onVentilator ? 0.92 : 0.7)) continue;
      const body = generatePlanBody(g, { onVentilator, name, kana, birthDate, lat: m.lat + (g.rand() - 0.5) * 0.1, lon: m.lon + (g.rand() - 0.5) * 0.1, address: `${m.name}生成町${g.int(1, 9)}-${g.int(1, 30)}` });
      const approved = g.chance(0.65);
      const approvedAt = approved ? new Date(Date.now() - g.int(1, 420) * 86_400_000) : null;
      const planId = `genp-${String(i).padStart(6, '0')}`;
      const version = approved ? 2 : 1;
      planRows.push({
        id: planId,
        clientId: id,
        municipalityCode: m.code,
        status: approved ? 'approved' : 'draft',
        version,
        body,
        ...derivedColumns(body, { name, nameKana: kana }),
        approvedVersion: approved ? 2 : null,
        approvedAt,
        approvedByName: approved ? '生成 職員' : null,
        reviewDueOn: approvedAt ? addMonths(tokyoDate(approvedAt), 12) : null,
        updatedByName: '生成 相談支援専門員',
      });
      versionRows.push({ id: `${planId}-1`, planId, clientId: id, version: 1, event: 'save', status: 'draft', body, runtimeHours: planRows[planRows.length - 1]!.runtimeHours, byName: '生成 相談支援専門員' });
      if (g.chance(0.85))
        consentRows.push({ id: `genc-${String(i).padStart(6, '0')}`, clientId: id, recipientKind: 'city', recipientName: `${m.name} 障害福祉課`, recipientMunicipalityCode: m.code, items: ['identity', 'address', 'phone', 'reason', 'supporters', 'destination', 'medical_contacts', 'devices', 'medications', 'power_registration', 'notes'], givenBy: '生成 保護者', givenByRelation: '母', consentedOn: today, method: 'written', recordedByName: '生成 相談支援専門員' });
    }
    await withSystemContext(db, async (tx) => {
      await tx.insert(client).values(clientRows);
      if (planRows.length) await tx.insert(evacuationPlan).values(planRows);
      if (versionRows.length) await tx.insert(evacuationPlanVersion).values(versionRows);
      if (consentRows.length) await tx.insert(evacuationConsent).values(consentRows);
    });
    plans += planRows.length;
    o.log(`  ${Math.min(o.clients, start + BATCH).toLocaleString()} / ${o.clients.toLocaleString()} 人（計画 ${plans.toLocaleString()}）`);
  }
  await database.db.execute(sql.raw('analyze'));
  o.log(`生成しました: 利用者 ${o.clients.toLocaleString()} 人（人工呼吸器 ${o.ventilators.toLocaleString()} 人）、計画 ${plans.toLocaleString()} 件、市区町村 ${o.municipalities.toLocaleString()}（${Math.round(performance.now() - started)} ms）`);
  return true;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      pglite: { type: 'string' },
      clients: { type: 'string', default: '21000' },
      ventilators: { type: 'string', default: '6200' },
      municipalities: { type: 'string', default: '1741' },
      reset: { type: 'boolean', default: false },
    },
  });
  const database = await openTarget({ url: values.url, pglite: values.pglite });
  try {
    await generateEvacuationData(database, { clients: Number(values.clients), ventilators: Number(values.ventilators), municipalities: Number(values.municipalities), reset: values.reset ?? false, log: (s) => console.log(s) });
  } finally {
    await database.close();
  }
}
