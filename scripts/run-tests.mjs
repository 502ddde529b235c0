// `npm test`: every test — unit, integration on PGlite and on PostgreSQL, end-to-end in
// Chromium — then one closing line "Tests: N passed, N failed, N skipped" for CI.
// Set TEST_DATABASE_URL to use another PostgreSQL (default postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('tmp/test', { recursive: true });
const runs = [
  { name: 'unit + integration', args: ['run', '--project', 'unit', '--project', 'int-pglite', '--project', 'int-pg'], out: 'tmp/test/results-main.json' },
  { name: 'end-to-end', args: ['run', '--project', 'e2e'], out: 'tmp/test/results-e2e.json', before: ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'] },
];

let passed = 0, failed = 0, skipped = 0, exit = 0;
const started = Date.now();
for (const r of runs) {
  console.log(`\n=== ${r.name} ===`);
  if (r.before) {
    const b = spawnSync(process.execPath, r.before, { stdio: 'inherit' });
    if (b.status !== 0) { exit = 1; failed++; continue; }
  }
  rmSync(r.out, { force: true });
  const res = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', ...r.args, '--reporter=default', '--reporter=json', `--outputFile.json=${r.out}`], { stdio: 'inherit' });
  if (res.status !== 0) exit = 1;
  if (existsSync(r.out)) {
    const j = JSON.parse(readFileSync(r.out, 'utf8'));
    passed += j.numPassedTests; failed += j.numFailedTests; skipped += j.numPendingTests + (j.numTodoTests ?? 0);
    if (j.numTotalTests === 0) { console.error(`${r.name}: テストが 1 件も実行されませんでした`); exit = 1; }
  } else {
    failed++;
  }
}
console.log(`\n所要時間 ${Math.round((Date.now() - started) / 1000)} 秒`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exit || (failed > 0 ? 1 : 0));
