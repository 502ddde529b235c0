// `npm start` builds the web app only when dist/web is missing or older than its sources,
// so a warm start does not pay for a Vite build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve('dist/web/index.html');
const sources = ['src/web', 'src/shared', 'vite.config.ts'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const built = existsSync(out) ? statSync(out).mtimeMs : 0;
if (built === 0 || sources.some((s) => newest(s) > built)) {
  console.log('Web アプリをビルドしています（vite build）…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
