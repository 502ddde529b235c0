// Admin commands. Each takes parsed arguments and a context, writes human-readable lines (or
// JSON) to `out`, and returns an exit code. The same functions run in the CLI process or, when
// the embedded database is held by a running server, inside that server (see main.ts).
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../shared/contracts/auth.js';
import type { Database } from '../server/db/client.js';
import { office } from '../server/db/schema/index.js';
import type { Env } from '../server/env.js';
import { createUser, disableUser, enableUser, findUserByEmail, listUsers, resetTwoFactor } from '../server/features/admin/users.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../server/features/auth/api-tokens.js';
import { backupDatabase, restoreDatabase } from '../server/features/backup/backup.js';
import { importWam, wamSourceFromPath, type WamImportReport } from '../server/features/directory/import-wam.js';
import { seedDemo, seedMunicipalities } from '../server/demo/seed-demo.js';
import { verifyAuditChain, type AuditContext } from '../server/lib/audit.js';
import { AppError, validationError } from '../server/lib/errors.js';
import { CreateUserSchema } from '../shared/contracts/users.js';
import { useJapaneseZodMessages } from '../shared/contracts/zod-messages.js';
import { randomBytes } from 'node:crypto';
import { snapshotAnalytics } from '../server/features/analytics/snapshots.js';
import { tokyoDate } from '../shared/dates.js';

