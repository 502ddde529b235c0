// `npm run cli -- <command>`: runs directly on the database, or — when a running server holds
// the embedded database — sends the command to that server, which runs the same function.
import { loadEnv, EnvError } from '../server/env.js';
import { openConfiguredDatabase } from '../server/boot.js';
import { optimizeEmbeddedEngine } from '../server/db/client.js';
import { acquireLock, readLock, LockHeldError } from '../server/db/embedded-lock.js';
import { COMMANDS, helpText, runCommand } from './commands.js';

const [name, ...args] = process.argv.slice(2);
const LONG_COMMANDS = new Set(['import:wam', 'db:backup', 'db:restore', 'analytics:snapshot']);
if (!name || name === 'help' || name === '--help' || !COMMANDS[name]) {
  console.error(helpText());
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
}

async function main(): Promise<number> {
  const env = loadEnv();
  if (env.embedded) {
    const holder = readLock(env.dataDir);
    if (holder?.kind === 'server' && holder.url && holder.cliToken) {
      const res = await fetch(`${holder.url}/internal/cli`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tsunagu-cli-token': holder.cliToken },
        body: JSON.stringify({ command: name, args }),
      }).catch(() => null);
      if (!res || !res.ok) {
        console.error(`起動中のサーバー（pid ${holder.pid}）に接続できませんでした。サーバーを停止してからもう一度実行してください。`);
        return 1;
      }
      const r = (await res.json()) as { code: number; out: string[]; err: string[] };
      r.out.forEach((l) => console.log(l));
      r.err.forEach((l) => console.error(l));
      return r.code;
    }
    if (holder) throw new LockHeldError(holder);
  }
  const release = env.embedded ? acquireLock(env.dataDir, { kind: 'cli' }) : () => undefined;
  // Long commands on the embedded database run optimised code (~2.5 s to compile, decision 006).
  if (env.embedded && LONG_COMMANDS.has(name!)) optimizeEmbeddedEngine();
  const database = await openConfiguredDatabase(env);
  try {
    if (name !== 'db:restore') await database.migrate();
    return await runCommand(name!, args, { database, env, out: (l) => console.log(l), err: (l) => console.error(l) });
  } finally {
    await database.close();
    release();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e) => {
    if (e instanceof EnvError || e instanceof LockHeldError) {
      console.error(e.message);
      process.exit(1);
    }
    console.error(e);
    process.exit(1);
  });
