// PGlite is a single-process database: two processes opening one data directory would corrupt
// it. Whoever opens it (the server or the CLI) holds this lock file; the server also records
// how the CLI can reach it, so CLI commands go through the running server instead.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  kind: 'server' | 'cli';
  /** Set by the server: where its internal CLI endpoint listens, and the shared secret. */
  url?: string;
  cliToken?: string;
  startedAt: string;
}

const lockPath = (dataDir: string) => path.join(dataDir, 'tsunagu.lock');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, or null (a lock left by a dead process counts as free). */
export function readLock(dataDir: string): LockInfo | null {
  const file = lockPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

export class LockHeldError extends Error {
  constructor(readonly holder: LockInfo) {
    super(
      holder.kind === 'server'
        ? `埋め込みデータベースは起動中のサーバー（pid ${holder.pid}）が使用しています。`
        : `埋め込みデータベースは別のコマンド（pid ${holder.pid}）が使用中です。終わってからやり直してください。`,
    );
  }
}

/** Takes the lock or throws LockHeldError. Returns a release function. */
export function acquireLock(dataDir: string, info: Omit<LockInfo, 'pid' | 'startedAt'>): () => void {
  const holder = readLock(dataDir);
  if (holder) throw new LockHeldError(holder);
  const file = lockPath(dataDir);
  // A first start with TSUNAGU_SECRET set has not created the directory yet (the secret file would have).
  mkdirSync(dataDir, { recursive: true });
  rmSync(file, { force: true }); // stale
  const fd = openSync(file, 'wx', 0o600); // exclusive: two starters racing → one fails here
  writeSync(fd, JSON.stringify({ ...info, pid: process.pid, startedAt: new Date().toISOString() }));
  closeSync(fd);
  return () => {
    try {
      const cur = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
      if (cur.pid === process.pid) rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
}
