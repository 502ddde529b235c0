// The guardian's consents to give the evacuation plan to recipients (市, 消防, 自治会, 避難先…),
// each with the items it covers. Recording a consent to the city makes the plan visible to
// that city's officials (decision 012): that is a provision, recorded at once. Revocation
// takes effect on the next query (the database computes access from active consents).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { EvacuationConsentInputSchema } from '../../../shared/contracts/evacuation.js';
import type { RevokeConsentSchema } from '../../../shared/contracts/clients.js';
import type { ConsentScope } from '../../../shared/domain/consent-scopes.js';
import { DEFAULT_ITEMS_BY_RECIPIENT, EVACUATION_ITEMS, EVACUATION_RECIPIENT_LABELS, evacuationItemLabel, type EvacuationItem, type EvacuationRecipientKind } from '../../../shared/domain/evacuation-recipients.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { Db, Tx } from '../../db/client.js';
import { client, evacuationConsent } from '../../db/schema/index.js';
import { AppError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { writeProvision } from '../clients/team.js';
import { withEvacuationAccess, type EvacuationActor } from './with-evacuation-access.js';

type Opts = { db: Db; actor: EvacuationActor; clientId: string };
type ConsentRow = typeof evacuationConsent.$inferSelect;

export const isActiveEvacuationConsent = (c: Pick<ConsentRow, 'revokedAt' | 'expiresOn'>, asOf = tokyoDate()) => !c.revokedAt && (!c.expiresOn || c.expiresOn >= asOf);

/** Which record scopes a set of plan items draws on (for the provision record). */
export function scopesOfItems(items: readonly EvacuationItem[]): ConsentScope[] {
  const s = new Set<ConsentScope>(['plan']);
  for (const i of items) {
    if (i === 'identity' || i === 'address') s.add('profile');
    if (i === 'phone' || i === 'supporters') s.add('contact');
    if (i === 'devices' || i === 'medications' || i === 'medical_contacts') s.add('medical');
  }
  return [...s];
}

export const consentOut = (c: ConsentRow) => ({
  id: c.id,
  clientId: c.clientId,
  recipientKind: c.recipientKind as EvacuationRecipientKind,
  recipientKindLabel: EVACUATION_RECIPIENT_LABELS[c.recipientKind as EvacuationRecipientKind] ?? c.recipientKind,
  recipientName: c.recipientName,
  recipientMunicipalityCode: c.recipientMunicipalityCode,
  items: c.items.filter((i): i is EvacuationItem => (EVACUATION_ITEMS as readonly string[]).includes(i)),
  purpose: c.purpose,
  givenBy: c.givenBy,
  givenByRelation: c.givenByRelation,
  consentedOn: c.consentedOn,
  method: c.method as 'written' | 'electronic' | 'oral',
  document: c.document,
  expiresOn: c.expiresOn,
  recordedByName: c.recordedByName,
  recordedAt: c.recordedAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revokeReason: c.revokeReason,
  active: isActiveEvacuationConsent(c),
});

export async function listEvacuationConsents(o: Opts) {
  return withEvacuationAccess({ ...o, need: 'read', action: 'evacuation_consent.read' }, async (tx) =>
    (await tx.select().from(evacuationConsent).where(eq(evacuationConsent.clientId, o.clientId)).orderBy(desc(evacuationConsent.recordedAt), desc(evacuationConsent.id))).map(consentOut),
  );
}

export async function recordEvacuationConsent(o: Opts & { input: z.infer<typeof EvacuationConsentInputSchema> }) {
  const { input } = o;
  const items = [...new Set(input.items ?? DEFAULT_ITEMS_BY_RECIPIENT[input.recipientKind])];
  return withEvacuationAccess({ ...o, need: 'manage', action: 'evacuation_consent.record', details: { recipientKind: input.recipientKind, items } }, async (tx) => {
    const [c] = await tx.select({ municipalityCode: client.municipalityCode }).from(client).where(eq(client.id, o.clientId));
    if (!c) throw notFound('利用者');
    const [row] = await tx
      .insert(evacuationConsent)
      .values({
        id: newId(),
        clientId: o.clientId,
        recipientKind: input.recipientKind,
        recipientName: input.recipientName,
        // A consent to "the city" is to the client's city as it is today; a move needs a new one.
        recipientMunicipalityCode: input.recipientKind === 'city' ? c.municipalityCode : null,
        items,
        purpose: input.purpose || '災害時の避難支援（個別避難計画の提供）',
        givenBy: input.givenBy,
        givenByRelation: input.givenByRelation,
        consentedOn: input.consentedOn,
        method: input.method,
        document: input.document,
        expiresOn: input.expiresOn,
        recordedBy: o.actor.userId,
        recordedByName: o.actor.name,
      })
      .returning();
    if (input.recipientKind === 'city')
      await writeProvision(tx, {
        clientId: o.clientId,
        kind: 'team_access',
        recipientName: input.recipientName,
        scopes: scopesOfItems(items),
        items: [`個別避難計画の閲覧・承認・避難シミュレーション（${items.map(evacuationItemLabel).join('、')}）`],
        consentId: row!.id,
        actor: o.actor,
      });
    return consentOut(row!);
  });
}

export async function revokeEvacuationConsent(o: Opts & { consentId: string; input: z.infer<typeof RevokeConsentSchema> }) {
  return withEvacuationAccess({ ...o, need: 'manage', action: 'evacuation_consent.revoke', entityType: 'evacuation_consent', entityId: o.consentId, details: { reason: o.input.reason } }, async (tx) => {
    const [row] = await tx
      .update(evacuationConsent)
      .set({ revokedAt: new Date(), revokedBy: o.actor.userId, revokeReason: o.input.reason })
      .where(and(eq(evacuationConsent.id, o.consentId), eq(evacuationConsent.clientId, o.clientId), isNull(evacuationConsent.revokedAt)))
      .returning();
    if (!row) throw notFound('有効な同意');
    return consentOut(row);
  });
}

/** The active consent with this id for this client, or 403 (used by every export to a recipient). */
export async function activeConsentFor(tx: Tx, clientId: string, consentId: string) {
  const [row] = await tx.select().from(evacuationConsent).where(and(eq(evacuationConsent.id, consentId), eq(evacuationConsent.clientId, clientId)));
  if (!row || !isActiveEvacuationConsent(row)) throw new AppError('FORBIDDEN', 'この提供先への個別避難計画の提供について、保護者の有効な同意が記録されていません。');
  return row;
}
