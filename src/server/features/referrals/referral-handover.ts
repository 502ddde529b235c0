// Hand-over from an accepted referral to the client record (docs/referrals.md §7).
//
// Accepting an offer opens the client's record in the same transaction (acceptOffer): identity,
// address, guardian and care items come from the intake; the guardian's intake consent is
// carried over as the record's first consent; the accepting consultant is the first team
// member. A coordinator joins the team when they accept the backup (respondBackup), and leaves
// it when that backup ends. A failure anywhere rolls the whole acceptance back.
import { and, asc, eq } from 'drizzle-orm';
import { ClientIdentityInputSchema, ContactSchema, MedicalSchema, ProfileSchema } from '../../../shared/contracts/clients.js';
import { CONSENT_METHOD_LABELS } from '../../../shared/contracts/referrals.js';
import { CONSENT_SCOPES, type ConsentScope } from '../../../shared/domain/consent-scopes.js';
import type { Tx } from '../../db/client.js';
import { caseBackup, officeMembership, referralCase } from '../../db/schema/index.js';
import type { AuditContext } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { openClientFromReferral } from '../clients/records.js';
import { joinTeamFromReferral, leaveTeamFromReferral, type CarriedConsent } from '../clients/team.js';
import type { CaseRow } from './referral-views.js';

/**
 * Record scopes the intake consent carries over to the accepting consultant's office.
 *
 * | Intake consent                          | Record scope |
 * |-----------------------------------------|--------------|
 * | shareWith `consultant_candidates`       | `profile` (address), `contact` (guardian) — the identifying half the accepted consultant receives |
 * | item `care_items`                       | `medical` |
 * | item `services_wanted`, `wishes` or `summary` | `plan` |
 * | items `age`, `municipality`, `urgency`  | nothing more (the record's identity columns are not scope-bound) |
 * | —                                       | never `timeline` or `emergency` (emergency follows from medical + contact) |
 *
 * Without `consultant_candidates` nothing is carried over (no offer can be sent then anyway).
 */
export function recordScopesFromIntakeConsent(c: { shareWith: readonly string[]; items: readonly string[] }): ConsentScope[] {
  if (!c.shareWith.includes('consultant_candidates')) return [];
  const s = new Set<ConsentScope>(['profile', 'contact']);
  if (c.items.includes('care_items')) s.add('medical');
  if (['services_wanted', 'wishes', 'summary'].some((i) => c.items.includes(i))) s.add('plan');
  return CONSENT_SCOPES.filter((x) => s.has(x));
}

/**
 * What a backup coordinator needs: advice on the medical care and the plan (conferences), not
 * the family's address and contacts (the consultant stays the family's contact). Never more
 * than the intake consent carries over.
 */
export const BACKUP_COORDINATOR_SCOPES: readonly ConsentScope[] = ['medical', 'plan'];
export const backupCoordinatorScopes = (intake: readonly ConsentScope[]) => intake.filter((s) => BACKUP_COORDINATOR_SCOPES.includes(s));

const METHOD = { written: 'written', electronic: 'electronic', verbal: 'oral' } as const;

/** The intake's consent record as a record consent with the given scopes. */
export function consentFromIntake(row: CaseRow, scopes: ConsentScope[]): CarriedConsent {
  const method = METHOD[row.consentMethod];
  const doc = `紹介依頼の受付時の同意（${CONSENT_METHOD_LABELS[row.consentMethod]}、紹介依頼 ${row.id}）${row.consentNote ? `：${row.consentNote}` : ''}`;
  return {
    scopes,
    purpose: '紹介による引き継ぎ：計画相談支援と支援チームでの情報共有',
    // The intake records who consented by relation only (「母」); an adult's own consent names them.
    givenBy: row.consentGivenBy === '本人' ? row.clientName : row.consentGivenBy,
    givenByRelation: row.consentGivenBy.slice(0, 20),
    consentedOn: row.consentObtainedOn,
    method,
    document: doc.slice(0, 300),
  };
}

const IDENTITY_LABELS: Record<string, string> = { name: '氏名', nameKana: '氏名（よみ）', birthDate: '生年月日', sex: '性別', municipalityCode: '市区町村' };

/** The record's identity from the intake's identifying columns; 409 when the intake lacks one. */
export function identityFromIntake(row: CaseRow) {
  const r = ClientIdentityInputSchema.safeParse({
    name: row.clientName,
    nameKana: row.clientNameKana ?? '',
    birthDate: row.clientBirthDate ?? '',
    sex: row.clientSex ?? 'unknown',
    municipalityCode: row.municipalityCode,
  });
  if (r.success) return r.data;
  const missing = [...new Set(r.error.issues.map((i) => IDENTITY_LABELS[String(i.path[0])] ?? String(i.path[0])))];
  throw conflict(
    `紹介依頼の${missing.join('・')}が未入力または正しくないため、利用者の記録を作成できず、受諾できません。紹介依頼を登録した人かコーディネーターに入力を依頼してください。`,
  );
}

