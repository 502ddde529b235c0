// Where material bytes live (decision 007): in the `event_material.content` column (default;
// backups carry them) or as files in a configured directory (MATERIAL_STORAGE=directory,
// MATERIAL_DIR, default DATA_DIR/materials). Files are named by a random key, never by the
// uploaded name, written to a temporary name and renamed (a crash leaves no half file under
// the real key), readable only by the server's user, and checked against the stored SHA-256
// on every read. Size and type checks happen before either store is touched (materials.ts).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError, notFound } from '../../lib/errors.js';

export interface MaterialStorageConfig {
  kind: 'database' | 'directory';
  dir: string;
}

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

function fileOf(cfg: MaterialStorageConfig, key: string): string {
  // Keys are ours (random), but a row edited by hand must still not reach outside the directory.
  if (!KEY.test(key)) throw new AppError('INTERNAL', '資料の保存場所が不正です。');
  return path.join(cfg.dir, key);
}

/** Writes the bytes under a new random key and returns the key. */
export async function writeMaterialFile(cfg: MaterialStorageConfig, bytes: Buffer): Promise<string> {
  await mkdir(cfg.dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(24).toString('base64url');
  const target = fileOf(cfg, key);
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
  await rename(tmp, target);
  return key;
}

/** Reads a stored file and checks it is the one uploaded (404 when gone, 500 when altered). */
export async function readMaterialFile(cfg: MaterialStorageConfig, key: string, sha256: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(fileOf(cfg, key));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('資料のファイル');
    throw e;
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new AppError('INTERNAL', '資料のファイルが保存後に変更されています。管理者に連絡してください。');
  return bytes;
}

/** Removes stored files (already gone is fine). */
export async function removeMaterialFiles(cfg: MaterialStorageConfig, keys: (string | null)[]): Promise<void> {
  for (const key of keys) if (key) await rm(fileOf(cfg, key), { force: true });
}
