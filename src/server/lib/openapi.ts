// Small helpers so every route states its contract the same way. The same zod schemas validate
// requests and generate /api/openapi.json.
import type { RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Context } from 'hono';
import { validationError } from './errors.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), label: z.string().optional(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json); detail は日本語。' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error responses every protected route may give. */
export const standardErrors = {
  400: problem('入力内容の誤り（項目名つき）'),
  401: problem('未ログイン'),
  403: problem('権限なし・二要素認証未設定'),
  404: problem('見つからない'),
  409: problem('競合'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** Validation hook: a failure becomes a VALIDATION_FAILED problem naming the fields in Japanese. */
export function hookFor(route: RouteConfig) {
  return (result: { success: boolean; error?: z.ZodError; target: string }, _c: Context): undefined => {
    if (result.success || !result.error) return undefined;
    const req = route.request;
    const schema =
      result.target === 'json'
        ? ((req?.body?.content?.['application/json'] as { schema?: z.ZodType } | undefined)?.schema)
        : ((req as Record<string, unknown> | undefined)?.[result.target] as z.ZodType | undefined);
    throw validationError(result.error, schema);
  };
}
