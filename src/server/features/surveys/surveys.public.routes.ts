// Public survey answering by invitation link (on a phone, no account): one response per token,
// tokens expire, rate limit per IP, small body limit, honeypot. JSON in, JSON out.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { PublicSurveySchema, SubmitResponseSchema } from '../../../shared/contracts/surveys.js';
import type { AppEnv, Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { hookFor, jsonBody, jsonResponse, ProblemSchema } from '../../lib/openapi.js';
import { createRateLimiter } from '../../lib/rate-limit.js';
import { getPublicSurvey, submitPublicResponse } from './responses.js';

/** A full survey of long free-text answers fits; anything larger is not a person typing on a phone. */
export const PUBLIC_SURVEY_BODY_LIMIT = 64 * 1024;

const tags = ['公開: アンケート回答'];
const problem = (d: string) => ({ description: d, content: { 'application/problem+json': { schema: ProblemSchema } } });
const errors = { 400: problem('回答内容の誤り（質問ごと）'), 404: problem('リンクが無効'), 410: problem('回答済み・期限切れ・受付終了'), 413: problem('大きすぎる'), 429: problem('送信が多すぎる') } as const;
const Token = z.object({ token: z.string().min(20).max(100) });

const routes = {
  get: createRoute({ method: 'get', path: '/surveys/{token}', tags, security: [], summary: '回答フォーム（招待リンク）', request: { params: Token }, responses: { 200: jsonResponse(PublicSurveySchema, 'アンケート'), ...errors } }),
  submit: createRoute({ method: 'post', path: '/surveys/{token}/responses', tags, security: [], summary: '回答の送信（リンク1つにつき1回）', request: { params: Token, body: jsonBody(SubmitResponseSchema) }, responses: { 201: jsonResponse(z.object({ submitted: z.boolean() }), '受け付けました'), ...errors } }),
};

export function publicSurveyRoutes(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>();
  const limiter = createRateLimiter({ windowMs: 10 * 60_000, max: deps.env.publicFormMaxPer10Minutes });
  app.use('/surveys/*', bodyLimit({ maxSize: PUBLIC_SURVEY_BODY_LIMIT, onError: () => { throw new AppError('PAYLOAD_TOO_LARGE', '回答が大きすぎます。'); } }));
  app.openapi(routes.get, async (c) => c.json(await getPublicSurvey({ db: deps.db, token: c.req.valid('param').token }), 200), hookFor(routes.get));
  app.openapi(routes.submit, async (c) => {
    limiter.hit(`survey:${c.get('clientIp')}`);
    return c.json(await submitPublicResponse({ db: deps.db, audit: c.get('audit'), token: c.req.valid('param').token, input: c.req.valid('json') }), 201);
  }, hookFor(routes.submit));
  return app;
}
