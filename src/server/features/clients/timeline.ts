// One timeline per client. A post (入院, 退院, 体調の変化, 計画の変更, メモ) reaches the whole
// team at once — everyone whose consent covers the timeline — in-app and by e-mail, in the
// same transaction (seed: 「いつの間にか入院している」). Glossary terms in a post's text are linked
// to their explanation (bodySegments), as in consultation threads.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { TIMELINE_KIND_LABELS, type CreateTimelineEventSchema } from '../../../shared/contracts/clients.js';
import type { Db, Tx } from '../../db/client.js';
import { client, timelineEvent } from '../../db/schema/index.js';
import { decodeCursor, pageOf } from '../../lib/pagination.js';
import { newId } from '../../lib/ids.js';
import { linkTextWithGlossary } from '../glossary/glossary.js';
import type { Segment } from '../glossary/link-terms.js';
import { notifyUsers, queueEmail } from '../notifications/notify.js';
import { withClientAccess, type AccessActor } from './client-access.js';
import { teamAudience } from './team.js';

type Kind = keyof typeof TIMELINE_KIND_LABELS;
const out = (r: typeof timelineEvent.$inferSelect, bodySegments: Segment[]) => ({
  id: r.id,
  clientId: r.clientId,
  kind: r.kind as Kind,
  kindLabel: TIMELINE_KIND_LABELS[r.kind as Kind],
  occurredAt: r.occurredAt.toISOString(),
  title: r.title,
  body: r.body,
  bodySegments,
  place: r.place,
  authorUserId: r.authorUserId,
  authorName: r.authorName,
  notifiedUserIds: r.notifiedUserIds,
  createdAt: r.createdAt.toISOString(),
});

export async function listTimeline(opts: { db: Db; actor: AccessActor; clientId: string; limit: number; cursor?: string }) {
  const after = decodeCursor(opts.cursor) as [string, string] | undefined;
  return withClientAccess({ ...opts, scopes: ['timeline'], action: 'client.timeline.read' }, async (tx) => {
    const where = eq(timelineEvent.clientId, opts.clientId);
    const [{ total } = { total: 0 }] = await tx.select({ total: sql<number>`count(*)::int` }).from(timelineEvent).where(where);
    const rows = await tx
      .select()
      .from(timelineEvent)
      .where(after ? and(where, sql`(${timelineEvent.occurredAt}, ${timelineEvent.id}) < (${after[0]}::timestamptz, ${after[1]})`) : where)
      .orderBy(desc(timelineEvent.occurredAt), desc(timelineEvent.id))
      .limit(opts.limit + 1);
    const page = pageOf(rows, opts.limit, (r) => [r.occurredAt.toISOString(), r.id]);
    // The glossary is public to members; the note text itself was read under the record's RLS.
    const segments = await linkTextWithGlossary(tx, page.items.map((r) => r.body));
    return { items: page.items.map((r, i) => out(r, segments[i]!)), total, nextCursor: page.nextCursor };
  });
}

/**
 * Inserts a timeline event and notifies the team, inside an access transaction that is already
 * open (plans use it for 計画の変更).
 */
export async function insertTimelineEvent(tx: Tx, actor: AccessActor, clientId: string, input: z.infer<typeof CreateTimelineEventSchema>) {
  const audience = (await teamAudience(tx, clientId)).filter((a) => a.scopes.includes('timeline') && a.userId !== actor.userId);
  const [c] = await tx.select({ name: client.name }).from(client).where(eq(client.id, clientId));
  const id = newId();
  const [row] = await tx
    .insert(timelineEvent)
    .values({
      id,
      clientId,
      kind: input.kind,
      occurredAt: new Date(input.occurredAt),
      title: input.title,
      body: input.body,
      place: input.place,
      authorUserId: actor.userId,
      authorName: actor.name,
      notifiedUserIds: audience.map((a) => a.userId),
    })
    .returning();
  const label = TIMELINE_KIND_LABELS[input.kind];
  const link = `/clients/${clientId}/timeline`;
  await notifyUsers({ tx, userIds: audience.map((a) => a.userId), kind: `client.timeline.${input.kind}`, title: `${c?.name ?? '担当利用者'}さん: ${label}「${input.title}」`, body: input.body.slice(0, 500), link });
  // E-mail is not a safe channel for 要配慮個人情報: it says only that something was posted.
  for (const a of audience)
    await queueEmail({
      tx,
      to: a.email,
      subject: `【つなぐ】担当する利用者の経過記録に「${label}」が投稿されました`,
      text: `担当する利用者の経過記録に新しい投稿（${label}）があります。\n内容はつなぐにログインして確認してください: ${link}\n\n※このメールには個人情報を記載していません。`,
    });
  const [segments] = await linkTextWithGlossary(tx, [row!.body]);
  return out(row!, segments!);
}

export async function postTimelineEvent(opts: { db: Db; actor: AccessActor; clientId: string; input: z.infer<typeof CreateTimelineEventSchema> }) {
  return withClientAccess({ ...opts, scopes: ['timeline'], action: 'client.timeline.post', details: { kind: opts.input.kind } }, (tx) => insertTimelineEvent(tx, opts.actor, opts.clientId, opts.input));
}
