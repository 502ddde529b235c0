import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

/**
 * "Contains" over a few columns for admin lists, NFKC- and case-insensitive, with LIKE
 * wildcards in the input taken literally. (The directory's indexed Japanese search is separate.)
 */
export function containsFilter(columns: AnyColumn[], q: string | undefined): SQL {
  const term = q?.trim();
  if (!term) return sql`true`;
  const pattern = `%${term.normalize('NFKC').toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const parts = columns.map((col) => sql`lower(normalize(${col}, NFKC)) like ${pattern}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}
