// The error body every API answers with (RFC 9457 application/problem+json), as the web app
// reads it. Mirrors `Problem` in src/server/lib/errors.ts; the parser is lenient on purpose so
// an unexpected body (a proxy's HTML page, an older server) still yields a usable error.
import { z } from 'zod';

export const FieldErrorSchema = z.object({
  /** Dotted path of the field, e.g. `email` or `officeIds.0`. */
  field: z.string(),
  /** Japanese label of the field when the contract gives one. */
  label: z.string().optional(),
  /** Message that already names the field: 'メールアドレス: 形式が正しくありません'. */
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z
  .object({
    type: z.string().optional().default('about:blank'),
    title: z.string().optional().default(''),
    status: z.number().int(),
    detail: z.string().optional().default(''),
    code: z.string().optional().default('UNKNOWN'),
    errors: z.array(FieldErrorSchema).optional(),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
