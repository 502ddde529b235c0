import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  ApiTokenSchema,
  CreateApiTokenSchema,
  MeSchema,
  UpdateMeSchema,
} from '../../../shared/contracts/auth.js';
import type { AppEnv, Deps } from '../../deps.js';
import { office, user } from '../../db/schema/index.js';
import { writeAudit } from '../../lib/audit.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { inArray } from 'drizzle-orm';
import { permissionsOf } from '../permissions.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js';
import { resolveActor } from './resolve-actor.js';
import { AppError } from '../../lib/errors.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['アカウント'],
  summary: '自分のアカウント情報',
  responses: { 200: jsonResponse(MeSchema, 'アカウント'), ...standardErrors },
});
const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['アカウント'],
  summary: '氏名・表示言語の変更',
  request: { body: jsonBody(UpdateMeSchema) },
  responses: { 200: jsonResponse(MeSchema, 'アカウント'), ...standardErrors },
});
const listTokens = createRoute({
  method: 'get',
  path: '/me/tokens',
  tags: ['アカウント'],
  summary: '個人用 API トークンの一覧',
  responses: { 200: jsonResponse(z.object({ items: z.array(ApiTokenSchema) }), '一覧'), ...standardErrors },
});
const createToken = createRoute({
  method: 'post',
  path: '/me/tokens',
  tags: ['アカウント'],
  summary: '個人用 API トークンの発行（トークンはこの応答でのみ表示）',
  request: { body: jsonBody(CreateApiTokenSchema) },
  responses: {
    201: jsonResponse(z.object({ id: z.string(), token: z.string(), prefix: z.string() }), '発行したトークン'),
    ...standardErrors,
  },
});
const revokeToken = createRoute({
  method: 'delete',
  path: '/me/tokens/{id}',
  tags: ['アカウント'],
  summary: '個人用 API トークンの失効',
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: { 204: { description: '失効しました' }, ...standardErrors },
});

export function meRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();

  const buildMe = async (c: { get: (k: 'actor' | 'audit') => unknown; req: { raw: Request } }) => {
    const r = await resolveActor(deps, c.req.raw.headers, c.get('audit') as never);
    if (!r) throw new AppError('UNAUTHENTICATED');
    const offices = r.actor.officeIds.length
      ? await deps.db.select({ id: office.id, name: office.name }).from(office).where(inArray(office.id, r.actor.officeIds))
      : [];
    return {
      id: r.actor.userId,
      email: r.actor.email,
      name: r.actor.name,
      nameKana: r.nameKana,
      roles: r.actor.roles,
      municipalityCode: r.actor.municipalityCode,
      locale: r.locale,
      twoFactorEnabled: r.twoFactorEnabled,
      twoFactorRequired: r.twoFactorPending,
      isDemo: r.isDemo,
      offices,
      permissions: permissionsOf(r.actor.roles),
      demoMode: deps.env.demo,
    };
  };

  app.openapi(getMe, async (c) => c.json(await buildMe(c), 200), hookFor(getMe));

  app.openapi(
    patchMe,
    async (c) => {
      const actor = c.get('actor');
      const body = c.req.valid('json');
      await deps.db.transaction(async (tx) => {
        await tx
          .update(user)
          .set({ ...(body.name ? { name: body.name } : {}), ...(body.locale ? { locale: body.locale } : {}), updatedAt: new Date() })
          .where(eq(user.id, actor.userId));
        await writeAudit(tx, actor.audit, { action: 'user.update_self', entityType: 'user', entityId: actor.userId, details: { fields: Object.keys(body) } });
      });
      return c.json(await buildMe(c), 200);
    },
    hookFor(patchMe),
  );

  app.openapi(
    listTokens,
    async (c) => {
      const rows = await listApiTokens({ db: deps.db, userId: c.get('actor').userId });
      return c.json(
        {
          items: rows.map((r) => ({
            ...r,
            createdAt: r.createdAt.toISOString(),
            lastUsedAt: iso(r.lastUsedAt),
            expiresAt: iso(r.expiresAt),
            revokedAt: iso(r.revokedAt),
          })),
        },
        200,
      );
    },
    hookFor(listTokens),
  );

  app.openapi(
    createToken,
    async (c) => {
      const actor = c.get('actor');
      const body = c.req.valid('json');
      const created = await createApiToken({
        db: deps.db,
        audit: actor.audit,
        userId: actor.userId,
        name: body.name,
        expiresAt: body.expiresInDays ? new Date(Date.now() + body.expiresInDays * 86400_000) : null,
      });
      return c.json(created, 201);
    },
    hookFor(createToken),
  );

  app.openapi(
    revokeToken,
    async (c) => {
      const actor = c.get('actor');
      await revokeApiToken({ db: deps.db, audit: actor.audit, userId: actor.userId, tokenId: c.req.valid('param').id });
      return c.body(null, 204);
    },
    hookFor(revokeToken),
  );

  return app;
}
