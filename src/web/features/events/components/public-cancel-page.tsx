// /public/registrations/cancel?token=… — the cancel link of the confirmation e-mail. Asks once
// before cancelling (a mail scanner following the link must not cancel anything).
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { ErrorState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCancelPublicRegistration } from '../api/cancel-public-registration';

export function PublicCancelPage({ token }: { token?: string }) {
  const t = useT();
  useDocumentTitle(t('pub.cancelTitle'));
  const cancel = useCancelPublicRegistration();
  return (
    <div className="page page--narrow public-page">
      <PageHeader title={t('pub.cancelTitle')} />
      {!token ? (
        <Alert tone="error">{t('pub.cancelNoToken')}</Alert>
      ) : cancel.isSuccess ? (
        <Alert tone="success">{t('pub.cancelDone')}</Alert>
      ) : (
        <>
          <p>{t('pub.cancelBody')}</p>
          {cancel.error ? <ErrorState error={cancel.error} /> : null}
          <Button variant="danger" isPending={cancel.isPending} pendingText={t('common.saving')} onClick={() => cancel.mutate(token)}>
            {t('pub.cancelSubmit')}
          </Button>
        </>
      )}
    </div>
  );
}
