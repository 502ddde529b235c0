// The HTTP application: middleware in the order a request meets it, then every feature's routes.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { useJapaneseZodMessages } from '../shared/contracts/zod-messages.js';
import type { AppEnv, Deps } from './deps.js';
import { adminRoutes } from './features/admin/admin.routes.js';
import { regionRoutes } from './features/admin/region.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { directoryRoutes } from './features/directory/directory.routes.js';
import { WAM_UPLOAD_PATH, wamImportRoutes } from './features/directory/wam-import.routes.js';
import { hsdsRoutes } from './features/directory/hsds.routes.js';
import { meRoutes } from './features/auth/me.routes.js';
import { eventRoutes, MATERIAL_UPLOAD_PATH } from './features/events/events.routes.js';
import { publicEventRoutes } from './features/events/events.public.routes.js';
import { notificationRoutes } from './features/notifications/notifications.routes.js';
import { surveyRoutes } from './features/surveys/surveys.routes.js';
import { consultationRoutes } from './features/consultations/consultations.routes.js';
import { glossaryRoutes } from './features/glossary/glossary.routes.js';
import { publicSurveyRoutes } from './features/surveys/surveys.public.routes.js';
import { peopleRoutes } from './features/people/people.routes.js';
import { referralRoutes } from './features/referrals/referrals.routes.js';
import { clientRoutes } from './features/clients/clients.routes.js';
import { planRoutes } from './features/plans/plans.routes.js';
import { evacuationRoutes } from './features/evacuation/evacuation.routes.js';
import { analyticsRoutes } from './features/analytics/analytics.routes.js';
import { resolveActor } from './features/auth/resolve-actor.js';
import { platformRoutes, renderApiDocsPage, renderApiDocsScript } from './features/platform/platform.routes.js';
import { writeAudit } from './lib/audit.js';
import { AppError, toProblem } from './lib/errors.js';
import { isDatabaseUnavailable, pgCode } from './lib/db-errors.js';

/** Paths under /api reachable without a session or token. */
const PUBLIC_API = [
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs(\.js)?$/,
  /^\/api\/auth\//,
  // Network activities for people outside the network (public registration form, survey links,
  // calendar feeds). Each route there authorises by an unguessable token and is rate-limited;
  // see features/events/events.public.routes.ts and docs/decisions/007-network-activities.md.
  /^\/api\/public\//,
];
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
/** Reachable by an account that still has to enrol two-factor (to enrol, or to sign out). */
const TWO_FACTOR_EXEMPT = [/^\/api\/me$/];