const PHONE = /^[0-9０-９+\-－() （）]{1,30}$/;

/** Address → 基本情報; guardian → 連絡先; care items with 見守り → 医療情報. */
export function sectionsFromIntake(row: CaseRow) {
  const contactText = row.guardianContact?.trim() ?? '';
  const asPhone = PHONE.test(contactText);
  const asEmail = !asPhone && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactText);
  return {
    profile: ProfileSchema.parse({ address: row.clientAddress ?? '' }),
    contact: ContactSchema.parse({
      guardians: row.guardianName
        ? [
            {
              name: row.guardianName,
              relation: '保護者',
              phone: asPhone ? contactText : '',
              email: asEmail ? contactText : '',
              isPrimary: true,
              note: ['紹介の受付時の記録（続柄は未確認）', !asPhone && !asEmail && contactText ? `連絡先: ${contactText}` : ''].filter(Boolean).join('。').slice(0, 500),
            },
          ]
        : [],
    }),
    medical: MedicalSchema.parse({ careItems: row.careItems.map((i) => ({ code: i.code, monitoring: i.monitoring, note: i.note ?? '' })) }),
  };
}

/** The office a person acts for: their first office membership (oldest), or null when they have none. */
export async function firstOfficeOf(tx: Tx, userId: string): Promise<string | null> {
  const [m] = await tx
    .select({ officeId: officeMembership.officeId })
    .from(officeMembership)
    .where(eq(officeMembership.userId, userId))
    .orderBy(asc(officeMembership.createdAt), asc(officeMembership.officeId))
    .limit(1);
  return m?.officeId ?? null;
}

/**
 * Opens the client record for a case that was just assigned to `consultant` and stores its id
 * on the case. Inside the acceptance transaction: any failure rolls the acceptance back.
 */
export async function openClientForAcceptedCase(tx: Tx, row: CaseRow, consultant: { userId: string; audit: AuditContext }): Promise<string> {
  if (row.clientId) throw conflict('この紹介依頼からは、すでに利用者の記録が作成されています。');
  const identity = identityFromIntake(row);
  const scopes = recordScopesFromIntakeConsent({ shareWith: row.consentShareWith, items: row.consentItems });
  if (!scopes.length) throw conflict('保護者の同意（相談支援専門員への引き継ぎ）が記録されていないため、利用者の記録を作成できません。');
  const clientId = await openClientFromReferral({
    tx,
    audit: consultant.audit,
    caseIntakeId: row.id,
    identity,
    consent: consentFromIntake(row, scopes),
    consultant: { userId: consultant.userId, officeId: await firstOfficeOf(tx, consultant.userId) },
    ...sectionsFromIntake(row),
    byUserId: consultant.userId,
  });
  await tx.update(referralCase).set({ clientId }).where(eq(referralCase.id, row.id));
  return clientId;
}

/**
 * A coordinator accepted the backup of an assigned case: they join the record's team with the
 * consent a backup needs. Returns the membership id (null: the case has no record, or they are
 * already on the team).
 */
export async function addBackupCoordinatorToClient(
  tx: Tx,
  opts: { row: CaseRow; backupId: string; coordinator: { userId: string }; consultant: { userId: string; name: string }; audit: AuditContext },
): Promise<string | null> {
  const { row } = opts;
  if (!row.clientId) return null;
  const scopes = backupCoordinatorScopes(recordScopesFromIntakeConsent({ shareWith: row.consentShareWith, items: row.consentItems }));
  const memberId = await joinTeamFromReferral({
    tx,
    audit: opts.audit,
    clientId: row.clientId,
    member: { role: 'coordinator', userId: opts.coordinator.userId, officeId: await firstOfficeOf(tx, opts.coordinator.userId), roleNote: '後方支援（紹介の後方支援を引き受け）' },
    consent: scopes.length ? consentFromIntake(row, scopes) : null,
    providedBy: opts.consultant,
    details: { caseId: row.id, backupId: opts.backupId },
  });
  if (memberId) await tx.update(caseBackup).set({ clientTeamMemberId: memberId }).where(and(eq(caseBackup.id, opts.backupId), eq(caseBackup.caseId, row.id)));
  return memberId;
}

/** A backup ended: the coordinator leaves the team — only the membership the backup added. */
export async function removeBackupCoordinatorFromClient(tx: Tx, opts: { clientId: string | null; backupId: string; memberId: string | null; audit: AuditContext; reason: string }) {
  if (!opts.clientId || !opts.memberId) return false;
  return leaveTeamFromReferral({ tx, audit: opts.audit, clientId: opts.clientId, memberId: opts.memberId, details: { backupId: opts.backupId, reason: opts.reason } });
}
