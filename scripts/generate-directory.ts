// `npm run generate -- --offices 120000 [--seed 42]`: fills the configured database (DATABASE_URL,
// or the embedded one under DATA_DIR) with a fictitious national-scale directory for load tests.
// Refuses a database that already has offices unless --force. Every row is invented.
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { openConfiguredDatabase } from '../src/server/boot.js';
import { optimizeEmbeddedEngine } from '../src/server/db/client.js';
import { office } from '../src/server/db/schema/index.js';
import { seedMunicipalities } from '../src/server/demo/seed-demo.js';
import { loadEnv } from '../src/server/env.js';
import { loadGeneratedDirectory } from './lib/load-directory.js';

const { values } = parseArgs({
  options: { offices: { type: 'string', default: '120000' }, seed: { type: 'string', default: '42' }, force: { type: 'boolean' } },
});
const offices = Number(values.offices);
if (!Number.isInteger(offices) || offices < 1) throw new Error('--offices は正の整数です');
const env = loadEnv();
if (env.embedded) optimizeEmbeddedEngine();
const database = await openConfiguredDatabase(env);
try {
  await database.migrate();
  await seedMunicipalities(database.db);
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(office);
  if (n > 0 && !values.force) {
    console.error(`事業所がすでに ${n} 件あります。空のデータベースに生成するか、--force を付けてください。`);
    process.exit(1);
  }
  const started = performance.now();
  const r = await loadGeneratedDirectory({
    db: database.db,
    offices,
    seed: Number(values.seed),
    rebuildIndexes: n === 0,
    onProgress: (done, total, services) => {
      if (done % 10000 === 0 || done === total) console.error(`  ${done.toLocaleString()} / ${total.toLocaleString()} 事業所、${services.toLocaleString()} サービス（${((performance.now() - started) / 1000).toFixed(0)} 秒）`);
    },
  });
  console.log(`生成しました: 事業所 ${r.offices.toLocaleString()}、サービス ${r.services.toLocaleString()}、市区町村 ${r.municipalities.toLocaleString()}（${((performance.now() - started) / 1000).toFixed(0)} 秒）`);
} finally {
  await database.close();
}
