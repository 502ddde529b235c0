// /api/hsds: the directory as Open Referral HSDS 3.1 (read-only, for integrators with an API
// token). Paths and paging follow the HSDS OpenAPI (../shared/reference/hsds/schema/openapi.json).
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonResponse, standardErrors } from '../../lib/openapi.js';
import {
  HSDS_VERSION,
  allTaxonomyTerms,
  careTaxonomy,
  getHsdsOrganization,
  getHsdsService,
  getHsdsServiceAtLocation,
  listHsdsOrganizations,
  listHsdsServiceAtLocations,
  listHsdsServices,
  pageOfHsds,
  serviceTypeTaxonomy,
} from './hsds.js';

const TAG = { tags: ['HSDS 3.1'] };
/** HSDS documents are built with optional fields left out; the OpenAPI side declares them loosely. */
const asJson = (v: unknown) => v as never;
const HsdsObject = z.looseObject({}).meta({ description: 'HSDS 3.1 のオブジェクト（schema は docs/directory.md）' });
const HsdsPage = z
  .object({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(HsdsObject),
  })
  .meta({ id: 'HsdsPage' });
const ListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).optional().default(1).meta({ title: 'ページ' }),
  per_page: z.coerce.number().int().min(1).max(200).optional().default(50).meta({ title: '件数' }),
  search: z.string().max(200).optional().meta({ title: '検索語', description: 'GET /api/offices の q と同じ日本語部分一致' }),
  organization_id: z.uuid().optional(),
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
  full: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
const Id = z.object({ id: z.string().max(100) });

const r = {
  meta: createRoute({ method: 'get', path: '/', ...TAG, summary: 'API と HSDS の関係', responses: { 200: jsonResponse(z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }), 'メタ情報'), ...standardErrors } }),
  services: createRoute({ method: 'get', path: '/services', ...TAG, summary: 'サービスの一覧', request: { query: ListQuery }, responses: { 200: jsonResponse(HsdsPage, '一覧'), ...standardErrors } }),
  service: createRoute({ method: 'get', path: '/services/{id}', ...TAG, summary: 'サービス（組織・場所を含む）', request: { params: Id }, responses: { 200: jsonResponse(HsdsObject, 'サービス'), ...standardErrors } }),
  organizations: createRoute({ method: 'get', path: '/organizations', ...TAG, summary: '組織（法人）の一覧', request: { query: ListQuery }, responses: { 200: jsonResponse(HsdsPage, '一覧'), ...standardErrors } }),
  organization: createRoute({ method: 'get', path: '/organizations/{id}', ...TAG, summary: '組織（法人）', request: { params: Id }, responses: { 200: jsonResponse(HsdsObject, '組織'), ...standardErrors } }),
  sals: createRoute({ method: 'get', path: '/service_at_locations', ...TAG, summary: 'サービス提供場所の一覧', request: { query: ListQuery }, responses: { 200: jsonResponse(HsdsPage, '一覧'), ...standardErrors } }),
  sal: createRoute({ method: 'get', path: '/service_at_locations/{id}', ...TAG, summary: 'サービス提供場所', request: { params: Id }, responses: { 200: jsonResponse(HsdsObject, 'サービス提供場所'), ...standardErrors } }),
  taxonomies: createRoute({ method: 'get', path: '/taxonomies', ...TAG, summary: '分類（医療的ケア項目・サービス種別）', responses: { 200: jsonResponse(HsdsPage, '一覧'), ...standardErrors } }),
  terms: createRoute({ method: 'get', path: '/taxonomy_terms', ...TAG, summary: '分類の項目', request: { query: z.object({ taxonomy_id: z.uuid().optional() }) }, responses: { 200: jsonResponse(HsdsPage, '一覧'), ...standardErrors } }),
};

export function hsdsRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  app.openapi(r.meta, (c) => {
    requirePermission(c, 'read:directory');
    return c.json({ version: HSDS_VERSION, profile: `${deps.env.baseUrl}/docs/directory.md#hsds`, openapi_url: `${deps.env.baseUrl}/api/openapi.json` }, 200);
  }, hookFor(r.meta));
  app.openapi(r.services, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await listHsdsServices(db, c.req.valid('query'))), 200);
  }, hookFor(r.services));
  app.openapi(r.service, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await getHsdsService(db, c.req.valid('param').id)), 200);
  }, hookFor(r.service));
  app.openapi(r.organizations, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await listHsdsOrganizations(db, c.req.valid('query'))), 200);
  }, hookFor(r.organizations));
  app.openapi(r.organization, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await getHsdsOrganization(db, c.req.valid('param').id)), 200);
  }, hookFor(r.organization));
  app.openapi(r.sals, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await listHsdsServiceAtLocations(db, c.req.valid('query'))), 200);
  }, hookFor(r.sals));
  app.openapi(r.sal, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(await getHsdsServiceAtLocation(db, c.req.valid('param').id)), 200);
  }, hookFor(r.sal));
  app.openapi(r.taxonomies, (c) => {
    requirePermission(c, 'read:directory');
    return c.json(asJson(pageOfHsds([careTaxonomy(), serviceTypeTaxonomy()], 2, 1, 2)), 200);
  }, hookFor(r.taxonomies));
  app.openapi(r.terms, (c) => {
    requirePermission(c, 'read:directory');
    const tid = c.req.valid('query').taxonomy_id;
    const terms = allTaxonomyTerms().filter((t) => !tid || t.taxonomy_id === tid);
    return c.json(asJson(pageOfHsds(terms, terms.length, 1, Math.max(1, terms.length))), 200);
  }, hookFor(r.terms));
  return app;
}