export function createApp(deps: Deps) {
  useJapaneseZodMessages();
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", 'https:'],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    }),
  );

  app.use('*', async (c, next) => {
    c.set('clientIp', clientIpOf(c, deps.env.trustProxy));
    c.set('audit', {
      ip: c.get('clientIp'),
      userAgent: c.req.header('user-agent') ?? null,
      requestId: c.get('requestId'),
    });
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/'))
      deps.logger.info(
        { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
        'request',
      );
  });

  // One body limit for every API call, except the two uploads: event materials get the material
  // size limit (plus room for the multipart envelope; the upload service checks the file size
  // again), national WAM NET files (4–15 MB) the WAM upload limit. Exactly one limit applies to a
  // request: a second, smaller one would refuse a material the first allowed.
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `送信データが大きすぎます（上限 ${maxSize >= 1024 * 1024 ? `${Math.round(maxSize / 1024 / 1024)} MB` : `${Math.round(maxSize / 1024)} KB`}）。`);
      },
    });
  const apiBodyLimit = limitTo(deps.env.bodyLimitBytes);
  const materialBodyLimit = limitTo(deps.env.materialMaxBytes + 64 * 1024);
  const wamBodyLimit = limitTo(deps.env.directory.wamUploadMaxBytes);
  app.use('/api/*', (c, next) =>
    (c.req.method === 'POST' && MATERIAL_UPLOAD_PATH.test(c.req.path) ? materialBodyLimit : c.req.path === WAM_UPLOAD_PATH ? wamBodyLimit : apiBodyLimit)(c, next),
  );

  // Authentication for every API path except the public ones.
  app.use('/api/*', async (c, next) => {
    if (PUBLIC_API.some((re) => re.test(c.req.path))) return next();
    const resolution = await resolveActor(deps, c.req.raw.headers, c.get('audit'));
    if (!resolution) throw new AppError('UNAUTHENTICATED');
    // Only a session cookie rides along on a forged cross-site request; a token never does.
    // Checked once the session is known, so the denial names whose browser was used and
    // anonymous requests cannot fill the access log.
    if (resolution.actor.via === 'session' && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
      c.set('audit', resolution.actor.audit);
      rejectCrossSite(c, deps.env.trustedOrigins);
    }
    if (resolution.twoFactorPending && !TWO_FACTOR_EXEMPT.some((re) => re.test(c.req.path))) {
      throw new AppError('TWO_FACTOR_REQUIRED', 'この役割では二要素認証が必須です。アカウント設定で認証アプリを登録してください。');
    }
    c.set('actor', resolution.actor);
    c.set('audit', resolution.actor.audit);
    await next();
  });

  // A write's body must be JSON: a JSON validator given another type would see `{}` and, for a
  // PATCH, report success without changing anything.
  app.use('/api/*', async (c, next) => {
    // RFC 9112 §6.3: a request has a body when it declares a length or a transfer coding.
    const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding') !== undefined;
    // The one multipart route (file upload) validates its own form.
    // The two upload routes (event materials: multipart; WAM NET CSV) validate their own bodies.
    const type = c.req.header('content-type') ?? '';
    const isUpload =
      c.req.method === 'POST' &&
      ((MATERIAL_UPLOAD_PATH.test(c.req.path) && /^multipart\/form-data/i.test(type)) || c.req.path === WAM_UPLOAD_PATH);
    if (hasBody && !isUpload && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && !JSON_TYPE.test(c.req.header('content-type') ?? ''))
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'JSON 形式（Content-Type: application/json）で送信してください。');
    await next();
  });

  app.route('/api/auth', authRoutes(deps));
  app.route('/api', platformRoutes(deps));
  app.route('/api', meRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api', regionRoutes(deps));
  app.route('/api/admin', auditRoutes(deps));
  app.route('/api', notificationRoutes(deps));
  app.route('/api', eventRoutes(deps));
  app.route('/api', surveyRoutes(deps));
  app.route('/api', consultationRoutes(deps));
  app.route('/api', glossaryRoutes(deps));
  app.route('/api/public', publicEventRoutes(deps));
  app.route('/api/public', publicSurveyRoutes(deps));
  app.route('/api', peopleRoutes(deps));
  app.route('/api', referralRoutes(deps));
  app.route('/api', clientRoutes(deps));
  app.route('/api', planRoutes(deps));
  app.route('/api', directoryRoutes(deps));
  app.route('/api/admin', wamImportRoutes(deps));
  app.route('/api/hsds', hsdsRoutes(deps));
  app.route('/api', evacuationRoutes(deps));
  app.route('/api', analyticsRoutes(deps));

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'tsunagu つなぐ API',
      version: '0.1.0',
      description:
        '医療的ケア児者の地域支援ネットワーク tsunagu の API。認証はセッション Cookie（画面）または個人用 API トークン（`Authorization: Bearer tsg_…`）。エラーは application/problem+json。一覧は `{ items, total, nextCursor }`。',
    },
    servers: [{ url: deps.env.baseUrl }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', description: '個人用 API トークン tsg_…' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' });
  app.get('/api/docs', (c) => c.html(renderApiDocsPage()));
  app.get('/api/docs.js', (c) => c.body(renderApiDocsScript(), 200, { 'content-type': 'text/javascript; charset=utf-8' }));

  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', 'この API は存在しません。');
  });

  // The web app (built by Vite) with SPA fallback to index.html. index.html is re-read when a
  // new build replaces it, so `vite build` needs no server restart.
  const dist = deps.env.webDistDir;
  const indexPath = path.join(dist, 'index.html');
  let index: { mtimeMs: number; html: string } | null = null;
  const readIndex = (): string | null => {
    const st = statSync(indexPath, { throwIfNoEntry: false });
    if (!st) return null;
    if (index?.mtimeMs !== st.mtimeMs) index = { mtimeMs: st.mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return index.html;
  };
  const root = path.relative(process.cwd(), dist) || '.';
  app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    const html = readIndex();
    if (html === null) return c.text('Web アプリが未ビルドです。`npm run build` を実行してください（API は /api/docs）。', 503);
    return c.html(html);
  });

  app.onError(async (err, c) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500 && appErr.code !== 'DATABASE_UNAVAILABLE')
      deps.logger.error({ err, reqId: c.get('requestId') }, 'unhandled error');
    if (appErr.code === 'DATABASE_UNAVAILABLE') deps.logger.warn({ reqId: c.get('requestId'), err: String(err) }, 'database unavailable');
    else if (pgCode(err)?.startsWith('22')) deps.logger.warn({ reqId: c.get('requestId'), err: String(err) }, 'database refused a value');
    if ((appErr.code === 'FORBIDDEN' || appErr.code === 'CSRF_REJECTED') && c.req.path.startsWith('/api/')) {
      // Permission denials are part of the access log (MHLW guideline: who tried what).
      await writeAudit(deps.db, c.get('audit') ?? {}, {
        action: 'access.denied',
        outcome: 'denied',
        entityType: 'route',
        entityId: `${c.req.method} ${c.req.path}`,
        details: { code: appErr.code, message: appErr.message },
      }).catch((e) => deps.logger.error({ err: e }, 'could not write denial to the access log'));
    }
    const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8', ...appErr.headers };
    if (appErr.code === 'DATABASE_UNAVAILABLE') headers['retry-after'] = '5';
    // c.newResponse keeps the headers set earlier in the request (X-Request-Id).
    return c.newResponse(JSON.stringify(toProblem(appErr, c.get('requestId'))), appErr.status as ContentfulStatusCode, headers);
  });

  return app;
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return new AppError('DATABASE_UNAVAILABLE', undefined, { cause: err });
  const code = pgCode(err);
  // Class 22 (data exception): a value the database cannot take, e.g. a NUL character in text
  // or a number out of range. The request is at fault, not the server.
  if (code === '22021' || code === '22P05')
    return new AppError('BAD_REQUEST', '使用できない文字（NUL 文字など）が含まれています。', { cause: err });
  if (code?.startsWith('22')) return new AppError('BAD_REQUEST', '入力値の形式または範囲が正しくありません。', { cause: err });
  if (code === '23505') return new AppError('CONFLICT', '同じ内容のデータがすでに登録されています。', { cause: err });
  if (code === '23503') return new AppError('CONFLICT', '関連するデータがあるため、この操作はできません。', { cause: err });
  if (code === '40001' || code === '40P01') return new AppError('CONFLICT', undefined, { cause: err });
  if (err instanceof HTTPException) {
    if (err.status === 400) return new AppError('BAD_REQUEST', 'リクエスト本文の JSON の形式が正しくありません。', { cause: err });
    if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    return new AppError(err.status === 401 ? 'UNAUTHENTICATED' : err.status === 403 ? 'FORBIDDEN' : err.status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', err.message || undefined);
  }
  return new AppError('INTERNAL', undefined, { cause: err });
}

/**
 * Cookie-authenticated writes must come from our own pages: the Origin (or, when a browser
 * omits it, Sec-Fetch-Site) is checked, so another site cannot post with the user's cookie.
 */
function rejectCrossSite(c: Context<AppEnv>, trusted: string[]) {
  const origin = c.req.header('origin');
  if (origin) {
    if (!trusted.includes(origin)) throw new AppError('CSRF_REJECTED');
    return;
  }
  if (c.req.header('sec-fetch-site') === 'same-origin') return;
  throw new AppError('CSRF_REJECTED', '送信元（Origin ヘッダー）を確認できないため拒否しました。');
}

function clientIpOf(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process'; // app.request() in tests has no socket
  }
}
