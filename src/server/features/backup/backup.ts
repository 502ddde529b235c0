// Logical backup in one portable format for both targets: gzip'd JSON lines, table by table in
// foreign-key order. A backup taken from the embedded database restores into server PostgreSQL
// and back (the way to move a pilot onto a real server). For large production databases use
// pg_dump / PITR as docs/operations.md describes; this format favours portability.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type Database, type Db, type DbOrTx } from '../../db/client.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';

export const BACKUP_FORMAT = 'tsunagu-backup';
export const BACKUP_VERSION = 1;
/** Short-lived state that a restore need not carry: sessions end, rate limits reset. */
const EPHEMERAL_TABLES = new Set(['session', 'verification', 'rate_limit']);
const BATCH = 2000;

interface TableInfo {
  name: string;
  columns: string[];
  orderBy: string[];
}

const rowsOf = <T>(result: unknown): T[] => ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Public tables in an order where every table comes after those it references. */
export async function listTables(db: DbOrTx): Promise<TableInfo[]> {
  const tables = rowsOf<{ tablename: string }>(
    await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => r.tablename);
  const edges = rowsOf<{ child: string; parent: string }>(
    await db.execute(sql`
      select c.relname as child, p.relname as parent
      from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public'`),
  );
  const cols = rowsOf<{ table_name: string; column_name: string; is_generated: string; ordinal_position: number }>(
    await db.execute(sql`
      select table_name, column_name, is_generated, ordinal_position from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`),
  );
  const pks = rowsOf<{ table: string; col: string }>(
    await db.execute(sql`
      select c.relname as "table", a.attname as col
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
      where i.indisprimary and n.nspname = 'public'`),
  );
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, depth = 0) => {
    if (seen.has(t) || depth > 50) return;
    seen.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, depth + 1);
    ordered.push(t);
  };
  tables.forEach((t) => visit(t));
  return ordered.map((name) => {
    const columns = cols.filter((c) => c.table_name === name && c.is_generated !== 'ALWAYS').map((c) => c.column_name);
    const pk = pks.filter((p) => p.table === name).map((p) => p.col);
    return { name, columns, orderBy: pk.length ? pk : columns.slice(0, 1) };
  });
}

async function migrationLevel(db: DbOrTx): Promise<number> {
  try {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    return row?.n ?? 0;
  } catch {
    return 0;
  }
}

export interface BackupSummary {
  file: string;
  tables: { name: string; rows: number }[];
  migrations: number;
}

/**
 * Writes the whole database to `file`. A backup holds every client's record, so taking one is
 * logged like any other read of client data: the row is written before the snapshot (so the
 * backup carries its own row and a restored database shows where it came from), and a backup
 * that fails is logged as such, since a partial file may already exist.
 */
export async function backupDatabase(opts: { database: Database; file: string; audit: AuditContext; onProgress?: (table: string, rows: number) => void }): Promise<BackupSummary> {
  const { db } = opts.database;
  await writeAudit(db, opts.audit, { action: 'backup.create', entityType: 'database', details: { file: opts.file } });
  try {
    return await writeBackup(opts);
  } catch (error) {
    await writeAudit(db, opts.audit, {
      action: 'backup.create',
      outcome: 'failure',
      entityType: 'database',
      details: { file: opts.file, error: error instanceof Error ? error.message : String(error) },
    }).catch(() => undefined); // the original error is the one to report
    throw error;
  }
}

async function writeBackup(opts: { database: Database; file: string; onProgress?: (table: string, rows: number) => void }): Promise<BackupSummary> {
  const { db } = opts.database;
  const lines: string[] = [];
  const summary: BackupSummary = { file: opts.file, tables: [], migrations: 0 };
  // One read-only snapshot so the backup is consistent while the app keeps writing.
  await db.transaction(
    async (tx) => {
      summary.migrations = await migrationLevel(tx);
      const tables = (await listTables(tx)).filter((t) => !EPHEMERAL_TABLES.has(t.name));
      lines.push(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: summary.migrations, tables: tables.map((t) => t.name) }));
      for (const t of tables) {
        lines.push(JSON.stringify({ table: t.name, columns: t.columns }));
        let n = 0;
        for (let offset = 0; ; offset += BATCH) {
          const batch = rowsOf<{ r: unknown }>(
            await tx.execute(
              sql.raw(`select row_to_json(x) as r from (select ${t.columns.map(ident).join(', ')} from ${ident(t.name)} order by ${t.orderBy.map(ident).join(', ')} limit ${BATCH} offset ${offset}) x`),
            ),
          );
          for (const b of batch) lines.push(JSON.stringify({ r: typeof b.r === 'string' ? JSON.parse(b.r) : b.r }));
          n += batch.length;
          opts.onProgress?.(t.name, n);
          if (batch.length < BATCH) break;
        }
        summary.tables.push({ name: t.name, rows: n });
      }
      lines.push(JSON.stringify({ end: true }));
    },
    opts.database.kind === 'postgres' ? { isolationLevel: 'repeatable read', accessMode: 'read only' } : undefined,
  );
  await pipeline(Readable.from(lines.map((l) => l + '\n')), createGzip(), createWriteStream(opts.file, { mode: 0o600 })).catch((e: NodeJS.ErrnoException) => {
    throw new AppError('BAD_REQUEST', `バックアップファイルを書き込めません（${opts.file}: ${e.code ?? e.message}）。`);
  });
  return summary;
}

