// URL search params as plain strings (?q=松戸&role=consultant), not TanStack Router's default
// JSON encoding (?municipality=%2212207%22), and filtered through the shared zod contracts so a
// hand-edited URL cannot send the API a value it would reject.
import type { z } from 'zod';

export function parseSearch(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)) out[k] = v;
  return out;
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(search)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Keeps each known key whose value the contract accepts; drops the rest silently. */
export function searchValidator<S extends z.ZodObject>(schema: S) {
  return (raw: Record<string, unknown>): z.infer<S> => {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
      const value = raw[key];
      if (value === undefined || value === null || value === '') continue;
      const parsed = field.safeParse(typeof value === 'string' ? value : String(value));
      if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
    }
    return out as z.infer<S>;
  };
}

/** Only same-app paths: never another origin ('//evil.example') or back to sign-in. */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/sign-in')) return '/';
  return target;
}
