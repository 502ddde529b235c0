// Public (no session) endpoints for people outside the network: the registration form behind an
// event's public link, the e-mailed cancel link, and personal calendar feeds. Abuse protection:
// per-IP rate limit on writes, a small body limit, a honeypot field, capacity and duplicate
// detection (registrations.ts). Everything is JSON; nothing is rendered as HTML.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { EVENT_KIND_LABELS, PARTICIPANT_ROLE_LABELS, PARTICIPANT_ROLES, PublicEventSchema, PublicRegisterSchema, PublicRegistrationResultSchema } from '../../../shared/contracts/events.js';
import { TOKATSU_MUNICIPALITIES } from '../../../shared/domain/municipalities.js';
import type { AppEnv, Deps } from '../../deps.js';
import { event, eventRegistration } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { hookFor, jsonBody, jsonResponse, ProblemSchema } from '../../lib/openapi.js';
import { createRateLimiter } from '../../lib/rate-limit.js';
import { renderCalendarFeed } from './calendar-feed.js';
import { seatsLeft } from './capacity.js';
import { acceptingRegistrations } from './events.js';
import { cancelByToken, registerPublic } from './registrations.js';

/** Public forms are small: 32 KB is far more than a registration needs. */
export const PUBLIC_BODY_LIMIT = 32 * 1024;

const tags = ['公開: 行事の申込'];
const problem = (d: string) => ({ description: d, content: { 'application/problem+json': { schema: ProblemSchema } } });
const publicErrors = { 400: problem('入力内容の誤り'), 404: problem('リンクが無効'), 409: problem('重複・受付終了'), 413: problem('大きすぎる'), 429: problem('送信が多すぎる') } as const;
const Token = z.object({ token: z.string().min(10).max(100) });

const routes = {
  get: createRoute({ method: 'get', path: '/events/{token}', tags, security: [], summary: '公開リンクの行事情報（申込フォーム用）', request: { params: Token }, responses: { 200: jsonResponse(PublicEventSchema, '行事'), ...publicErrors } }),
  register: createRoute({ method: 'post', path: '/events/{token}/registrations', tags, security: [], summary: 'ネットワーク外の方の参加申込（確認メールつき。満席ならキャンセル待ち）', request: { params: Token, body: jsonBody(PublicRegisterSchema) }, responses: { 201: jsonResponse(PublicRegistrationResultSchema, '受付結果'), ...publicErrors } }),
  cancel: createRoute({ method: 'post', path: '/registrations/cancel', tags, security: [], summary: '確認メールの取り消しリンクによる申込の取り消し', request: { body: jsonBody(z.object({ token: z.string().min(10).max(100).meta({ title: '取り消しトークン' }) }).meta({ id: 'CancelRegistration' })) }, responses: { 200: jsonResponse(z.object({ cancelled: z.boolean() }), '取り消しました'), ...publicErrors } }),
  feed: createRoute({ method: 'get', path: '/calendar/{file}', tags: ['公開: カレンダー'], security: [], summary: '個人用カレンダー（iCalendar）。URL は POST /api/me/calendar-feed で発行', request: { params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }) }, responses: { 200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } }, ...publicErrors } }),
};

export function publicEventRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const limiter = createRateLimiter({ windowMs: 10 * 60_000, max: deps.env.publicFormMaxPer10Minutes });
  // Scoped to this router's paths: every router mounted at /api/public shares the prefix.
  const limit = bodyLimit({ maxSize: PUBLIC_BODY_LIMIT, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', '送信データが大きすぎます。'); } });
  app.use('/events/*', limit);
  app.use('/registrations/*', limit);

  app.openapi(routes.get, async (c) => {
    const [e] = await db.select().from(event).where(eq(event.publicToken, c.req.valid('param').token));
    if (!e || !e.publicRegistration) throw notFound('申込フォーム');
    // Seats only; names of other registrants are never exposed here.
    const [seated] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistration)
      .where(and(eq(eventRegistration.eventId, e.id), eq(eventRegistration.status, 'registered'), eq(eventRegistration.isStaff, false)));
    const n = seated?.n ?? 0;
    return c.json(
      {
        title: e.title,
        kind: e.kind,
        kindLabel: EVENT_KIND_LABELS[e.kind],
        description: e.description,
        startsAt: e.startsAt.toISOString(),
        endsAt: e.endsAt.toISOString(),
        venue: e.venue,
        isOnline: Boolean(e.onlineUrl),
        targetAudience: e.targetAudience,
        staff: e.staff,
        programme: e.programme,
        capacity: e.capacity,
        seatsLeft: seatsLeft(e.capacity, n),
        acceptingRegistrations: acceptingRegistrations(e),
        status: e.status,
        participantRoles: PARTICIPANT_ROLES.map((code) => ({ code, label: PARTICIPANT_ROLE_LABELS[code] })),
        municipalities: TOKATSU_MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name })),
      },
      200,
    );
  }, hookFor(routes.get));

  app.openapi(routes.register, async (c) => {
    limiter.hit(`register:${c.get('clientIp')}`);
    const result = await registerPublic({ db, audit: c.get('audit'), publicToken: c.req.valid('param').token, baseUrl: deps.env.baseUrl, input: c.req.valid('json') });
    return c.json(result, 201);
  }, hookFor(routes.register));

  app.openapi(routes.cancel, async (c) => {
    limiter.hit(`cancel:${c.get('clientIp')}`);
    return c.json(await cancelByToken({ db, audit: c.get('audit'), token: c.req.valid('json').token, baseUrl: deps.env.baseUrl }), 200);
  }, hookFor(routes.cancel));

  app.openapi(routes.feed, async (c) => {
    const token = c.req.valid('param').file.replace(/\.ics$/, '');
    const body = await renderCalendarFeed({ db, token, baseUrl: deps.env.baseUrl });
    return c.body(body, 200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' }) as never;
  }, hookFor(routes.feed));

  return app;
}
