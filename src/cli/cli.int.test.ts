// The real CLI as an operator runs it, next to a running server that holds the embedded
// database: commands go through the server, and a restore is refused with an instruction to
// stop the server first. Embedded database only (skipped on the PostgreSQL project).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, demoEmail } from '../server/demo/demo-data.js';

const TSX = path.resolve('node_modules/.bin/tsx');
const onPglite = process.env.TEST_DB !== 'pg';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
    s.on('error', reject);
  });
}

describe.skipIf(!onPglite)('the CLI beside a running server', () => {
  let dir: string;
  let port: number;
  let server: ChildProcess | undefined;
  let serverLog = '';
  let env: NodeJS.ProcessEnv;

  /** Runs `tsx src/cli/main.ts …` to completion. */
  function runCli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(TSX, ['src/cli/main.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out, err }));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-cli-'));
    port = await freePort();
    // The operator's environment: embedded database under DATA_DIR, demo mode by default.
    env = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: path.join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WEB_DIST_DIR: path.join(dir, 'no-web') };
    server = spawn(TSX, ['src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${serverLog}`)), 200_000);
      const check = () => {
        if (serverLog.includes('起動しました')) {
          clearTimeout(timer);
          resolve();
        }
      };
      server!.stdout!.on('data', check);
      server!.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${serverLog}`));
      });
    });
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the demo accounts through the running server', async () => {
    const r = await runCli('user:list', '--json');
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as { email: string; roles: string[] }[];
    expect(list.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => demoEmail(u.local)).sort());
  }, 60_000);

  it('issues a token through the server that the server accepts', async () => {
    const admin = DEMO_USERS.find((u) => u.roles.includes('admin'))!;
    const r = await runCli('token:create', '--user', demoEmail(admin.local), '--name', 'cli test');
    expect(r.code, r.err).toBe(0);
    const res = await fetch(`http://127.0.0.1:${port}/api/me`, { headers: { authorization: `Bearer ${r.out.trim()}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe(demoEmail(admin.local));
  }, 60_000);

  it('refuses db:restore while the server runs, telling the operator to stop it', async () => {
    const r = await runCli('db:restore', path.join(dir, 'whatever.jsonl.gz'), '--force');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('サーバーを停止');
    expect(r.out).toBe('');
    // The server is unharmed.
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  }, 60_000);
});
