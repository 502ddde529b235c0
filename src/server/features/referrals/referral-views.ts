// What each viewer sees of a case. The limited view is built by *adding* only consented items
// (never by removing sensitive ones), so a new column stays hidden until someone decides.
import { z } from 'zod';
import { ageBand, type ReferralCaseViewSchema, type ShareableItem } from '../../../shared/contracts/referrals.js';
import { getCareItem, type CareItemCode, type MonitoringLevel } from '../../../shared/domain/care-items.js';
import { computeCareScore } from '../../../shared/domain/care-score.js';
import { findTokatsuMunicipality } from '../../../shared/domain/municipalities.js';
import { SERVICE_TYPES } from '../../../shared/domain/service-types.js';
import { daysBetween } from '../../../shared/calendar-date.js';
import { tokyoDate } from '../../../shared/dates.js';
import type { referralCase } from '../../db/schema/index.js';

export type CaseRow = typeof referralCase.$inferSelect;
export type CaseView = z.infer<typeof ReferralCaseViewSchema>;

const serviceLabel = new Map(SERVICE_TYPES.map((s) => [s.code as string, s.label]));

export function careItemsView(items: CaseRow['careItems']) {
  return items.map((i) => ({ code: i.code, label: getCareItem(i.code as CareItemCode).label, monitoring: i.monitoring, ...(i.note ? { note: i.note } : {}) }));
}

export function careScoreOf(items: CaseRow['careItems']): number {
  return computeCareScore(items.map((i) => ({ code: i.code as CareItemCode, monitoring: i.monitoring as MonitoringLevel }))).total;
}

export interface ViewExtras {
  now?: Date;
  createdByName?: string;
  assignedName?: string | null;
  backups?: CaseView['backups'];
  myOffer?: CaseView['myOffer'];
  /** Lists leave identity out even for full viewers; only the detail GET carries it. */
  withIdentity?: boolean;
}

export function toCaseView(row: CaseRow, view: 'full' | 'limited', x: ViewExtras = {}): CaseView {
  const now = x.now ?? new Date();
  const base: CaseView = {
    id: row.id,
    view,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    waitingDays: daysBetween(tokyoDate(row.createdAt), tokyoDate(row.assignedAt ?? now)),
    ...(x.myOffer !== undefined ? { myOffer: x.myOffer } : {}),
  };
  const allowed = new Set(view === 'full' ? ['age', 'municipality', 'care_items', 'services_wanted', 'urgency', 'wishes', 'summary'] : row.consentItems);
  if (allowed.has('municipality')) {
    base.municipalityCode = row.municipalityCode;
    base.municipalityName = findTokatsuMunicipality(row.municipalityCode)?.name ?? row.municipalityCode;
  }
  if (allowed.has('age')) {
    base.ageBand = ageBand(row.ageYears);
    if (view === 'full') base.ageYears = row.ageYears;
  }
  if (allowed.has('care_items')) {
    base.careItems = careItemsView(row.careItems);
    base.careScore = careScoreOf(row.careItems);
  }
  if (allowed.has('services_wanted'))
    base.servicesWanted = row.servicesWanted.map((s) => ({ serviceType: s.serviceType, label: serviceLabel.get(s.serviceType) ?? s.serviceType, ...(s.note ? { note: s.note } : {}) }));
  if (allowed.has('urgency')) base.urgency = row.urgency;
  if (allowed.has('wishes')) base.wishes = row.wishes;
  if (allowed.has('summary')) base.summary = row.summary;
  if (view === 'full') {
    base.source = row.source;
    base.sourceNote = row.sourceNote;
    base.createdBy = { id: row.createdBy, name: x.createdByName ?? '' };
    base.consent = {
      obtainedOn: row.consentObtainedOn,
      method: row.consentMethod,
      givenBy: row.consentGivenBy,
      shareWith: row.consentShareWith as ('consultant_candidates' | 'service_providers')[],
      items: row.consentItems as ShareableItem[],
      note: row.consentNote,
      recordedBy: row.consentRecordedBy,
    };
    base.assignedConsultant = row.assignedConsultantId && row.assignedAt ? { id: row.assignedConsultantId, name: x.assignedName ?? '', assignedAt: row.assignedAt.toISOString() } : null;
    base.clientId = row.clientId;
    if (row.status === 'closed') base.closed = { at: row.closedAt?.toISOString() ?? null, reason: row.closeReason ?? '' };
    if (x.backups) base.backups = x.backups;
    if (x.withIdentity)
      base.identity = {
        name: row.clientName,
        nameKana: row.clientNameKana,
        birthDate: row.clientBirthDate,
        sex: row.clientSex,
        address: row.clientAddress,
        guardianName: row.guardianName,
        guardianContact: row.guardianContact,
      };
  }
  return base;
}
