// Files generated from client data (PDF, Excel, CSV): one way to send them.
import type { Context } from 'hono';

/**
 * Sends a generated file with a UTF-8 file name and `no-store` — client data is never cached by
 * a shared proxy or the browser's disk cache.
 * @example return sendFile(c, pdf, 'application/pdf', '個別避難計画.pdf')
 */
export function sendFile(c: Context, body: Buffer | string, type: string, filename: string, disposition: 'inline' | 'attachment' = 'inline') {
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
    'content-type': type,
    'content-disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'cache-control': 'no-store',
  });
}
