// Client record routes: guard first, contract-validated input, one service call.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AddTeamMemberSchema,
  CareScoreRequestSchema,
  CareScoreResultSchema,
  ClientListQuerySchema,
  ClientRecordSchema,
  ClientSummarySchema,
  ConsentInputSchema,
  ConsentSchema,
  CreateClientSchema,
  CreateTimelineEventSchema,
  ProvisionSchema,
  RevokeConsentSchema,
  TeamCandidateQuerySchema,
  TeamCandidateSchema,
  TeamMemberSchema,
  TimelineEventSchema,
  UpdateContactSchema,
  UpdateIdentitySchema,
  UpdateMedicalSchema,
  UpdateProfileSchema,
} from '../../../shared/contracts/clients.js';
import type { AppEnv, Deps } from '../../deps.js';
import { requirePermission } from '../../lib/guards.js';
import { hookFor, jsonBody, jsonResponse, standardErrors } from '../../lib/openapi.js';
import { PageQuerySchema, listOf } from '../../lib/pagination.js';
import { calculateCareScore, listCareItems } from './care-score.js';
import { createClient, getClientRecord, listClients, updateIdentity, updateSection } from './records.js';
import { addTeamMember, listConsents, listProvisions, listTeam, recordConsent, removeTeamMember, revokeConsent, searchTeamCandidates } from './team.js';
import { listTimeline, postTimelineEvent } from './timeline.js';

const Id = z.object({ id: z.string().max(100) });
const tags = ['利用者の記録'];
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

