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

/** A cursor value: what a sort key is made of (no NUL, which PostgreSQL text cannot hold). */
const CursorText = z.string().max(500).refine((v) => !v.includes('\u0000'));
/** The key of lists sorted by reading: (よみ, id). */
export const ReadingCursorSchema = z.tuple([CursorText, CursorText]);
/** The key of lists sorted by a serial id. */
export const SerialCursorSchema = z.tuple([z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);
const AnyCursorSchema = z.array(z.union([CursorText, z.number().finite(), z.null()])).max(10);

/**
 * Reads a cursor back into the sort key it was made from. The client holds the cursor, so its
 * content is checked against the list's key shape: a forged one is a 400, never a bad query.
 */
export function decodeCursor<T extends z.ZodType<unknown[]> = typeof AnyCursorSchema>(cursor: string | undefined, shape?: T): z.output<T> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = (shape ?? AnyCursorSchema).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data as z.output<T>;
  } catch {
    /* fall through */
  }
  throw new AppError('VALIDATION_FAILED', 'カーソルが正しくありません。最初のページから読み直してください。', {
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
