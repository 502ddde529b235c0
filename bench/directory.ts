// `npm run bench:directory -- [--offices 120000] [--runs 5] [--data DIR] [--db NAME] [--keep] [--only REGEX]`
//
// Loads a fictitious national-scale directory (scripts/lib/directory-generator.ts) into a fresh
// database — PGlite in memory by default (or a reusable PGlite directory with --data), a new
// PostgreSQL database when DATABASE_URL is set — starts the real app on a loopback port, and
// runs a fixed mix of searches through HTTP (GET /api/offices with an API token, sent from a
// client in a worker thread of its own — see startClient). For each
// query kind it prints p50/p95/p99 of the API beside the same search run in-process
// (searchDirectory(): the SQL and row mapping without HTTP, auth, validation and JSON), the
// ratio of the two p95s, and whether any plan of that kind contains a sequential scan of the
// service table (EXPLAIN of the filter and of the facet query).
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { count, sql } from 'drizzle-orm';
import { loadGeneratedDirectory } from '../scripts/lib/load-directory.js';
import { createScratchDatabase } from './lib/scratch-database.js';
import { startServer } from '../src/server/boot.js';
import { openDatabase, optimizeEmbeddedEngine, type Database } from '../src/server/db/client.js';
import { service } from '../src/server/db/schema/index.js';
import { createUser } from '../src/server/features/admin/users.js';
import { createApiToken } from '../src/server/features/auth/api-tokens.js';
import { searchDirectory } from '../src/server/features/directory/search-directory.js';
import { loadEnv } from '../src/server/env.js';
import { createLogger } from '../src/server/lib/logger.js';
import { DirectorySearchQuerySchema } from '../src/shared/contracts/directory.js';
import { TOKATSU_MUNICIPALITIES } from '../src/shared/domain/municipalities.js';

const { values } = parseArgs({
  options: {
    offices: { type: 'string', default: '120000' },
    runs: { type: 'string', default: '5' },
    data: { type: 'string' },
    keep: { type: 'boolean' },
    only: { type: 'string' },
    /** Print the plan of every statement of every variant on stderr. */
    plans: { type: 'boolean' },
    /** PostgreSQL: reuse this already loaded database instead of creating one. */
    db: { type: 'string' },
    /** PGlite with --data: copy the loaded directory into memory before measuring. */
    'in-memory': { type: 'boolean' },
  },
});
const OFFICES = Number(values.offices);
const RUNS = Number(values.runs);
const url = process.env.DATABASE_URL;

async function openBenchDatabase(): Promise<{ database: Database; fresh: boolean; drop: () => Promise<void>; label: string }> {
  // The embedded engine as `npm start` runs it: compiled fully optimised (optimizeEmbeddedEngine).
  if (!url) optimizeEmbeddedEngine();
  if (url && values.db) {
    const u = new URL(url);
    u.pathname = `/${values.db}`;
    const database = await openDatabase({ url: u.toString(), poolMax: 10 });
    return { database, fresh: false, label: `PostgreSQL (${values.db}, reused)`, drop: () => database.close() };
  }
  if (url) {
    const scratch = await createScratchDatabase(url, { prefix: 'tsunagu_bench', poolMax: 10, keep: values.keep });
    return { database: scratch.database, fresh: true, label: `PostgreSQL (${scratch.name})`, drop: scratch.drop };
  }
  const reuse = values.data && existsSync(values.data);
  if (reuse && values['in-memory']) {
    const onDisk = await openDatabase({ dataDir: values.data });
    const dump = await onDisk.pglite!.dumpDataDir('none');
    await onDisk.close();
    const database = await openDatabase({ loadDataDir: dump });
    return { database, fresh: false, label: `PGlite (memory, copied from ${values.data})`, drop: () => database.close() };
  }
  const database = await openDatabase(values.data ? { dataDir: values.data } : {});
  return { database, fresh: !reuse, label: `PGlite (${values.data ?? 'memory'})`, drop: () => database.close() };
}

type Params = Record<string, string>;
const cityHalls = TOKATSU_MUNICIPALITIES.map((m) => m.cityHall);

