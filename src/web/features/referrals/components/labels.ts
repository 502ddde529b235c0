// Labels of intake and referral codes, from the shared contracts and domain tables (defined once).
import {
  CONSENT_METHOD_LABELS,
  DECLINE_REASON_LABELS,
  OFFER_STATUS_LABELS,
  SERVICE_DECLINE_REASON_LABELS,
  SHAREABLE_ITEM_LABELS,
  SOURCE_LABELS,
  URGENCY_LABELS,
  type DeclineReason,
  type OfferStatus,
  type ServiceDeclineReason,
  type ShareableItem,
  type Urgency,
} from '../../../../shared/contracts/referrals';
import { MONITORING_LEVEL_LABELS, type MonitoringLevel } from '../../../../shared/domain/care-items';
import { findServiceType } from '../../../../shared/domain/service-types';
import type { BadgeTone } from '../../../components/ui/badge';

export const urgencyLabel = (u: Urgency) => URGENCY_LABELS[u];
export const urgencyTone: Record<Urgency, BadgeTone> = { urgent: 'danger', soon: 'warning', normal: 'neutral' };
export const offerStatusLabel = (s: OfferStatus) => OFFER_STATUS_LABELS[s];
export const offerStatusTone: Record<OfferStatus, BadgeTone> = {
  draft: 'neutral',
  sent: 'info',
  viewed: 'info',
  accepted: 'success',
  declined: 'warning',
  expired: 'danger',
  withdrawn: 'neutral',
  completed: 'success',
};
export const declineReasonLabel = (r: DeclineReason) => DECLINE_REASON_LABELS[r];
export const serviceDeclineReasonLabel = (r: ServiceDeclineReason) => SERVICE_DECLINE_REASON_LABELS[r];
export const sourceLabel = (s: string) => SOURCE_LABELS[s as keyof typeof SOURCE_LABELS] ?? s;
export const consentMethodLabel = (m: string) => CONSENT_METHOD_LABELS[m as keyof typeof CONSENT_METHOD_LABELS] ?? m;
export const shareableItemLabel = (i: string) => SHAREABLE_ITEM_LABELS[i as ShareableItem] ?? i;
export const monitoringLabel = (m: string) => MONITORING_LEVEL_LABELS[m as MonitoringLevel] ?? m;
export const serviceTypeLabel = (code: string) => findServiceType(code)?.label ?? code;
