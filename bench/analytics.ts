// Council analytics at national scale (issue #8 item 5): every dashboard view through the
// service (SQL + building the figures + suppression + access log) beside the raw SQL time of
// its aggregate queries, then a council report (build + PDF) and a monthly snapshot.
// Budget: each view < 1 s, report < 10 s on the 2-core machine.
//
//   tsx scripts/generate-analytics.ts       # once (PostgreSQL tsunagu_bench; builds on the other generators)
//   tsx bench/analytics.ts [--url …] [--pglite <dir>] [--runs 5]
import { parseArgs } from 'node:util';
import { ANALYTICS_SECTIONS, type AnalyticsSection } from '../src/shared/contracts/analytics.js';
import type { Actor } from '../src/server/lib/access.js';
import { loadEnv } from '../src/server/env.js';
import { resolveQuery } from '../src/server/features/analytics/area.js';
import { getAnalyticsDashboard, getAnalyticsSection, loadFacts } from '../src/server/features/analytics/analytics-views.js';
import { createCouncilReport, renderCouncilReportPdf } from '../src/server/features/analytics/council-report.js';
import { snapshotAnalytics } from '../src/server/features/analytics/snapshots.js';
import { openTarget } from '../scripts/generate-evacuation.js';

const { values } = parseArgs({ options: { url: { type: 'string' }, pglite: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const config = loadEnv({ ...process.env, NODE_ENV: 'test' }).analytics;

async function time(fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
}

const database = await openTarget({ url: values.url, pglite: values.pglite });
const { db } = database;
await database.migrate();
const actor: Actor = { userId: 'genu-1', email: 'bench@example.invalid', name: 'ベンチ', roles: ['coordinator'], municipalityCode: null, officeIds: [], via: 'session', audit: { label: 'bench:analytics' } };
const fmt = (n: number) => n.toFixed(0).padStart(7);
try {
  console.log(`地域分析ベンチ（${database.pglite ? 'PGlite' : 'PostgreSQL'}、中央値 / 最大 ms、${RUNS} 回）`);
  console.log('view                      area     service(med/max)   raw SQL(med/max)  budget');
  let worst = 0;
  for (const area of ['region', 'all']) {
    const r = await resolveQuery(db, { area });
    for (const section of ANALYTICS_SECTIONS as readonly AnalyticsSection[]) {
      const svc = await time(() => getAnalyticsSection({ db, actor, config, section, query: { area } }));
      const raw = await time(() => loadFacts(db, r, [section], config));
      worst = Math.max(worst, svc.median);
      console.log(`${section.padEnd(25)} ${area.padEnd(8)} ${fmt(svc.median)} /${fmt(svc.max)}   ${fmt(raw.median)} /${fmt(raw.max)}   ${svc.median < 1000 ? 'ok' : 'OVER 1 s'}`);
    }
    const dash = await time(() => getAnalyticsDashboard({ db, actor, config, query: { area } }));
    console.log(`${'dashboard (all sections)'.padEnd(25)} ${area.padEnd(8)} ${fmt(dash.median)} /${fmt(dash.max)}`);
  }
  const t = performance.now();
  const report = await createCouncilReport({ db, actor, config, input: { area: 'region', sections: [...ANALYTICS_SECTIONS] } });
  const built = performance.now() - t;
  const pdf = await renderCouncilReportPdf({ db, actor, config, id: report.id });
  const total = performance.now() - t;
  console.log(`report (region, all sections): build ${built.toFixed(0)} ms + PDF ${(total - built).toFixed(0)} ms = ${total.toFixed(0)} ms, ${(pdf.body.length / 1024).toFixed(0)} KiB  ${total < 10_000 ? 'ok' : 'OVER 10 s'}`);
  const s0 = performance.now();
  const snap = await snapshotAnalytics({ db, config, month: new Date().toISOString().slice(0, 7) });
  console.log(`snapshot (every municipality): ${(performance.now() - s0).toFixed(0)} ms, ${snap.rows} rows`);
  console.log(`slowest view median: ${worst.toFixed(0)} ms`);
} finally {
  await database.close();
}