function kinds(munis: string[]): { kind: string; variants: Params[] }[] {
  const near = (r: number) => cityHalls.map((h) => ({ near: `${h.lat},${h.lon}`, radius_km: String(r) }));
  return [
    { kind: 'q: 1 文字', variants: ['柏', '森', '光', '旭', '港', '結', '南', '松'].map((q) => ({ q })) },
    { kind: 'q: 2 文字', variants: ['看護', '短期', '薬局', '相談', '病院', '歯科', '就労', '療養'].map((q) => ({ q })) },
    { kind: 'q: 3 文字以上', variants: ['訪問看護', 'ショートステイ', '就労支援', 'ひだまり訪問', 'グループホーム', '医療型短期', '在宅クリニック', '特別支援学校'].map((q) => ({ q })) },
    { kind: 'q: かな・半角', variants: ['ほうもんかんご', 'ひだまり', 'ﾎｳﾓﾝｶﾝｺﾞ', 'しょーとすてい', 'ザイタク', 'とくべつしえん', 'ﾆｼﾞｲﾛ', 'そよかぜ'].map((q) => ({ q })) },
    { kind: 'municipality', variants: munis.slice(0, 8).map((m) => ({ municipality: m })) },
    { kind: 'municipality ×3', variants: [0, 3, 6, 9].map((i) => ({ municipality: munis.slice(i, i + 3).join(',') })) },
    { kind: 'sector', variants: ['medical', 'education', 'administration', 'welfare'].map((sector) => ({ sector })) },
    { kind: 'service', variants: ['24', '65', '63', 'home_nursing', 'hospital', 'medical_short_stay', '66', 'special_school'].map((s) => ({ service: s })) },
    { kind: 'care', variants: ['ventilator', 'suction', 'tube_feeding', 'central_venous', 'dialysis', 'seizure_care', 'stoma', 'oxygen'].map((care) => ({ care })) },
    { kind: 'care ×2', variants: [['ventilator', 'suction'], ['tube_feeding', 'feeding_pump'], ['oxygen', 'seizure_care'], ['dialysis', 'injection']].map((c) => ({ care: c.join(',') })) },
    { kind: 'age', variants: ['0', '3', '5', '8', '12', '16', '20', '40'].map((age) => ({ age })) },
    { kind: 'open', variants: ['sat', 'sun', 'holiday', 'sat,sun', 'sat,holiday'].map((open) => ({ open })) },
    { kind: 'vacancy', variants: [{ vacancy: 'true' }, { vacancy: 'true', sort: 'updated' }, { vacancy: 'true', sort: 'name' }] },
    { kind: 'near 5 km', variants: near(5) },
    { kind: 'near 20 km', variants: near(20) },
    {
      kind: 'combined',
      variants: [
        { q: '訪問', care: 'suction', vacancy: 'true' },
        { service: '24', municipality: munis.slice(0, 5).join(','), care: 'ventilator' },
        { ...near(10)[0]!, care: 'tube_feeding', open: 'sat' },
        { q: '放課後', age: '10', open: 'sat', vacancy: 'true' },
        { sector: 'medical', care: 'ventilator,suction', municipality: munis.slice(0, 10).join(',') },
        { service: '65,63', age: '5', care: 'suction', ...near(20)[1]! },
      ],
    },
    { kind: 'browse (no filter)', variants: [{}, { sort: 'updated' }, { sort: 'name' }] },
    { kind: 'page 2 (facets=false)', variants: [{ service: '65', facets: 'false' }, { care: 'suction', facets: 'false' }, { q: '看護', facets: 'false' }] },
  ];
}

/**
 * The HTTP client runs in a worker thread of its own, as a browser or an integrator's script
 * would be a separate program: its fetch, socket reads and JSON parsing do not take turns with
 * the server on one event loop (on PGlite the server's thread also runs the database engine).
 * The worker times each request from send to parsed body. One retry on a reset connection:
 * after a slow step (the plans) the server may close an idle keep-alive socket just as it is
 * reused; a retried request is rare and shows up as a slow run.
 */
