// A fresh PostgreSQL database for a benchmark run, created with the encoding and ctype Japanese
// trigram search needs (README: C.UTF-8, template0), and dropped afterwards unless kept.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.js';

async function admin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `url`: any database of the server (the new one is created beside it). */
export async function createScratchDatabase(url: string, opts: { prefix: string; poolMax: number; keep?: boolean }): Promise<{ database: Database; name: string; drop: () => Promise<void> }> {
  const name = `${opts.prefix}_${randomBytes(4).toString('hex')}`;
  await admin(url, `create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolMax: opts.poolMax });
  return {
    database,
    name,
    drop: async () => {
      await database.close();
      if (opts.keep) return console.error(`データベース ${name} を残しました。`);
      await admin(url, `drop database if exists ${name} with (force)`);
    },
  };
}
