import { Badge } from '../../../components/ui/badge';
import { useT } from '../../../i18n/i18n';
import type { Survey } from '../api/list-surveys';

export function SurveyStatusBadge({ status }: { status: Survey['status'] }) {
  const t = useT();
  const tone = status === 'open' ? 'success' : status === 'draft' ? 'neutral' : 'warning';
  return <Badge tone={tone}>{t(`sv.status.${status}`)}</Badge>;
}
