// Outage simulation at national scale: how long "after N hours without power, who runs out
// first" takes over every generated plan (scripts/generate-evacuation.ts: 21,000 clients,
// 6,200 on ventilators), through the service and as raw SQL beside it.
//
//   tsx scripts/generate-evacuation.ts            # once (PostgreSQL tsunagu_bench)
//   tsx bench/evacuation.ts [--url …] [--pglite <dir>] [--runs 7]
//
// Prints median and max wall-clock per case (after one warm-up run). Timings include the
// transfer of every row to Node (the national 72 h case returns ~10k rows).
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { eq, like, sql } from 'drizzle-orm';
import { EvacuationPlanBodySchema } from '../src/shared/contracts/evacuation.js';
import { computeRuntime } from '../src/shared/domain/power-runtime.js';
import { tokyoDate } from '../src/shared/dates.js';
import type { Database } from '../src/server/db/client.js';
import { evacuationPlan, user } from '../src/server/db/schema/index.js';
import type { Actor } from '../src/server/lib/access.js';
import { withSystemContext } from '../src/server/features/clients/client-access.js';
import { rowsOf } from '../src/server/features/clients/sql-rows.js';
import { querySimulation, simulateOutage } from '../src/server/features/evacuation/simulate-outage.js';
import { GENERATED_PREFIX, openTarget } from '../scripts/generate-evacuation.js';

const { values } = parseArgs({ options: { url: { type: 'string' }, pglite: { type: 'string' }, runs: { type: 'string', default: '7' } } });
const RUNS = Number(values.runs);
const OUTAGES = [3, 12, 24, 72];

const RAW_NATIONAL = `
  select p.client_id, p.name, p.name_kana, p.municipality_code, p.runtime_hours, p.summary, p.lat, p.lon, p.status, p.review_due_on
  from evacuation_plan p
  where p.runtime_hours is not null and p.runtime_hours < $1
    and exists (select 1 from evacuation_consent ec where ec.client_id = p.client_id and ec.recipient_kind = 'city' and ec.revoked_at is null
                and (ec.expires_on is null or ec.expires_on >= $2) and ec.recipient_municipality_code = p.municipality_code)
  order by p.runtime_hours, p.name_kana, p.client_id`;
const RAW_CITY = RAW_NATIONAL.replace('where p.runtime_hours is not null', 'where p.municipality_code = $3 and p.runtime_hours is not null');

async function raw(database: Database, text: string, params: unknown[]): Promise<number> {
  if (database.pglite) return (await database.pglite.query(text, params)).rows.length;
  return (await database.pool!.query(text, params)).rowCount ?? 0;
}

async function time(fn: () => Promise<number>): Promise<{ median: number; max: number; rows: number }> {
  let rows = await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]!, rows };
}

const database = await openTarget({ url: values.url, pglite: values.pglite });
try {
  const { db } = database;
  const [counts] = rowsOf<{ plans: number; powered: number; consented: number; ventilators: number }>(
    await withSystemContext(db, (tx) =>
      tx.execute(sql`select count(*)::int as plans, count(runtime_hours)::int as powered,
        (select count(*)::int from evacuation_consent where recipient_kind = 'city') as consented,
        count(*) filter (where body->'devices' @> '[{"kind":"ventilator"}]')::int as ventilators
        from evacuation_plan`),
    ),
  );
  if (!counts?.plans) throw new Error('計画がありません。先に `tsx scripts/generate-evacuation.ts` を実行してください。');
  const [big] = await withSystemContext(db, (tx) =>
    tx
      .select({ code: evacuationPlan.municipalityCode, n: sql<number>`count(*)::int` })
      .from(evacuationPlan)
      .where(like(evacuationPlan.municipalityCode, `${GENERATED_PREFIX}%`))
      .groupBy(evacuationPlan.municipalityCode)
      .orderBy(sql`count(*) desc`)
      .limit(1),
  );
  // An official of the largest municipality (no password: the bench calls the service directly).
  const officialId = `bench-official-${big!.code}`;
  const [have] = await db.select({ id: user.id }).from(user).where(eq(user.id, officialId));
  if (!have) await db.insert(user).values({ id: officialId, name: 'ベンチ 職員', email: `${officialId}@bench.tsunagu.example`, role: 'official', municipalityCode: big!.code });
  const actor: Actor = { userId: officialId, email: '', name: 'ベンチ 職員', roles: ['official'], municipalityCode: big!.code, officeIds: [], via: 'token', audit: { label: 'bench' } };
  const today = tokyoDate();

  // Shared machines: the load says how far to trust the figures.
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`evacuation bench — ${database.kind}, ${RUNS} runs after a warm-up (median / max ms); ${cpus().length} CPUs, load average (1/5/15 min) ${load()}`);
  console.log(`data: ${counts.plans.toLocaleString()} plans (${counts.powered.toLocaleString()} with powered essential devices, ${counts.ventilators.toLocaleString()} with a ventilator), ${counts.consented.toLocaleString()} city consents; largest municipality ${big!.code} with ${big!.n} plans`);
  const lines: string[] = [];
  const report = (label: string, r: { median: number; max: number; rows: number }) => {
    const line = `${label.padEnd(58)} ${r.median.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}   ${String(r.rows).padStart(6)} rows`;
    lines.push(line);
    console.log(line);
  };
  console.log(`${'case'.padEnd(58)} ${'median'.padStart(8)} ${'max'.padStart(8)}`);
  for (const h of OUTAGES) {
    report(`national ${h} h — raw SQL`, await time(() => raw(database, RAW_NATIONAL, [h, today])));
    report(`national ${h} h — querySimulation (drizzle, system)`, await time(() => withSystemContext(db, async (tx) => (await querySimulation(tx, { outageHours: h, municipalityCodes: null, circle: null, requireCityConsent: true, today })).length)));
  }
  for (const h of [12, 72]) {
    report(`city ${big!.code} ${h} h — raw SQL`, await time(() => raw(database, RAW_CITY, [h, today, big!.code])));
    report(`city ${big!.code} ${h} h — simulateOutage as official (RLS, log)`, await time(async () => (await simulateOutage({ db, actor, query: { outageHours: h } })).rows.length));
  }
  report(`circle 30 km ${big!.code} 24 h — simulateOutage as official`, await time(async () => {
    const [c] = await withSystemContext(db, (tx) => tx.select({ lat: evacuationPlan.lat, lon: evacuationPlan.lon }).from(evacuationPlan).where(sql`${evacuationPlan.municipalityCode} = ${big!.code} and ${evacuationPlan.lat} is not null`).limit(1));
    return (await simulateOutage({ db, actor, query: { outageHours: 24, lat: c!.lat!, lon: c!.lon!, radiusKm: 30 } })).rows.length;
  }));

  // What precomputing saves: the model over every plan body, as a request-time design would run it.
  const bodies = await withSystemContext(db, (tx) => tx.select({ body: evacuationPlan.body }).from(evacuationPlan));
  const parsed = bodies.map((b) => EvacuationPlanBodySchema.parse(b.body));
  report('computeRuntime over every plan (JS, no database)', await time(async () => parsed.map((b) => computeRuntime(b)).length));

  console.log(`load average at the end (1/5/15 min): ${load()}`);
  if (database.pool) {
    const plan = await database.pool.query(`explain (analyze, buffers off) ${RAW_NATIONAL}`, [72, today]);
    console.log('\nEXPLAIN ANALYZE national 72 h (first lines):');
    for (const r of plan.rows.slice(0, 6)) console.log(`  ${(r as Record<string, string>)['QUERY PLAN']}`);
  }
} finally {
  await database.close();
}
