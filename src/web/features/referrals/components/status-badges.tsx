import type { CaseStatus, OfferStatus, Urgency } from '../../../../shared/contracts/referrals';
import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n';
import { offerStatusLabel, offerStatusTone, urgencyLabel, urgencyTone } from './labels';

export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <Badge tone={urgencyTone[urgency]}>{urgencyLabel(urgency)}</Badge>;
}

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  return <Badge tone={offerStatusTone[status]}>{offerStatusLabel(status)}</Badge>;
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  const tone = status === 'open' ? 'warning' : status === 'assigned' ? 'success' : 'neutral';
  return <Badge tone={tone}>{t(`cases.status.${status}`)}</Badge>;
}

/** Overdue is said in words (and an icon-free badge), never by colour alone. */
export function OverdueBadge() {
  const t = useT();
  return <Badge tone="danger">{t('cases.overdue')}</Badge>;
}
