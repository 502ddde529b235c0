// Admin upload of WAM NET CSV files (the same import as `npm run cli -- import:wam`).
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { WamImportReportSchema } from '../../../shared/contracts/directory.js';
import { MunicipalityCodeSchema } from '../../../shared/contracts/region.js';
import type { AppEnv, Deps } from '../../deps.js';
import { wamImportRun } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { importWam, type WamSource } from './import-wam.js';

export const WAM_UPLOAD_PATH = '/api/admin/directory/wam-import';
const NDJSON = 'application/x-ndjson';

/** Data lines of a CSV (newline bytes less the header; 0x0A never occurs inside a Shift_JIS character). */
function dataLines(data: Uint8Array | undefined) {
  if (!data?.length) return 0;
  let n = data[data.length - 1] === 0x0a ? 0 : 1;
  for (const b of data) if (b === 0x0a) n++;
  return Math.max(0, n - 1);
}

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1').optional();

const uploadRoute = createRoute({
  method: 'post',
  path: '/directory/wam-import',
  tags: ['管理: ディレクトリ'],
  summary: 'WAM NET オープンデータ CSV の取り込み',
  description:
    '本文は CSV そのもの（Content-Type: text/csv または application/octet-stream、ファイル名は ?filename=）か、multipart/form-data の file 欄（複数可）。UTF-8（BOM 有無）と Shift_JIS を自動判定。誤りのある行が 1 行でもあれば何も変更せず status=failed（allowRejections=true で正しい行だけ取り込む）。結果は status と件数・不採用行（行番号・列・理由）の報告。Accept: application/x-ndjson なら経過を 1 行 1 件の JSON で返す（{type:"progress",rows,totalRows} を 1,000 行ごと、最後に {type:"report",report} または {type:"error",problem}）。',
  request: {
    query: z.object({
      municipality: z
        .union([z.string(), z.array(z.string())])
        .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
        .pipe(z.array(MunicipalityCodeSchema))
        .optional()
        .meta({ title: '市区町村コード', description: 'この市区町村の事業所だけ取り込む（繰り返し指定可）' }),
      allowRejections: flag.meta({ title: '誤りのある行を除いて取り込む' }),
      dryRun: flag.meta({ title: '確認のみ（変更しない）' }),
      filename: z.string().max(200).optional().meta({ title: 'ファイル名' }),
    }),
  },
  responses: {
    200: {
      description: '取り込みの報告（Accept: application/x-ndjson なら経過の行と報告）',
      content: { ...jsonResponse(WamImportReportSchema, '取り込みの報告').content, [NDJSON]: { schema: z.string().meta({ description: '1 行 1 件の JSON: progress / report / error' }) } },
    },
    ...standardErrors,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/directory/wam-imports',
  tags: ['管理: ディレクトリ'],
  summary: 'WAM NET 取り込みの記録（新しい順、50 件）',
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(z.object({ id: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), actorLabel: z.string().nullable(), files: z.array(z.string()), status: z.string(), report: z.record(z.string(), z.unknown()) })) }),
      '一覧',
    ),
    ...standardErrors,
  },
});

export function wamImportRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(uploadRoute, async (c) => {
    const actor = requirePermission(c, 'import:directory');
    const q = c.req.valid('query');
    const type = c.req.header('content-type') ?? '';
    const sources: WamSource[] = [];
    if (type.startsWith('multipart/form-data')) {
      const form = await c.req.parseBody({ all: true });
      const files = ([] as unknown[]).concat(form.file ?? []).filter((f): f is File => f instanceof File);
      for (const f of files) sources.push({ name: f.name || 'upload.csv', data: new Uint8Array(await f.arrayBuffer()) });
    } else if (type.startsWith('text/csv') || type.startsWith('application/octet-stream')) {
      sources.push({ name: q.filename ?? 'upload.csv', data: new Uint8Array(await c.req.arrayBuffer()) });
    } else {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'CSV（text/csv）または multipart/form-data で送信してください。');
    }
    if (!sources.length || sources.every((s) => !s.data?.length)) throw new AppError('BAD_REQUEST', 'CSV ファイルが空です。');
    const run = (onProgress?: (p: { file: string; rows: number }) => void) =>
      importWam({ db: deps.db, sources, audit: actor.audit, actorLabel: actor.name, municipalities: q.municipality, allowRejections: q.allowRejections, dryRun: q.dryRun, onProgress });
    if (!(c.req.header('accept') ?? '').includes(NDJSON)) return c.json(await run(), 200);
    // Progress for the upload page: one JSON object per line — `progress` (rows read so far of
    // about `totalRows`, every 1,000 rows and at each file's end), then `report` (the same
    // report as the JSON answer) or `error` (a problem, as the JSON errors).
    const totalRows = sources.reduce((n, src) => n + dataLines(src.data), 0);
    const done = new Map<string, number>();
    c.header('Content-Type', `${NDJSON}; charset=utf-8`);
    c.header('Cache-Control', 'no-store');
    // The typed handler knows only the JSON answer; the stream is the route's other 200 form.
    return stream(c, async (out) => {
      let chain = out.write(JSON.stringify({ type: 'progress', rows: 0, totalRows }) + '\n');
      const send = (o: unknown) => {
        chain = chain.then(() => out.write(JSON.stringify(o) + '\n'));
      };
      try {
        const report = await run((p) => {
          done.set(p.file, p.rows);
          send({ type: 'progress', file: p.file, rows: [...done.values()].reduce((a, b) => a + b, 0), totalRows });
        });
        send({ type: 'report', report });
      } catch (error) {
        const e = error instanceof AppError ? error : new AppError('INTERNAL', '取り込み中にエラーが発生しました。');
        if (!(error instanceof AppError)) deps.logger.error({ err: error }, 'wam import failed');
        send({ type: 'error', problem: { code: e.code, title: e.message, status: e.status } });
      }
      await chain;
    }) as unknown as ReturnType<typeof c.json<z.infer<typeof WamImportReportSchema>, 200>>;
  }, hookFor(uploadRoute));

  app.openapi(listRoute, async (c) => {
    requirePermission(c, 'import:directory');
    const rows = await deps.db.select().from(wamImportRun).orderBy(desc(wamImportRun.startedAt)).limit(50);
    return c.json({ items: rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })) }, 200);
  }, hookFor(listRoute));
  return app;
}
