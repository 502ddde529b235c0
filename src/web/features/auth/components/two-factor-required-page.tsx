// /account/2fa: where an account that must use two-factor is held until it has enrolled.
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert } from '../../../components/ui/alert';
import { PageHeader, useDocumentTitle } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { meQueryOptions, useMe } from '../api/get-me';
import { TwoFactorEnrolment } from './two-factor-enrolment';

export function TwoFactorRequiredPage({ onEnrolled }: { onEnrolled: () => void }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  useDocumentTitle(t('twoFactor.requiredTitle'));

  return (
    <div className="page page--narrow">
      <PageHeader title={t('twoFactor.requiredTitle')} />
      {me.twoFactorEnabled ? (
        <Alert tone="success">
          <p>{t('twoFactor.alreadyEnabled')}</p>
          <p>
            <Link to="/account">{t('twoFactor.toAccount')}</Link>
          </p>
        </Alert>
      ) : (
        <>
          {me.twoFactorRequired ? (
            <Alert tone="warning" role="none">
              <p>{t('twoFactor.requiredIntro')}</p>
            </Alert>
          ) : null}
          <TwoFactorEnrolment
            onDone={async () => {
              await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
              onEnrolled();
            }}
          />
        </>
      )}
    </div>
  );
}
