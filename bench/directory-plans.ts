// Prints the plans of the directory search (count/facet query and first page) for a few query
// kinds, with the planner settings the search uses. `tsx bench/directory-plans.ts` against
// DATABASE_URL (a loaded bench database) or `--data DIR` (a PGlite directory).
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { service } from '../src/server/db/schema/index.js';
import { buildSearchConditions } from '../src/server/features/directory/search-directory.js';
import { DEFAULT_DIRECTORY_SETTINGS } from '../src/server/features/directory/listing-view.js';
import { DirectorySearchQuerySchema } from '../src/shared/contracts/directory.js';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: values.data });
const cases: Record<string, string>[] = [
  { q: '柏' },
  { q: '看護' },
  { q: '訪問看護' },
  { care: 'ventilator,suction' },
  { open: 'sat', vacancy: 'true' },
  { near: '35.7877,139.9031', radius_km: '5' },
  { service: '24', municipality: '12207,12217', care: 'ventilator' },
  {},
];
for (const c of cases) {
  const where = buildSearchConditions(DirectorySearchQuerySchema.parse(c), DEFAULT_DIRECTORY_SETTINGS).where;
  for (const [label, stmt] of [
    ['count/facets', sql`explain (analyze, costs off, timing off, summary off) select count(*) from (select ${service.municipalityCode} from ${service} where ${where} limit 10001) m`],
    ['page (name order)', sql`explain (analyze, costs off, timing off, summary off) select ${service.id} from ${service} where ${where} order by ${service.sortKana}, ${service.id} limit 21`],
  ] as const) {
    const r = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local jit = off`);
      return tx.execute(stmt);
    });
    const lines = ((r as unknown as { rows?: Record<string, string>[] }).rows ?? (r as unknown as Record<string, string>[])).map((x) => Object.values(x)[0]);
    console.log(`-- ${new URLSearchParams(c).toString() || '(no filter)'} — ${label}\n${lines.join('\n')}\n`);
  }
}
await database.close();
