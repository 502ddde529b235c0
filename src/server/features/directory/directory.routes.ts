// Directory routes (issue #3): search, office detail, listing edits and history, CSV export.
// Thin: guard first, validate with the shared contract, one service call, serialise.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  CreateServiceSchema,
  DirectorySearchQuerySchema,
  DirectorySearchResultSchema,
  ListingChangeSchema,
  MyListingsSchema,
  OfficeDetailSchema,
  ServiceSchema,
  SetVacancySchema,
  UpdateOfficeProfileSchema,
  UpdateServiceSchema,
} from '../../../shared/contracts/directory.js';
import { CARE_ITEMS } from '../../../shared/domain/care-items.js';
import { SECTORS } from '../../../shared/domain/sectors.js';
import { SERVICE_TYPES } from '../../../shared/domain/service-types.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import {
  confirmListing,
  createService,
  deleteService,
  getMyListings,
  getOfficeListing,
  listListingChanges,
  setVacancy,
  updateOfficeProfile,
  updateService,
} from './edit-listing.js';
import { allHits, searchDirectory } from './search-directory.js';

const IdParam = z.object({ id: z.string().max(100) });
const TAG = { tags: ['ディレクトリ'] };
const CSV_EXPORT_MAX = 50_000;

const ReferenceSchema = z
  .object({
    serviceTypes: z.array(z.object({ code: z.string(), label: z.string(), shortLabel: z.string(), sector: z.string(), isWam: z.boolean() })),
    careItems: z.array(z.object({ code: z.string(), label: z.string(), description: z.string() })),
    sectors: z.array(z.object({ code: z.string(), label: z.string() })),
    vacancyFreshDays: z.number().int(),
    staleDays: z.number().int(),
  })
  .meta({ id: 'DirectoryReference' });

const routes = {
  search: createRoute({
    method: 'get',
    path: '/offices',
    ...TAG,
    summary: '事業所・サービスの検索（1 件 = 1 事業所の 1 サービス）',
    description:
      'すべての条件は AND。municipality / sector / service は繰り返し指定で OR。care は指定したすべての項目に yes または conditional。vacancy=true は空き 1 以上が鮮度期限内に確認されたもの。facets は同じ条件に一致した全件の市区町村・サービス種別・医療的ケア項目ごとの件数。詳しくは docs/directory.md。',
    request: { query: PageQuerySchema.extend(DirectorySearchQuerySchema.shape) },
    responses: { 200: jsonResponse(DirectorySearchResultSchema, '検索結果'), ...standardErrors },
  }),
  exportCsv: createRoute({
    method: 'get',
    path: '/offices/export.csv',
    ...TAG,
    summary: '検索結果の CSV 出力（同じ条件、最大 50,000 件、UTF-8 BOM 付き）',
    request: { query: DirectorySearchQuerySchema },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...standardErrors },
  }),
  reference: createRoute({
    method: 'get',
    path: '/directory/reference',
    ...TAG,
    summary: 'コード表（サービス種別・医療的ケア項目・分野）と鮮度設定',
    responses: { 200: jsonResponse(ReferenceSchema, 'コード表'), ...standardErrors },
  }),
  myListings: createRoute({
    method: 'get',
    path: '/directory/my-listings',
    ...TAG,
    summary: '自分の所属する事業所の掲載（要確認の掲載数つき）',
    responses: { 200: jsonResponse(MyListingsSchema, '自事業所の掲載'), ...standardErrors },
  }),
  getOffice: createRoute({
    method: 'get',
    path: '/offices/{id}',
    ...TAG,
    summary: '事業所の詳細（全サービス・医療的ケアの対応・空き状況）',
    request: { params: IdParam },
    responses: { 200: jsonResponse(OfficeDetailSchema, '事業所'), ...standardErrors },
  }),
  updateProfile: createRoute({
    method: 'patch',
    path: '/offices/{id}/profile',
    ...TAG,
    summary: '事業所の連絡先・所在地の更新（自事業所の職員・コーディネーター・管理者）',
    request: { params: IdParam, body: jsonBody(UpdateOfficeProfileSchema) },
    responses: { 200: jsonResponse(OfficeDetailSchema, '更新した事業所'), ...standardErrors },
  }),
  history: createRoute({
    method: 'get',
    path: '/offices/{id}/history',
    ...TAG,
    summary: '掲載の変更履歴（新しい順）',
    request: { params: IdParam, query: PageQuerySchema },
    responses: { 200: jsonResponse(listOf(ListingChangeSchema), '変更履歴'), ...standardErrors },
  }),
  createService: createRoute({
    method: 'post',
    path: '/offices/{id}/services',
    ...TAG,
    summary: 'サービスの追加',
    request: { params: IdParam, body: jsonBody(CreateServiceSchema) },
    responses: { 201: jsonResponse(ServiceSchema, '追加したサービス'), ...standardErrors },
  }),
  updateService: createRoute({
    method: 'patch',
    path: '/services/{id}',
    ...TAG,
    summary: 'サービスの更新（定員・年齢・時間帯・対応地域・医療的ケアの対応・空き）',
    description: '送った項目だけを更新します。変更がなくても掲載の確認日時は更新されます。',
    request: { params: IdParam, body: jsonBody(UpdateServiceSchema) },
    responses: { 200: jsonResponse(ServiceSchema, '更新したサービス'), ...standardErrors },
  }),
  deleteService: createRoute({
    method: 'delete',
    path: '/services/{id}',
    ...TAG,
    summary: 'サービスの削除',
    request: { params: IdParam },
    responses: { 204: { description: '削除しました' }, ...standardErrors },
  }),
  setVacancy: createRoute({
    method: 'put',
    path: '/services/{id}/vacancy',
    ...TAG,
    summary: '空き人数の登録（確認日時・確認者を記録）',
    request: { params: IdParam, body: jsonBody(SetVacancySchema) },
    responses: { 200: jsonResponse(ServiceSchema, '更新したサービス'), ...standardErrors },
  }),
  confirm: createRoute({
    method: 'post',
    path: '/services/{id}/confirm',
    ...TAG,
    summary: '「空き状況に変更なし」の確認（ワンクリック）',
    request: { params: IdParam },
    responses: { 200: jsonResponse(ServiceSchema, '確認したサービス'), ...standardErrors },
  }),
};

