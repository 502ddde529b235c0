// 医ケア「基本のキ」 glossary: search, read, edit with history, and text linking.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateGlossaryTermSchema, UpdateGlossaryTermSchema } from '../../../shared/contracts/glossary.js';
import { findCareItem } from '../../../shared/domain/care-items.js';
import { findServiceType } from '../../../shared/domain/service-types.js';
import { escapeLike, normalizeForSearch } from '../../../shared/text/normalize.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { glossaryTerm, glossaryTermRevision, user } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { writeAudit, type AuditContext } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { GLOSSARY_CATEGORY_LABELS, INITIAL_TERMS, type InitialTerm } from './glossary-initial.js';
import { buildMatcher, linkGlossaryTerms, type Segment } from './link-terms.js';

type TermRow = typeof glossaryTerm.$inferSelect;
type Category = InitialTerm['category'];

const searchTextOf = (t: Pick<TermRow, 'term' | 'reading' | 'aliases' | 'explanation'>) => normalizeForSearch([t.term, t.reading, ...t.aliases, t.explanation].join(' '));

function serialize(t: TermRow, idsByTerm: Map<string, string>) {
  return {
    id: t.id,
    term: t.term,
    reading: t.reading,
    aliases: t.aliases,
    category: t.category as Category,
    categoryLabel: GLOSSARY_CATEGORY_LABELS[t.category as Category] ?? t.category,
    explanation: t.explanation,
    relatedTerms: t.relatedTerms.map((term) => ({ id: idsByTerm.get(term) ?? null, term })),
    relatedServiceTypes: t.relatedServiceTypes.map((code) => ({ code, label: findServiceType(code)?.label ?? code })),
    relatedCareItems: t.relatedCareItems.map((code) => ({ code, label: findCareItem(code)?.label ?? code })),
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function idsByTerm(db: DbOrTx) {
  const rows = await db.select({ id: glossaryTerm.id, term: glossaryTerm.term }).from(glossaryTerm);
  return new Map(rows.map((r) => [r.term, r.id]));
}

/**
 * Search: the stored `search_text` (normalised term + reading + aliases + explanation) with
 * LIKE, which the pg_trgm GIN index serves for queries of 3+ characters. 1–2 character queries
 * (吸引, 胃瘻, NPPV is 4) have no trigram, so PostgreSQL scans the table — a glossary holds
 * hundreds of rows, so that stays fast. Exact names first, then prefixes, then by reading.
 */
export async function listGlossary(opts: { db: Db; q?: string; category?: Category }) {
  const words = (opts.q ?? '').split(/[\s\u3000]+/).map(normalizeForSearch).filter(Boolean);
  const rows = await opts.db
    .select()
    .from(glossaryTerm)
    .where(and(opts.category ? eq(glossaryTerm.category, opts.category) : undefined, ...words.map((w) => sql`${glossaryTerm.searchText} like ${`%${escapeLike(w)}%`}`)))
    .orderBy(asc(glossaryTerm.reading))
    .limit(500);
  const q = words.join('');
  const rank = (t: TermRow) => {
    if (!q) return 0;
    const names = [t.term, t.reading, ...t.aliases].map(normalizeForSearch);
    if (names.includes(q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.includes(q))) return 2;
    return 3;
  };
  rows.sort((a, b) => rank(a) - rank(b) || a.reading.localeCompare(b.reading, 'ja'));
  const ids = await idsByTerm(opts.db);
  return { items: rows.map((r) => serialize(r, ids)), total: rows.length, nextCursor: null };
}

export async function getGlossaryTerm(opts: { db: DbOrTx; id: string }) {
  const [row] = await opts.db.select().from(glossaryTerm).where(eq(glossaryTerm.id, opts.id));
  if (!row) throw notFound('用語');
  return serialize(row, await idsByTerm(opts.db));
}

function snapshotOf(t: TermRow) {
  const { searchText: _s, ...rest } = t;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function checkCodes(input: { relatedServiceTypes?: string[]; relatedCareItems?: string[] }) {
  const badService = (input.relatedServiceTypes ?? []).filter((c) => !findServiceType(c));
  const badCare = (input.relatedCareItems ?? []).filter((c) => !findCareItem(c));
  const fields = [
    ...(badService.length ? [{ field: 'relatedServiceTypes', label: '関連するサービス', message: `関連するサービス: 不明なコード ${badService.join(', ')}` }] : []),
    ...(badCare.length ? [{ field: 'relatedCareItems', label: '関連する医療的ケア', message: `関連する医療的ケア: 不明なコード ${badCare.join(', ')}` }] : []),
  ];
  if (fields.length) throw new AppError('VALIDATION_FAILED', '関連づけのコードが正しくありません。', { fields });
}

const toHiragana = (s: string) => normalizeForSearch(s);

/** A term's name is unique: say so on the field rather than as a bare conflict. */
async function checkUniqueTerm(tx: DbOrTx, term: string, exceptId?: string) {
  const [dup] = await tx.select({ id: glossaryTerm.id }).from(glossaryTerm).where(eq(glossaryTerm.term, term));
  if (dup && dup.id !== exceptId)
    throw new AppError('VALIDATION_FAILED', `「${term}」はすでに用語集にあります。`, { fields: [{ field: 'term', label: '用語', message: `用語: 「${term}」はすでに登録されています` }] });
}

export async function createGlossaryTerm(opts: { db: Db; actor: Actor; input: z.infer<typeof CreateGlossaryTermSchema> }) {
  const i = opts.input;
  checkCodes(i);
  const id = newId();
  await opts.db.transaction(async (tx) => {
    await checkUniqueTerm(tx, i.term);
    const values = {
      id,
      term: i.term,
      reading: toHiragana(i.reading),
      aliases: i.aliases ?? [],
      category: i.category,
      explanation: i.explanation,
      relatedTerms: i.relatedTerms ?? [],
      relatedServiceTypes: i.relatedServiceTypes ?? [],
      relatedCareItems: i.relatedCareItems ?? [],
      updatedBy: opts.actor.userId,
    };
    const [row] = await tx.insert(glossaryTerm).values({ ...values, searchText: searchTextOf(values) }).returning();
    await tx.insert(glossaryTermRevision).values({ id: newId(), termId: id, version: 1, snapshot: snapshotOf(row!), note: '作成', editedBy: opts.actor.userId });
    await writeAudit(tx, opts.actor.audit, { action: 'glossary.create', entityType: 'glossary_term', entityId: id, details: { term: i.term } });
  });
  return getGlossaryTerm({ db: opts.db, id });
}

export async function updateGlossaryTerm(opts: { db: Db; actor: Actor; id: string; input: z.infer<typeof UpdateGlossaryTermSchema> }) {
  const { expectedVersion, note, ...i } = opts.input;
  checkCodes(i);
  await opts.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(glossaryTerm).where(eq(glossaryTerm.id, opts.id)).for('update');
    if (!cur) throw notFound('用語');
    if (cur.version !== expectedVersion) throw new AppError('CONFLICT', `ほかの人がこの用語を先に更新しました（現在の版: ${cur.version}）。画面を更新してからやり直してください。`);
    if (i.term !== undefined && i.term !== cur.term) await checkUniqueTerm(tx, i.term, cur.id);
    const next = { ...cur, ...i, ...(i.reading ? { reading: toHiragana(i.reading) } : {}) };
    const [row] = await tx
      .update(glossaryTerm)
      .set({ ...i, ...(i.reading ? { reading: next.reading } : {}), searchText: searchTextOf(next), version: cur.version + 1, updatedBy: opts.actor.userId, updatedAt: new Date() })
      .where(eq(glossaryTerm.id, cur.id))
      .returning();
    await tx.insert(glossaryTermRevision).values({ id: newId(), termId: cur.id, version: row!.version, snapshot: snapshotOf(row!), note: note ?? '', editedBy: opts.actor.userId });
    await writeAudit(tx, opts.actor.audit, { action: 'glossary.update', entityType: 'glossary_term', entityId: cur.id, details: { version: row!.version, fields: Object.keys(i) } });
  });
  return getGlossaryTerm({ db: opts.db, id: opts.id });
}

/**
 * Removes a term (coordinators, admins). The term and its revisions go; the audit log keeps
 * the deleted version in full, so a mistaken delete can be typed back. Other terms that name
 * it as related keep the name as plain text. `expectedVersion` guards against deleting a
 * version someone else has just saved.
 */
export async function deleteGlossaryTerm(opts: { db: Db; actor: Actor; id: string; expectedVersion: number }) {
  await opts.db.transaction(async (tx) => {
    const [cur] = await tx.select().from(glossaryTerm).where(eq(glossaryTerm.id, opts.id)).for('update');
    if (!cur) throw notFound('用語');
    if (cur.version !== opts.expectedVersion) throw new AppError('CONFLICT', `ほかの人がこの用語を先に更新しました（現在の版: ${cur.version}）。画面を更新してから確かめてください。`);
    await tx.delete(glossaryTerm).where(eq(glossaryTerm.id, cur.id));
    await writeAudit(tx, opts.actor.audit, { action: 'glossary.delete', entityType: 'glossary_term', entityId: cur.id, details: { term: cur.term, version: cur.version, snapshot: snapshotOf(cur) } });
  });
}

export async function listGlossaryRevisions(opts: { db: Db; id: string }) {
  await getGlossaryTerm(opts);
  const rows = await opts.db
    .select({ r: glossaryTermRevision, name: user.name })
    .from(glossaryTermRevision)
    .leftJoin(user, eq(user.id, glossaryTermRevision.editedBy))
    .where(eq(glossaryTermRevision.termId, opts.id))
    .orderBy(desc(glossaryTermRevision.version));
  return {
    items: rows.map(({ r, name }) => ({ id: r.id, version: r.version, note: r.note, editedBy: r.editedBy, editedByName: name, editedAt: r.editedAt.toISOString(), snapshot: r.snapshot })),
    total: rows.length,
    nextCursor: null,
  };
}

/** Links glossary terms in any text; exported for consultations (and later record notes). */
export async function linkTextWithGlossary(db: DbOrTx, texts: string[]): Promise<Segment[][]> {
  const terms = await db.select({ id: glossaryTerm.id, term: glossaryTerm.term, reading: glossaryTerm.reading, aliases: glossaryTerm.aliases }).from(glossaryTerm);
  const matcher = buildMatcher(terms);
  return texts.map((t) => linkGlossaryTerms(t, matcher));
}

/** Loads the initial entries into an empty glossary (every start; does nothing once terms exist). */
export async function seedGlossary(db: Db, audit: AuditContext = { label: 'system:glossary-seed' }) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(glossaryTerm);
  if ((row?.n ?? 0) > 0) return 0;
  await db.transaction(async (tx) => {
    for (const t of INITIAL_TERMS) {
      const values = {
        id: newId(),
        term: t.term,
        reading: t.reading,
        aliases: t.aliases ?? [],
        category: t.category,
        explanation: t.explanation,
        relatedTerms: t.related ?? [],
        relatedServiceTypes: t.serviceTypes ?? [],
        relatedCareItems: t.careItems ?? [],
      };
      const [inserted] = await tx.insert(glossaryTerm).values({ ...values, searchText: searchTextOf(values) }).onConflictDoNothing().returning();
      if (inserted) await tx.insert(glossaryTermRevision).values({ id: newId(), termId: inserted.id, version: 1, snapshot: snapshotOf(inserted), note: '初期登録' });
    }
    await writeAudit(tx, audit, { action: 'glossary.seed', entityType: 'glossary_term', details: { terms: INITIAL_TERMS.length } });
  });
  return INITIAL_TERMS.length;
}