const routes = {
  careScore: createRoute({ method: 'post', path: '/care-score', tags: ['医療的ケア判定スコア'], summary: '医療的ケア判定スコアの計算（内訳と区分 0/3/16/32）', request: { body: jsonBody(CareScoreRequestSchema) }, responses: { 200: jsonResponse(CareScoreResultSchema, '合計・区分・内訳'), ...standardErrors } }),
  careItems: createRoute({ method: 'get', path: '/care-items', tags: ['医療的ケア判定スコア'], summary: '医療的ケアの項目（判定スコア表、出典つき）', responses: { 200: jsonResponse(z.object({ items: z.array(z.looseObject({ code: z.string(), label: z.string() })), bands: z.array(z.looseObject({})), source: z.string() }), '項目と区分'), ...standardErrors } }),
  list: createRoute({ method: 'get', path: '/clients', tags, summary: '自分がチームにいる利用者の一覧（よみ順・同意の範囲内）', request: { query: PageQuerySchema.extend(ClientListQuerySchema.shape) }, responses: { 200: jsonResponse(listOf(ClientSummarySchema), '一覧'), ...standardErrors } }),
  create: createRoute({ method: 'post', path: '/clients', tags, summary: '利用者の記録を作成（保護者の同意を記録し、自分の事業所をチームに加える）', request: { body: jsonBody(CreateClientSchema) }, responses: { 201: jsonResponse(ClientRecordSchema, '作成した記録'), ...standardErrors } }),
  get: createRoute({ method: 'get', path: '/clients/{id}', tags, summary: '利用者の記録（同意の範囲の項目のみ。判定スコア・ライフステージつき）', request: { params: Id }, responses: { 200: jsonResponse(ClientRecordSchema, '記録'), ...standardErrors } }),
  updateIdentity: createRoute({ method: 'patch', path: '/clients/{id}', tags, summary: '氏名・生年月日などの変更（version 必須、競合時 409）', request: { params: Id, body: jsonBody(UpdateIdentitySchema) }, responses: { 200: jsonResponse(ClientRecordSchema, '更新後の記録'), ...standardErrors } }),
  updateProfile: createRoute({ method: 'put', path: '/clients/{id}/profile', tags, summary: '基本情報（住所・所属・きょうだい・受給者証・手帳）の更新', request: { params: Id, body: jsonBody(UpdateProfileSchema) }, responses: { 200: jsonResponse(ClientRecordSchema, '更新後の記録'), ...standardErrors } }),
  updateContact: createRoute({ method: 'put', path: '/clients/{id}/contact', tags, summary: '保護者・緊急連絡先の更新', request: { params: Id, body: jsonBody(UpdateContactSchema) }, responses: { 200: jsonResponse(ClientRecordSchema, '更新後の記録'), ...standardErrors } }),
  updateMedical: createRoute({ method: 'put', path: '/clients/{id}/medical', tags, summary: '医療情報（診断・医療機関・医療的ケア・機器・服薬・アレルギー）の更新', request: { params: Id, body: jsonBody(UpdateMedicalSchema) }, responses: { 200: jsonResponse(ClientRecordSchema, '更新後の記録'), ...standardErrors } }),
  team: createRoute({ method: 'get', path: '/clients/{id}/team', tags, summary: '支援チーム（各メンバーが見られる同意の範囲つき）', request: { params: Id, query: z.object({ includeRemoved: z.enum(['true', 'false']).optional() }) }, responses: { 200: jsonResponse(items(TeamMemberSchema), 'チーム'), ...standardErrors } }),
  addMember: createRoute({ method: 'post', path: '/clients/{id}/team', tags, summary: 'チームに担当者・事業所を追加（他法人への提供は提供記録に残る）', request: { params: Id, body: jsonBody(AddTeamMemberSchema) }, responses: { 201: jsonResponse(TeamMemberSchema, '追加したメンバー'), ...standardErrors } }),
  teamCandidates: createRoute({ method: 'get', path: '/clients/{id}/team/candidates', tags, summary: 'チームに加える人を氏名・よみで探す（所属事業所と、記録済みの同意で見られる範囲つき）', request: { params: Id, query: TeamCandidateQuerySchema }, responses: { 200: jsonResponse(items(TeamCandidateSchema), '候補（最大20人）'), ...standardErrors } }),
  removeMember: createRoute({ method: 'delete', path: '/clients/{id}/team/{memberId}', tags, summary: 'チームから外す（直ちに閲覧できなくなる）', request: { params: Id.extend({ memberId: z.string().max(100) }) }, responses: { 204: { description: '外しました' }, ...standardErrors } }),
  consents: createRoute({ method: 'get', path: '/clients/{id}/consents', tags, summary: '保護者の同意（範囲・提供先・日付・方法・文書）', request: { params: Id }, responses: { 200: jsonResponse(items(ConsentSchema), '同意'), ...standardErrors } }),
  addConsent: createRoute({ method: 'post', path: '/clients/{id}/consents', tags, summary: '同意を記録', request: { params: Id, body: jsonBody(ConsentInputSchema) }, responses: { 201: jsonResponse(ConsentSchema, '記録した同意'), ...standardErrors } }),
  revokeConsent: createRoute({ method: 'post', path: '/clients/{id}/consents/{consentId}/revoke', tags, summary: '同意の撤回（直ちに閲覧できなくなる）', request: { params: Id.extend({ consentId: z.string().max(100) }), body: jsonBody(RevokeConsentSchema) }, responses: { 200: jsonResponse(ConsentSchema, '撤回した同意'), ...standardErrors } }),
  provisions: createRoute({ method: 'get', path: '/clients/{id}/provisions', tags, summary: '第三者提供の記録（3年以上保存、削除不可）', request: { params: Id }, responses: { 200: jsonResponse(items(ProvisionSchema), '提供記録'), ...standardErrors } }),
  timeline: createRoute({ method: 'get', path: '/clients/{id}/timeline', tags, summary: '経過記録（新しい順）', request: { params: Id, query: PageQuerySchema }, responses: { 200: jsonResponse(listOf(TimelineEventSchema), '経過記録'), ...standardErrors } }),
  postTimeline: createRoute({ method: 'post', path: '/clients/{id}/timeline', tags, summary: '入院・退院・体調の変化・計画の変更・メモを投稿（チーム全員にお知らせとメール）', request: { params: Id, body: jsonBody(CreateTimelineEventSchema) }, responses: { 201: jsonResponse(TimelineEventSchema, '投稿'), ...standardErrors } }),
};

/** Method and path of every route, for the outsider test (every client endpoint is tried). */
export const CLIENT_ROUTES = Object.values(routes).map((r) => ({ method: r.method.toUpperCase(), path: `/api${r.path}` }));