const CLIENT_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ id, url, token }) => {
  const init = { headers: { authorization: 'Bearer ' + token } };
  const t = performance.now();
  try {
    let res;
    try { res = await fetch(url, init); }
    catch (e) { if (e?.cause?.code !== 'ECONNRESET') throw e; res = await fetch(url, init); }
    const body = await res.json();
    parentPort.postMessage({ id, ms: performance.now() - t, status: res.status, totalExact: body.totalExact === true, error: res.status === 200 ? null : JSON.stringify(body) });
  } catch (e) {
    parentPort.postMessage({ id, ms: NaN, status: 0, totalExact: false, error: String(e) });
  }
});`;

type ClientAnswer = { id: number; ms: number; status: number; totalExact: boolean; error: string | null };

function startClient() {
  const worker = new Worker(CLIENT_SOURCE, { eval: true });
  const waiting = new Map<number, (a: ClientAnswer) => void>();
  let next = 0;
  worker.on('message', (a: ClientAnswer) => {
    waiting.get(a.id)?.(a);
    waiting.delete(a.id);
  });
  return {
    get(url: string, token: string): Promise<ClientAnswer> {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, url, token });
      });
    },
    close: () => worker.terminate(),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function main() {
  const env = loadEnv({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    TSUNAGU_SECRET: randomBytes(32).toString('hex'),
    TSUNAGU_DEMO: '0',
    REQUIRE_2FA: '0',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: 'tmp/no-web-build',
    // Background jobs off: they are not part of a search, and on the embedded database they
    // share its one connection — the hourly analytics snapshot of a national directory takes
    // seconds, and whichever search arrives meanwhile waits (docs/performance.md).
    MAIL_SWEEP_SECONDS: '0',
    EVENT_REMINDER_SWEEP_SECONDS: '0',
    REFERRAL_SWEEP_SECONDS: '0',
    EVACUATION_TICK_SECONDS: '0',
    ANALYTICS_SNAPSHOT_TICK_SECONDS: '0',
    DATA_DIR: 'tmp/bench-env',
    ...(url ? { DATABASE_URL: url } : {}),
    ...(process.env.DIRECTORY_COUNT_CAP ? { DIRECTORY_COUNT_CAP: process.env.DIRECTORY_COUNT_CAP } : {}),
  });
  const bench = await openBenchDatabase();
  const { database } = bench;
  try {
    await database.migrate();
    if (bench.fresh) {
      const t0 = performance.now();
      const r = await loadGeneratedDirectory({
        db: database.db,
        offices: OFFICES,
        rebuildIndexes: true,
        onProgress: (d, total, s) => {
          if (d % 20000 === 0 || d === total) console.error(`  読み込み ${d.toLocaleString()} / ${total.toLocaleString()} 事業所、${s.toLocaleString()} サービス（${((performance.now() - t0) / 1000).toFixed(0)} 秒）`);
        },
      });
      console.error(`読み込み完了: ${r.services.toLocaleString()} サービス / ${r.offices.toLocaleString()} 事業所（${((performance.now() - t0) / 1000).toFixed(0)} 秒、索引の作成を含む）`);
    }
    const [{ n: services } = { n: 0 }] = await database.db.select({ n: count() }).from(service);
    const munis = (
      await database.db
        .select({ code: service.municipalityCode, n: count() })
        .from(service)
        .groupBy(service.municipalityCode)
        .orderBy(sql`count(*) desc`)
        .limit(40)
    ).map((r) => r.code);

    const running = await startServer(env, { database, logger: createLogger('silent') });
    const base = running.url.replace('localhost', '127.0.0.1');
    const u = await createUser({ db: database.db, audit: { label: 'bench' }, input: { email: `bench-${randomBytes(3).toString('hex')}@bench.example`, name: 'ベンチ', password: randomBytes(12).toString('hex'), roles: ['viewer'], municipalityCode: null, officeIds: [] } });
    const { token } = await createApiToken({ db: database.db, audit: { label: 'bench' }, userId: u.id, name: 'bench', expiresAt: null });
    const settings = env.directory;
    const client = startClient();

    const rows: string[][] = [];
    const header = ['query kind', 'n', 'API p50', 'API p95', 'API p99', 'raw p50', 'raw p95', 'raw p99', 'API/raw p95', 'exact', 'seq scan', 'load 1m'];
    const loadStart = loadavg();
    const only = values.only ? new RegExp(values.only) : null;
    for (const { kind, variants } of kinds(munis)) {
      if (only && !only.test(kind)) continue;
      const api: number[] = [];
      const raw: number[] = [];
      let exact = 0;
      let seq = false;
      for (const v of variants) {
        const qs = new URLSearchParams({ limit: '20', ...v }).toString();
        const query = DirectorySearchQuerySchema.parse(v);
        // Plans: every statement the search itself runs (count/facets and page), as the planner
        // chooses them — the search sets no planner options (decision 006).
        const plans: string[] = [];
        await searchDirectory({ db: database.db, query, limit: 20, settings, plans });
        if (plans.some((p) => /Seq Scan on service\b/.test(p))) seq = true;
        if (values.plans) console.error(`-- ${qs}\n${plans.join('\n--\n')}\n`);
        // Warm-up, then measured runs, API and raw interleaved.
        await client.get(`${base}/api/offices?${qs}`, token);
        await searchDirectory({ db: database.db, query, limit: 20, settings });
        for (let i = 0; i < RUNS; i++) {
          const res = await client.get(`${base}/api/offices?${qs}`, token);
          if (res.status !== 200) throw new Error(`${qs}: HTTP ${res.status} ${res.error}`);
          api.push(res.ms);
          if (i === 0 && res.totalExact) exact++;
          const t = performance.now();
          await searchDirectory({ db: database.db, query, limit: 20, settings });
          raw.push(performance.now() - t);
        }
      }
      const f = (x: number) => x.toFixed(1);
      rows.push([kind, String(api.length), f(pct(api, 50)), f(pct(api, 95)), f(pct(api, 99)), f(pct(raw, 50)), f(pct(raw, 95)), f(pct(raw, 99)), (pct(api, 95) / pct(raw, 95)).toFixed(2), `${exact}/${variants.length}`, seq ? 'YES' : 'no', loadavg()[0]!.toFixed(1)]);
      console.error(`  ${kind}: API p95 ${f(pct(api, 95))} ms（load ${loadavg()[0]!.toFixed(1)}）`);
    }
    await client.close();
    await running.close();

    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
    const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
    console.log(`\n${bench.label}: ${services.toLocaleString()} services, ${RUNS} runs per variant, times in ms (count cap ${settings.countCap.toLocaleString()}); ${new Date().toISOString()}`);
    console.log(`load average (1/5/15 min) at start ${fmtLoad(loadStart)}, at end ${fmtLoad(loadavg())} on ${cpus().length} cores; "load 1m" = 1-minute load average after each kind\n`);
    console.log(line(header));
    console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
    for (const r of rows) console.log(line(r));
  } finally {
    await bench.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