export function directoryRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const settings = deps.env.directory;
  const r = routes;

  app.openapi(r.search, async (c) => {
    requirePermission(c, 'read:directory');
    const { limit, cursor, ...query } = c.req.valid('query');
    return c.json(await searchDirectory({ db, query, limit, cursor, settings }), 200);
  }, hookFor(r.search));

  app.openapi(r.exportCsv, async (c) => {
    requirePermission(c, 'read:directory');
    const query = c.req.valid('query');
    const rows: Record<string, unknown>[] = [];
    for await (const h of allHits({ db, query, settings, max: CSV_EXPORT_MAX })) {
      const s = h.service;
      rows.push({
        officeName: h.officeName,
        officeKana: h.officeKana,
        sector: SECTORS.find((x) => x.code === h.sector)?.label ?? h.sector,
        prefecture: h.prefectureName,
        municipality: h.municipalityName,
        address: h.address,
        phone: h.phone,
        organization: h.organizationName,
        serviceType: s.serviceTypeLabel,
        capacity: s.capacity,
        vacancy: s.vacancy.count,
        vacancyConfirmedAt: s.vacancy.confirmedAt,
        vacancyFresh: s.vacancy.isFresh ? '○' : '',
        ages: s.ageMin === null && s.ageMax === null ? '' : `${s.ageMin ?? ''}〜${s.ageMax ?? ''}`,
        weekday: s.hours.weekday,
        saturday: s.hours.saturday ?? (s.openSaturday ? '○' : ''),
        sunday: s.hours.sunday ?? (s.openSunday ? '○' : ''),
        holiday: s.hours.holiday ?? (s.openHoliday ? '○' : ''),
        careYes: s.capabilities.filter((x) => x.level === 'yes').map((x) => x.label).join('、'),
        careConditional: s.capabilities.filter((x) => x.level === 'conditional').map((x) => `${x.label}${x.note ? `（${x.note}）` : ''}`).join('、'),
        distanceKm: h.distanceKm,
        listingConfirmedAt: s.listingConfirmedAt,
        stale: s.stale ? '要確認' : '',
        serviceId: s.id,
        officeId: h.officeId,
      });
    }
    const csv = stringify(rows, {
      header: true,
      columns: [
        { key: 'officeName', header: '事業所名' },
        { key: 'officeKana', header: 'よみ' },
        { key: 'sector', header: '分野' },
        { key: 'prefecture', header: '都道府県' },
        { key: 'municipality', header: '市区町村' },
        { key: 'address', header: '住所' },
        { key: 'phone', header: '電話番号' },
        { key: 'organization', header: '法人' },
        { key: 'serviceType', header: 'サービス種別' },
        { key: 'capacity', header: '定員' },
        { key: 'vacancy', header: '空き' },
        { key: 'vacancyConfirmedAt', header: '空き確認日時' },
        { key: 'vacancyFresh', header: '空き情報が新しい' },
        { key: 'ages', header: '対象年齢' },
        { key: 'weekday', header: '平日' },
        { key: 'saturday', header: '土曜' },
        { key: 'sunday', header: '日曜' },
        { key: 'holiday', header: '祝日' },
        { key: 'careYes', header: '医療的ケア（対応可）' },
        { key: 'careConditional', header: '医療的ケア（条件付き）' },
        { key: 'distanceKm', header: '距離(km)' },
        { key: 'listingConfirmedAt', header: '掲載確認日時' },
        { key: 'stale', header: '掲載の状態' },
        { key: 'serviceId', header: 'サービスID' },
        { key: 'officeId', header: '事業所ID' },
      ],
    });
    const name = `directory-${new Date().toISOString().slice(0, 10)}.csv`;
    // BOM so that Excel opens UTF-8 Japanese correctly.
    return c.body('\uFEFF' + csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
  }, hookFor(r.exportCsv));

  app.openapi(r.reference, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(
      {
        serviceTypes: SERVICE_TYPES.map((t) => ({ code: t.code, label: t.label, shortLabel: t.shortLabel, sector: t.sector, isWam: t.isWam })),
        careItems: CARE_ITEMS.map((i) => ({ code: i.code, label: i.label, description: i.description })),
        sectors: SECTORS.map((s) => ({ code: s.code, label: s.label })),
        vacancyFreshDays: settings.vacancyFreshDays,
        staleDays: settings.staleDays,
      },
      200,
    );
  }, hookFor(r.reference));

  app.openapi(r.myListings, async (c) => {
    const actor = requirePermission(c, 'read:directory');
    return c.json(await getMyListings({ db, actor, settings }), 200);
  }, hookFor(r.myListings));

  app.openapi(r.getOffice, async (c) => {
    const actor = requirePermission(c, 'read:directory');
    return c.json(await getOfficeListing({ db, id: c.req.valid('param').id, actor, settings }), 200);
  }, hookFor(r.getOffice));

  app.openapi(r.updateProfile, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    return c.json(await updateOfficeProfile({ db, actor, officeId: c.req.valid('param').id, input: c.req.valid('json'), settings }), 200);
  }, hookFor(r.updateProfile));

  app.openapi(r.history, async (c) => {
    requirePermission(c, 'read:directory');
    return c.json(await listListingChanges({ db, officeId: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  }, hookFor(r.history));

  app.openapi(r.createService, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    return c.json(await createService({ db, actor, officeId: c.req.valid('param').id, input: c.req.valid('json'), settings }), 201);
  }, hookFor(r.createService));

  app.openapi(r.updateService, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    return c.json(await updateService({ db, actor, serviceId: c.req.valid('param').id, input: c.req.valid('json'), settings }), 200);
  }, hookFor(r.updateService));

  app.openapi(r.deleteService, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    await deleteService({ db, actor, serviceId: c.req.valid('param').id });
    return c.body(null, 204);
  }, hookFor(r.deleteService));

  app.openapi(r.setVacancy, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    return c.json(await setVacancy({ db, actor, serviceId: c.req.valid('param').id, input: c.req.valid('json'), settings }), 200);
  }, hookFor(r.setVacancy));

  app.openapi(r.confirm, async (c) => {
    const actor = requirePermission(c, 'edit:listing');
    return c.json(await confirmListing({ db, actor, serviceId: c.req.valid('param').id, settings }), 200);
  }, hookFor(r.confirm));

  return app;
}
