// One convention for every list: { items, total, nextCursor } with a server-side page limit.
// Cursors are opaque (base64url JSON of the last row's sort key); keyset paging never skips or
// repeats rows when others are inserted meanwhile.
import { z } from 'zod';
import { AppError } from './errors.js';

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional().default(50).meta({ title: '件数' }),
  cursor: z.string().max(500).optional().meta({ title: 'カーソル' }),
});

export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'カーソルが正しくありません。', {
    fields: [{ field: 'cursor', label: 'カーソル', message: 'カーソル: 値が正しくありません' }],
  });
}

/** Slices one extra row to know whether another page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]) {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