export interface CliContext {
  database: Database;
  env: Env;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CommandSpec {
  summary: string;
  usage: string;
  /** Can run inside the running server (embedded database held by it). */
  viaServer: boolean;
  run: (args: string[], ctx: CliContext) => Promise<number>;
}

const CLI_AUDIT: AuditContext = { label: `cli:${process.env.USER ?? 'operator'}` };

class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
function opts<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function userByEmail(ctx: CliContext, email: string | undefined) {
  if (!email) throw new UsageError('メールアドレスを指定してください');
  const u = await findUserByEmail(ctx.database.db, email);
  if (!u) throw new AppError('NOT_FOUND', `アカウントが見つかりません: ${email}`);
  return u;
}

export const COMMANDS: Record<string, CommandSpec> = {
  'db:migrate': {
    summary: 'マイグレーションを適用する',
    usage: 'db:migrate',
    viaServer: true,
    run: async (_a, ctx) => {
      await ctx.database.migrate();
      ctx.out('マイグレーションを適用しました。');
      return 0;
    },
  },
  'user:create': {
    summary: 'アカウントを作成する（パスワード省略時は生成して表示）',
    usage: 'user:create --email EMAIL --name 氏名 --role ROLE[,ROLE] [--kana よみ] [--password PW] [--municipality 12207] [--office 事業所名またはID]…',
    viaServer: true,
    run: async (args, ctx) => {
      const { values } = opts(args, {
        email: { type: 'string' },
        name: { type: 'string' },
        kana: { type: 'string' },
        role: { type: 'string', multiple: true },
        password: { type: 'string' },
        municipality: { type: 'string' },
        office: { type: 'string', multiple: true },
      });
      if (!values.email || !values.name || !values.role?.length) throw new UsageError('--email, --name, --role は必須です');
      const roles = values.role.flatMap((r) => r.split(',')).map((r) => r.trim());
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new UsageError(`不明な役割: ${bad.join(', ')}（使える役割: ${ROLES.join(', ')}）`);
      const officeIds: string[] = [];
      for (const o of values.office ?? []) {
        const [row] = await ctx.database.db.select({ id: office.id }).from(office).where(eq(office.id, o));
        const [byName] = row ? [row] : await ctx.database.db.select({ id: office.id }).from(office).where(eq(office.name, o));
        if (!byName) throw new AppError('NOT_FOUND', `事業所が見つかりません: ${o}`);
        officeIds.push(byName.id);
      }
      const generated = !values.password;
      const password = values.password ?? randomBytes(12).toString('base64url');
      // The same contract as the admin API: a malformed email or reading is refused here too.
      const input = CreateUserSchema.safeParse({ email: values.email, name: values.name, nameKana: values.kana, password, roles, municipalityCode: values.municipality ?? null, officeIds });
      if (!input.success) throw validationError(input.error, CreateUserSchema);
      const u = await createUser({ db: ctx.database.db, audit: CLI_AUDIT, input: input.data });
      ctx.out(`アカウントを作成しました: ${u.email}（${u.roles.join(', ')}）`);
      if (generated) ctx.out(`初期パスワード: ${password}  ※この表示は一度だけです。本人に安全な方法で伝えてください。`);
      return 0;
    },
  },
  'user:list': {
    summary: 'アカウントの一覧（--json で機械可読）',
    usage: 'user:list [--json] [--role ROLE]',
    viaServer: true,
    run: async (args, ctx) => {
      const { values } = opts(args, { json: { type: 'boolean' }, role: { type: 'string' } });
      const all = [];
      let cursor: string | undefined;
      do {
        const page = await listUsers({ db: ctx.database.db, limit: 200, cursor, role: values.role as Role | undefined });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      if (values.json) {
        ctx.out(
          JSON.stringify(
            all.map((u) => ({ email: u.email, name: u.name, roles: u.roles, offices: u.offices.map((o) => o.name), municipality: u.municipalityCode, disabled: u.disabled, twoFactorEnabled: u.twoFactorEnabled })),
            null,
            2,
          ),
        );
      } else {
        for (const u of all)
          ctx.out(`${u.disabled ? '[無効] ' : ''}${u.email}\t${u.name}\t${u.roles.join(',')}\t${u.municipalityCode ?? '-'}\t${u.offices.map((o) => o.name).join('・') || '-'}\t2FA:${u.twoFactorEnabled ? '有' : '無'}`);
        ctx.out(`${all.length} 件`);
      }
      return 0;
    },
  },
  'user:disable': {
    summary: 'アカウントを無効化する（セッション終了・トークン失効）',
    usage: 'user:disable EMAIL [--reason 理由]',
    viaServer: true,
    run: async (args, ctx) => {
      const { values, positionals } = opts(args, { reason: { type: 'string' } });
      const u = await userByEmail(ctx, positionals[0]);
      await disableUser({ db: ctx.database.db, audit: CLI_AUDIT, id: u.id, reason: values.reason });
      ctx.out(`無効化しました: ${u.email}（全セッションを終了し、API トークンを失効しました）`);
      return 0;
    },
  },
  'user:enable': {
    summary: '無効化したアカウントを有効に戻す',
    usage: 'user:enable EMAIL',
    viaServer: true,
    run: async (args, ctx) => {
      const u = await userByEmail(ctx, opts(args, {}).positionals[0]);
      await enableUser({ db: ctx.database.db, audit: CLI_AUDIT, id: u.id });
      ctx.out(`有効にしました: ${u.email}`);
      return 0;
    },
  },
  'user:reset-2fa': {
    summary: '二要素認証をリセットする（次回ログイン時に再登録）',
    usage: 'user:reset-2fa EMAIL',
    viaServer: true,
    run: async (args, ctx) => {
      const u = await userByEmail(ctx, opts(args, {}).positionals[0]);
      await resetTwoFactor({ db: ctx.database.db, audit: CLI_AUDIT, id: u.id });
      ctx.out(`二要素認証をリセットしました: ${u.email}`);
      return 0;
    },
  },
  'token:create': {
    summary: '個人用 API トークンを発行する（表示は一度だけ）',
    usage: 'token:create --user EMAIL --name 名前 [--days 日数]',
    viaServer: true,
    run: async (args, ctx) => {
      const { values } = opts(args, { user: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' } });
      if (!values.name) throw new UsageError('--name は必須です');
      const u = await userByEmail(ctx, values.user);
      if (u.banned) throw new AppError('CONFLICT', '無効化されたアカウントにはトークンを発行できません。');
      const days = values.days ? Number(values.days) : undefined;
      if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new UsageError('--days は 1〜3650 の整数です');
      const t = await createApiToken({ db: ctx.database.db, audit: CLI_AUDIT, userId: u.id, name: values.name, expiresAt: days ? new Date(Date.now() + days * 86400_000) : null });
      ctx.out(t.token);
      ctx.err(`API トークンを発行しました（${u.email}、id ${t.id}）。上の値は二度と表示されません。`);
      return 0;
    },
  },
  'token:list': {
    summary: 'API トークンの一覧',
    usage: 'token:list --user EMAIL',
    viaServer: true,
    run: async (args, ctx) => {
      const u = await userByEmail(ctx, opts(args, { user: { type: 'string' } }).values.user);
      for (const t of await listApiTokens({ db: ctx.database.db, userId: u.id }))
        ctx.out(`${t.id}\t${t.name}\t${t.prefix}…\t${t.revokedAt ? '失効' : '有効'}\t作成 ${t.createdAt.toISOString()}`);
      return 0;
    },
  },
  'token:revoke': {
    summary: 'API トークンを失効させる',
    usage: 'token:revoke --user EMAIL --id TOKEN_ID',
    viaServer: true,
    run: async (args, ctx) => {
      const { values } = opts(args, { user: { type: 'string' }, id: { type: 'string' } });
      const u = await userByEmail(ctx, values.user);
      if (!values.id) throw new UsageError('--id は必須です');
      await revokeApiToken({ db: ctx.database.db, audit: CLI_AUDIT, userId: u.id, tokenId: values.id });
      ctx.out('失効させました。');
      return 0;
    },
  },
  'audit:verify': {
    summary: 'アクセスログのハッシュチェーンを検証する（改ざんがあれば終了コード 1）',
    usage: 'audit:verify',
    viaServer: true,
    run: async (_a, ctx) => {
      const r = await verifyAuditChain(ctx.database.db, (n) => ctx.err(`  ${n} 行を確認…`));
      if (r.ok) {
        ctx.out(`アクセスログは正常です（${r.checked} 行、ハッシュチェーンに切れ目なし）。`);
        return 0;
      }
      ctx.out(`改ざんを検出しました: 行 ${r.firstBreak!.id} — ${r.firstBreak!.reason}（それ以前の ${r.checked} 行は正常）`);
      return 1;
    },
  },
  'db:backup': {
    summary: 'データベースをファイルにバックアップする（両方のデータベースで同じ形式）',
    usage: 'db:backup FILE',
    viaServer: true,
    run: async (args, ctx) => {
      const file = opts(args, {}).positionals[0];
      if (!file) throw new UsageError('保存先のファイル名を指定してください');
      const s = await backupDatabase({ database: ctx.database, file: path.resolve(file), audit: CLI_AUDIT });
      const rows = s.tables.reduce((a, t) => a + t.rows, 0);
      ctx.out(`バックアップしました: ${s.file}（${s.tables.length} テーブル、${rows} 行、マイグレーション ${s.migrations}）`);
      return 0;
    },
  },
  'db:restore': {
    summary: 'バックアップから復元する（空でないデータベースには --force が必要）',
    usage: 'db:restore FILE [--force]',
    viaServer: false,
    run: async (args, ctx) => {
      const { values, positionals } = opts(args, { force: { type: 'boolean' } });
      const file = positionals[0];
      if (!file) throw new UsageError('バックアップファイルを指定してください');
      const r = await restoreDatabase({ database: ctx.database, file: path.resolve(file), audit: CLI_AUDIT, force: values.force, onProgress: () => undefined });
      ctx.out(`復元しました（${r.tables.length} テーブル、${r.tables.reduce((a, t) => a + t.rows, 0)} 行）。`);
      return 0;
    },
  },
  'import:wam': {
    summary: 'WAM NET オープンデータ CSV（1 ファイル 1 サービス種別、UTF-8/Shift_JIS）を取り込む。誤りのある行があれば何も変更しない',
    usage: 'import:wam FILE… [--municipality 12207]… [--allow-rejections] [--dry-run] [--json]',
    viaServer: true,
    run: async (args, ctx) => {
      const { values, positionals } = opts(args, {
        municipality: { type: 'string', multiple: true },
        'allow-rejections': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (!positionals.length) throw new UsageError('取り込む CSV ファイルを指定してください');
      const municipalities = (values.municipality ?? []).flatMap((m) => m.split(',')).map((m) => m.trim()).filter(Boolean);
      const bad = municipalities.filter((m) => !/^\d{5}$/.test(m));
      if (bad.length) throw new UsageError(`市区町村コードは 5 桁の数字です: ${bad.join(', ')}`);
      await seedMunicipalities(ctx.database.db); // reference data, as at server start
      const started = Date.now();
      const report = await importWam({
        db: ctx.database.db,
        sources: positionals.map((p) => wamSourceFromPath(path.resolve(p))),
        audit: CLI_AUDIT,
        actorLabel: CLI_AUDIT.label ?? 'cli',
        municipalities,
        allowRejections: values['allow-rejections'],
        dryRun: values['dry-run'],
        onProgress: (p) => ctx.err(`  ${p.file}: ${p.rows.toLocaleString('ja-JP')} 行を処理…（${((Date.now() - started) / 1000).toFixed(1)} 秒）`),
      });
      if (values.json) ctx.out(JSON.stringify(report, null, 2));
      else for (const line of formatWamReport(report)) ctx.out(line);
      return report.status === 'failed' ? 1 : 0;
    },
  },
  'analytics:snapshot': {
    summary: '地域分析の月次スナップショットを取る（同じ月はやり直しても1つ）',
    usage: 'analytics:snapshot [--month YYYY-MM]（省略時は今月）',
    viaServer: true,
    run: async (args, ctx) => {
      const { values } = opts(args, { month: { type: 'string' } });
      const month = values.month ?? tokyoDate().slice(0, 7);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError('月は YYYY-MM の形式で指定してください');
      const s = await snapshotAnalytics({ db: ctx.database.db, config: ctx.env.analytics, month });
      ctx.out(`スナップショットを取りました: ${s.month}（基準日 ${s.asOf}、${s.rows} 行）。`);
      return 0;
    },
  },
  'demo:seed': {
    summary: '空のデータベースに架空のデモ地域を投入する',
    usage: 'demo:seed',
    viaServer: true,
    run: async (_a, ctx) => {
      const r = await seedDemo(ctx.database.db);
      ctx.out(r.seeded ? `デモデータを投入しました（${r.accounts.length} アカウント）。` : 'データベースが空ではないため、デモデータは投入しませんでした。');
      return 0;
    },
  },
};

export function formatWamReport(r: WamImportReport): string[] {
  const head =
    r.status === 'succeeded' ? 'WAM NET の取り込みが完了しました。' : r.status === 'dry_run' ? '確認のみ（--dry-run）: 何も変更していません。' : '取り込みに失敗しました。何も変更していません。';
  const lines = [head];
  for (const f of r.files) lines.push(`  ${f.file}: ${f.rows} 行（${f.encoding}${f.serviceType ? `、種別 ${f.serviceType}` : ''}）`);
  lines.push(`  サービス: 追加 ${r.inserted} / 更新 ${r.updated} / 変更なし ${r.unchanged} / 不採用 ${r.rejected} / 対象外 ${r.skipped}`);
  lines.push(`  事業所: 追加 ${r.officesInserted} / 更新 ${r.officesUpdated}`);
  for (const x of r.rejections) lines.push(`  不採用 ${x.file} ${x.line} 行目${x.column ? `「${x.column}」` : ''}: ${x.reason}`);
  if (r.rejected > r.rejections.length) lines.push(`  …ほか ${r.rejected - r.rejections.length} 行`);
  if (r.error) lines.push(`  ${r.error}`);
  if (r.id) lines.push(`  取込記録 ID: ${r.id}`);
  return lines;
}

/** Runs one command; usage and expected errors become messages and exit code 2/1. */
export async function runCommand(name: string, args: string[], ctx: CliContext): Promise<number> {
  useJapaneseZodMessages();
  const spec = COMMANDS[name];
  if (!spec) {
    ctx.err(helpText());
    return 2;
  }
  try {
    return await spec.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`使い方: npm run cli -- ${spec.usage}\n${e.message}`);
      return 2;
    }
    if (e instanceof AppError) {
      ctx.err(`エラー: ${e.message}${e.fields.length ? '\n' + e.fields.map((f) => `  - ${f.message}`).join('\n') : ''}`);
      return 1;
    }
    throw e;
  }
}

export function helpText(): string {
  return ['tsunagu 管理コマンド: npm run cli -- <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`)].join('\n');
}
