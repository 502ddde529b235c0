// The region's reference data for every network member (read:region), outside /api/admin:
// the municipalities (codes and names, for the forms and labels of every screen) and offices
// by name for pickers (the client team and consent dialogs) — only who and where, not the admin
// fields. The admin lists with their counts and every change stay under /api/admin (manage:region).
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { MunicipalitySchema, OfficeListQuerySchema, OfficeOptionSchema } from '../../../shared/contracts/region.js';
import type { AppEnv, Deps } from '../../deps.js';
import { permit, requirePermission } from '../../lib/guards.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { listMunicipalities } from './municipalities.js';
import { listOfficeOptions } from './offices.js';

const tags = ['地域'];

const routes = {
  municipalities: createRoute({
    ...permit('read:region'),
    method: 'get',
    path: '/region/municipalities',
    tags,
    summary: '市区町村の一覧（コード順。登録・更新は PUT /api/admin/municipalities）',
    responses: { 200: jsonResponse(z.object({ items: z.array(MunicipalitySchema), total: z.number(), nextCursor: z.null() }), '一覧'), ...standardErrors },
  }),
  offices: createRoute({
    ...permit('read:region'),
    method: 'get',
    path: '/region/offices',
    tags,
    summary: '事業所の名前での検索（よみ順。選択用: 名前・分野・市区町村・法人名のみ）',
    request: { query: PageQuerySchema.extend(OfficeListQuerySchema.shape) },
    responses: { 200: jsonResponse(listOf(OfficeOptionSchema), '一覧'), ...standardErrors },
  }),
};

export function regionRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(routes.municipalities, async (c) => {
    requirePermission(c, 'read:region');
    const items = await listMunicipalities({ db });
    return c.json({ items, total: items.length, nextCursor: null }, 200);
  }, hookFor(routes.municipalities));
  app.openapi(routes.offices, async (c) => {
    requirePermission(c, 'read:region');
    return c.json(await listOfficeOptions({ db, ...c.req.valid('query') }), 200);
  }, hookFor(routes.offices));
  return app;
}