export function clientRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const { db } = deps;
  const r = routes;

  app.openapi(r.careScore, async (c) => {
    requirePermission(c, 'use:care-score');
    return c.json(calculateCareScore(c.req.valid('json').items), 200);
  }, hookFor(r.careScore));
  app.openapi(r.careItems, async (c) => {
    requirePermission(c, 'use:care-score');
    return c.json(listCareItems() as never, 200);
  }, hookFor(r.careItems));

  app.openapi(r.list, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json(await listClients({ db, actor, ...c.req.valid('query') }), 200);
  }, hookFor(r.list));
  app.openapi(r.create, async (c) => {
    const actor = requirePermission(c, 'create:client');
    return c.json(await createClient({ db, actor, input: c.req.valid('json') }), 201);
  }, hookFor(r.create));
  app.openapi(r.get, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json(await getClientRecord({ db, actor, clientId: c.req.valid('param').id }), 200);
  }, hookFor(r.get));
  app.openapi(r.updateIdentity, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await updateIdentity({ db, actor, clientId: c.req.valid('param').id, input: c.req.valid('json') }), 200);
  }, hookFor(r.updateIdentity));
  app.openapi(r.updateProfile, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await updateSection({ db, actor, clientId: c.req.valid('param').id, section: 'profile', input: c.req.valid('json') }), 200);
  }, hookFor(r.updateProfile));
  app.openapi(r.updateContact, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await updateSection({ db, actor, clientId: c.req.valid('param').id, section: 'contact', input: c.req.valid('json') }), 200);
  }, hookFor(r.updateContact));
  app.openapi(r.updateMedical, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await updateSection({ db, actor, clientId: c.req.valid('param').id, section: 'medical', input: c.req.valid('json') }), 200);
  }, hookFor(r.updateMedical));

  app.openapi(r.team, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json({ items: await listTeam({ db, actor, clientId: c.req.valid('param').id, includeRemoved: c.req.valid('query').includeRemoved === 'true' }) }, 200);
  }, hookFor(r.team));
  app.openapi(r.addMember, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await addTeamMember({ db, actor, clientId: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.addMember));
  app.openapi(r.teamCandidates, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json({ items: await searchTeamCandidates({ db, actor, clientId: c.req.valid('param').id, q: c.req.valid('query').q }) }, 200);
  }, hookFor(r.teamCandidates));
  app.openapi(r.removeMember, async (c) => {
    const actor = requirePermission(c, 'update:client');
    const p = c.req.valid('param');
    await removeTeamMember({ db, actor, clientId: p.id, memberId: p.memberId });
    return c.body(null, 204);
  }, hookFor(r.removeMember));
  app.openapi(r.consents, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json({ items: await listConsents({ db, actor, clientId: c.req.valid('param').id }) }, 200);
  }, hookFor(r.consents));
  app.openapi(r.addConsent, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await recordConsent({ db, actor, clientId: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.addConsent));
  app.openapi(r.revokeConsent, async (c) => {
    const actor = requirePermission(c, 'update:client');
    const p = c.req.valid('param');
    return c.json(await revokeConsent({ db, actor, clientId: p.id, consentId: p.consentId, input: c.req.valid('json') }), 200);
  }, hookFor(r.revokeConsent));
  app.openapi(r.provisions, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json({ items: await listProvisions({ db, actor, clientId: c.req.valid('param').id }) }, 200);
  }, hookFor(r.provisions));
  app.openapi(r.timeline, async (c) => {
    const actor = requirePermission(c, 'read:client');
    return c.json(await listTimeline({ db, actor, clientId: c.req.valid('param').id, ...c.req.valid('query') }), 200);
  }, hookFor(r.timeline));
  app.openapi(r.postTimeline, async (c) => {
    const actor = requirePermission(c, 'update:client');
    return c.json(await postTimelineEvent({ db, actor, clientId: c.req.valid('param').id, input: c.req.valid('json') }), 201);
  }, hookFor(r.postTimeline));

  return app;
}
