// Prints, for a few query kinds (or the searches given with --q), each statement the directory
// search runs exactly as searchDirectory() issues it (no planner settings; decision 006):
// - by default its plan (EXPLAIN ANALYZE, row counts without timing);
// - with --time, its median time over --runs runs (a proxy around the search's transaction
//   times every statement), which is how the per-statement tables in docs/performance.md were made.
// `tsx bench/directory-plans.ts [--time] [--runs 5] [--q 'care=ventilator,suction' …]` against
// DATABASE_URL (a loaded bench database) or `--data DIR` (a PGlite directory).
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase, optimizeEmbeddedEngine, type Db } from '../src/server/db/client.js';
import { DEFAULT_DIRECTORY_SETTINGS } from '../src/server/features/directory/listing-view.js';
import { searchDirectory } from '../src/server/features/directory/search-directory.js';
import { DirectorySearchQuerySchema } from '../src/shared/contracts/directory.js';

const { values } = parseArgs({
  options: { data: { type: 'string' }, time: { type: 'boolean' }, runs: { type: 'string', default: '5' }, q: { type: 'string', multiple: true } },
});
const url = process.env.DATABASE_URL;
if (!url) optimizeEmbeddedEngine(); // as the server runs the embedded engine
const database = await openDatabase(url ? { url } : { dataDir: values.data });
const settings = { ...DEFAULT_DIRECTORY_SETTINGS, embedded: !url };
const cases: Record<string, string>[] = values.q?.map((q) => Object.fromEntries(new URLSearchParams(q))) ?? [
  { q: '柏' },
  { q: '看護' },
  { q: '訪問看護' },
  { care: 'ventilator,suction' },
  { open: 'sat', vacancy: 'true' },
  { near: '35.7877,139.9031', radius_km: '5' },
  { service: '24', municipality: '12207,12217', care: 'ventilator' },
  {},
];

/** The database with its transactions' `execute` timed statement by statement into `timings`. */
function timedDb(timings: { sql: string; ms: number[] }[]): Db {
  const dialect = new PgDialect();
  return new Proxy(database.db, {
    get(target, key) {
      if (key !== 'transaction') return Reflect.get(target, key);
      return (fn: (tx: unknown) => unknown) =>
        target.transaction(async (tx) => {
          let i = 0;
          const timed = new Proxy(tx, {
            get(t, k) {
              if (k !== 'execute') return Reflect.get(t, k);
              return async (stmt: SQL) => {
                const t0 = performance.now();
                const r = await t.execute(stmt);
                (timings[i] ??= { sql: dialect.sqlToQuery(stmt).sql.replace(/\s+/g, ' ').trim().slice(0, 110), ms: [] }).ms.push(performance.now() - t0);
                i++;
                return r;
              };
            },
          });
          return fn(timed);
        });
    },
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
for (const c of cases) {
  const label = decodeURIComponent(new URLSearchParams(c).toString()) || '(no filter)';
  const query = DirectorySearchQuerySchema.parse(c);
  if (!values.time) {
    const plans: string[] = [];
    await searchDirectory({ db: database.db, query, limit: 20, settings, plans, analyze: true });
    console.log(`-- ${label}\n${plans.join('\n--\n')}\n`);
    continue;
  }
  await searchDirectory({ db: database.db, query, limit: 20, settings }); // warm-up
  const timings: { sql: string; ms: number[] }[] = [];
  const db = timedDb(timings);
  const totals: number[] = [];
  let last: Awaited<ReturnType<typeof searchDirectory>> | undefined;
  for (let r = 0; r < Number(values.runs); r++) {
    const t0 = performance.now();
    last = await searchDirectory({ db, query, limit: 20, settings });
    totals.push(performance.now() - t0);
  }
  console.log(`-- ${label}: median ${median(totals).toFixed(1)} ms (max ${Math.max(...totals).toFixed(1)}); total ${last!.total}${last!.totalExact ? '' : ' (estimate)'}, sort ${last!.sort}`);
  for (const t of timings) console.log(`  ${median(t.ms).toFixed(1).padStart(6)} ms  ${t.sql}`);
}
await database.close();
