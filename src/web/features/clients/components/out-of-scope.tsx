import { Alert } from '../../../components/ui/alert';
import { useT } from '../../../i18n/i18n';

/** A section the guardian's consent does not cover for this viewer: said, not hidden silently. */
export function OutOfScope() {
  const t = useT();
  return (
    <Alert tone="info" role="none">
      <p>{t('clients.outOfScope')}</p>
    </Alert>
  );
}
