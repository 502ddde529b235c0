// Prepares a migrated template once per run, so each test file gets a fresh database in
// milliseconds: a PGlite data-dir dump, or a PostgreSQL template database.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import type { TestProject } from 'vitest/node';

export const TEMPLATE_DUMP = path.resolve('tmp/test/pglite-template.tar.gz');

export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB ?? process.env.TEST_DB;
  if (kind === 'pg') {
    const url = project.config.env?.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
    } catch (e) {
      throw new Error(`PostgreSQL に接続できません（${url}）。統合テストには PostgreSQL 15 以上が必要です: ${(e as Error).message}`);
    }
    const tpl = `tsunagu_tpl_${process.pid}`;
    await admin.query(`drop database if exists ${tpl}`);
    // C.UTF-8 ctype: pg_trgm needs a UTF-8 ctype or Japanese trigrams come out empty.
    await admin.query(`create database ${tpl} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
    const u = new URL(url);
    u.pathname = `/${tpl}`;
    const db = await openDatabase({ url: u.toString(), poolMax: 1 });
    await db.migrate();
    await db.close();
    project.provide('pgTemplate', tpl);
    return async () => {
      // Drop leftovers of this run (files drop their own databases; crashes may leave some).
      // Only this run's: other runs may share the PostgreSQL server.
      const rows = await admin.query(`select datname from pg_database where datname like $1 or datname = $2`, [`tsunagu_t_${process.pid}\\_%`, tpl]);
      for (const r of rows.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`).catch(() => undefined);
      await admin.end();
    };
  }
  const db = await openDatabase({});
  await db.migrate();
  const dump = await db.pglite!.dumpDataDir('gzip');
  mkdirSync(path.dirname(TEMPLATE_DUMP), { recursive: true });
  writeFileSync(TEMPLATE_DUMP, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteDump', TEMPLATE_DUMP);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteDump: string;
  }
}