async function nonEmptyTables(db: Db): Promise<string[]> {
  const tables = await listTables(db);
  const out: string[] = [];
  for (const t of tables) {
    if (EPHEMERAL_TABLES.has(t.name)) continue;
    const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from (select 1 from ${ident(t.name)} limit 1) x`)));
    if ((row?.n ?? 0) > 0) out.push(t.name);
  }
  return out;
}

/** How many migrations this version of the app knows (a backup from a newer one cannot load). */
function knownMigrations(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

type BackupLine = { format?: string; version?: number; createdAt?: unknown; migrations?: number; table?: string; columns?: string[]; r?: unknown; end?: boolean };

/**
 * Reads the whole file once before anything is changed: gzip intact, every line JSON of the
 * expected shape, tables before their rows, and the end marker last. Returns the header.
 */
async function checkBackupFile(file: string): Promise<{ migrations: number; createdAt: string | null }> {
  const bad = (why: string) => new AppError('BAD_REQUEST', `バックアップファイルが壊れています（${why}）。何も復元していません。`);
  let header: { migrations: number; createdAt: string | null } | null = null;
  let inTable = false;
  let ended = false;
  let n = 0;
  for await (const line of readLines(file)) {
    n++;
    let obj: BackupLine;
    try {
      obj = JSON.parse(line) as BackupLine;
    } catch {
      if (!header) break;
      throw bad(`${n} 行目が JSON ではありません`);
    }
    if (!header) {
      if (obj?.format !== BACKUP_FORMAT) break;
      if (obj.version !== BACKUP_VERSION) throw new AppError('BAD_REQUEST', `対応していないバックアップ形式の版です（${obj.version}）。`);
      header = { migrations: Number(obj.migrations ?? 0), createdAt: typeof obj.createdAt === 'string' ? obj.createdAt : null };
      continue;
    }
    if (ended) throw bad(`終了行の後に ${n} 行目があります`);
    if (obj?.end === true) ended = true;
    else if (typeof obj?.table === 'string' && Array.isArray(obj.columns) && obj.columns.every((c) => typeof c === 'string')) inTable = true;
    else if (inTable && obj?.r && typeof obj.r === 'object') continue;
    else throw bad(`${n} 行目の形式が正しくありません`);
  }
  if (!header) throw new AppError('BAD_REQUEST', 'tsunagu のバックアップファイルではありません（先頭行を読めません）。');
  if (!ended) throw bad('途中で切れています。終了行がありません');
  return header;
}

/**
 * Empties every table inside the restore's transaction, so a failing restore rolls the
 * deletion back too. The access log's append-only triggers are switched off for this one
 * statement (ALTER TABLE is transactional: they are on again before the transaction ends).
 */
async function emptyAllTables(tx: DbOrTx) {
  const tables = (await listTables(tx)).map((t) => t.name);
  const guarded = rowsOf<{ t: string }>(
    await tx.execute(sql`
      select distinct c.relname as t from pg_trigger g join pg_class c on c.oid = g.tgrelid
      join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not g.tgisinternal`),
  ).map((r) => r.t);
  for (const t of guarded) await tx.execute(sql.raw(`alter table ${ident(t)} disable trigger user`));
  await tx.execute(sql.raw(`truncate ${tables.map(ident).join(', ')} restart identity cascade`));
  for (const t of guarded) await tx.execute(sql.raw(`alter table ${ident(t)} enable trigger user`));
}

/**
 * Restores a backup. Refuses a non-empty database unless `force`, which replaces everything
 * (the append-only log included). The file is checked completely first, and the emptying and
 * the inserts run in one transaction: a broken, truncated or too-new file changes nothing.
 * The restore itself is logged in the restored database's access log, in the same
 * transaction, as the first row after the restored ones (`backup.restore`: the file, when the
 * backup was taken, whether a non-empty database was overwritten, the rows restored) — the
 * log of the database being replaced is gone with it, so this is where the trace must live.
 * A refused or failed restore changes nothing and so writes nothing.
 */
export async function restoreDatabase(opts: { database: Database; file: string; audit: AuditContext; force?: boolean; onProgress?: (table: string, rows: number) => void }) {
  const { database } = opts;
  const header = await checkBackupFile(opts.file);
  const known = knownMigrations();
  if (header.migrations > known)
    throw new AppError('CONFLICT', `バックアップは新しい版（マイグレーション ${header.migrations}）で作られています。アプリを更新してから復元してください（現在 ${known}）。`);
  const nonEmpty = await nonEmptyTables(database.db);
  if (nonEmpty.length && !opts.force)
    throw new AppError('CONFLICT', `復元先のデータベースは空ではありません（${nonEmpty.slice(0, 5).join(', ')} など）。上書きする場合は --force を付けてください。`);
  await database.migrate();

  const counts: { name: string; rows: number }[] = [];
  await database.db.transaction(async (tx) => {
    if (nonEmpty.length) await emptyAllTables(tx);
    let current: { table: string; columns: string[] } | null = null;
    let buffer: unknown[] = [];
    let n = 0;
    const flush = async () => {
      if (!current || buffer.length === 0) return;
      const cols = current.columns.map(ident).join(', ');
      await tx.execute(sql`${sql.raw(`insert into ${ident(current.table)} (${cols}) select ${cols} from json_populate_recordset(null::${ident(current.table)}, `)}${JSON.stringify(buffer)}::json)`);
      n += buffer.length;
      opts.onProgress?.(current.table, n);
      buffer = [];
    };
    let ended = false;
    for await (const line of readLines(opts.file)) {
      const obj = JSON.parse(line) as BackupLine;
      if (obj.format) continue;
      if (obj.end) {
        ended = true;
        break;
      }
      if (obj.table) {
        await flush();
        if (current) counts.push({ name: current.table, rows: n });
        current = { table: obj.table, columns: obj.columns ?? [] };
        n = 0;
        continue;
      }
      buffer.push(obj.r);
      if (buffer.length >= BATCH) await flush();
    }
    await flush();
    if (current) counts.push({ name: current.table, rows: n });
    // The file changed since it was checked.
    if (!ended) throw new AppError('BAD_REQUEST', 'バックアップファイルが途中で切れています（end 行がありません）。何も復元していません。');
    // Serial columns continue after the restored ids (or start at 1 in an empty table).
    const serials = rowsOf<{ t: string; c: string; s: string }>(
      await tx.execute(sql`select table_name as t, column_name as c, pg_get_serial_sequence(quote_ident(table_name), column_name) as s
        from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`),
    );
    for (const s of serials)
      if (s.s) await tx.execute(sql.raw(`select setval('${s.s}', coalesce((select max(${ident(s.c)}) from ${ident(s.t)}), 1), (select count(*) > 0 from ${ident(s.t)}))`));
    await writeAudit(tx, opts.audit, {
      action: 'backup.restore',
      entityType: 'database',
      details: {
        file: opts.file,
        backupCreatedAt: header.createdAt,
        migrations: header.migrations,
        overwritten: nonEmpty.length > 0,
        tables: counts.length,
        rows: counts.reduce((a, t) => a + t.rows, 0),
      },
    });
  });
  return { tables: counts, migrations: header.migrations };
}

/**
 * The file's lines, gunzipped. `pipe()` does not pass errors on, so a missing file or a
 * truncated archive is forwarded by hand and surfaces here as a BAD_REQUEST, instead of as an
 * unhandled 'error' event that would end the process.
 */
async function* readLines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.decode(chunk, { stream: true });
      const lines = rest.split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) yield line;
    }
    rest += decoder.decode();
    if (rest.trim()) yield rest;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      'BAD_REQUEST',
      code === 'ENOENT' ? `バックアップファイルが見つかりません: ${file}` : `バックアップファイルを読めません（${(e as Error).message}）。何も復元していません。`,
    );
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}
