// Prints the plans (EXPLAIN ANALYZE, row counts without timing) of every statement the directory
// search runs — the count/facet query and the first page — for a few query kinds, exactly as
// searchDirectory() issues them (no planner settings; decision 006). `tsx bench/directory-plans.ts`
// against DATABASE_URL (a loaded bench database) or `--data DIR` (a PGlite directory).
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/server/db/client.js';
import { DEFAULT_DIRECTORY_SETTINGS } from '../src/server/features/directory/listing-view.js';
import { searchDirectory } from '../src/server/features/directory/search-directory.js';
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
  const plans: string[] = [];
  await searchDirectory({ db: database.db, query: DirectorySearchQuerySchema.parse(c), limit: 20, settings: DEFAULT_DIRECTORY_SETTINGS, plans, analyze: true });
  console.log(`-- ${new URLSearchParams(c).toString() || '(no filter)'}\n${plans.join('\n--\n')}\n`);
}
await database.close();
