import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, LockHeldError, readLock } from './embedded-lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database lock', () => {
  it('creates the data directory on a first start', () => {
    const dataDir = path.join(dir, 'not', 'yet', 'there');
    const release = acquireLock(dataDir, { kind: 'server' });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'tsunagu.lock'), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'server' });
    release();
    expect(existsSync(path.join(dataDir, 'tsunagu.lock'))).toBe(false);
  });

  it('refuses a second holder while the first one lives, and takes over a lock left by a dead process', () => {
    // Our own pid never counts as "another holder", so stand in a live foreign one: pid 1.
    writeFileSync(path.join(dir, 'tsunagu.lock'), JSON.stringify({ pid: 1, kind: 'server', startedAt: '' }));
    expect(readLock(dir)).toMatchObject({ pid: 1 });
    expect(() => acquireLock(dir, { kind: 'cli' })).toThrow(LockHeldError);
    writeFileSync(path.join(dir, 'tsunagu.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, kind: 'cli', startedAt: '' }));
    expect(readLock(dir)).toBeNull();
    acquireLock(dir, { kind: 'cli' })();
  });
});
