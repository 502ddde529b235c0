import { Alert } from '../../../components/ui/alert';
import { useT } from '../../../i18n/i18n';

/** Shown instead of a form the account may not use (the server refuses it anyway). */
export function ForbiddenNotice() {
  const t = useT();
  return (
    <div className="page page--narrow">
      <Alert tone="warning" title={t('errors.forbiddenTitle')}>
        <p>{t('people.editForbidden')}</p>
      </Alert>
    </div>
  );
}
