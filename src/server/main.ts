// `npm start`: configuration → database → migrations → demo data (embedded) → listen.
import { loadEnv, EnvError } from './env.js';
import { startServer } from './boot.js';
import { optimizeEmbeddedEngine } from './db/client.js';
import { LockHeldError } from './db/embedded-lock.js';
import { DEMO_PASSWORD } from './demo/demo-data.js';

const started = performance.now();
try {
  const env = loadEnv();
  if (env.embedded) optimizeEmbeddedEngine();
  const running = await startServer(env);
  const ms = Math.round(performance.now() - started);
  console.log(`\ntsunagu つなぐ を起動しました: ${running.url}  （${ms} ms、データベース: ${env.embedded ? `埋め込み PGlite ${env.pgliteDir}` : 'PostgreSQL'}）`);
  if (running.demoAccounts) {
    console.log(`\n■ デモモード（架空のデータ）${running.seeded ? ' — デモデータを投入しました' : ''}`);
    console.log(`  デモアカウント（パスワードは全員 ${DEMO_PASSWORD}、デモモードでは二要素認証の登録を省略できます）:`);
    for (const a of running.demoAccounts) console.log(`   - ${a.email.padEnd(44)} ${a.roles.join(',').padEnd(24)} ${a.note}`);
  }
  console.log(`\n  API リファレンス: ${running.url}/api/docs   停止: Ctrl+C\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} を受け取りました。停止します…`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
  if (e instanceof EnvError || e instanceof LockHeldError) {
    console.error(e.message);
    if (e instanceof LockHeldError) console.error('すでに起動しているサーバーを使うか、停止してから起動してください。');
    process.exit(1);
  }
  throw e;
}
