// /cases/$caseId/edit: a case manager corrects the intake of an open case (the intake form,
// filled from the case's full view). Others get the server's 403 / 404 as an error state.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../../components/ui/alert';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCase } from '../api/get-case';
import { IntakePage } from './intake-page';

export function CaseEditPage({ caseId }: { caseId: string }) {
  const t = useT();
  const kase = useCase(caseId);
  if (kase.isPending) return <LoadingState />;
  if (kase.error) return <ErrorState error={kase.error} onRetry={() => void kase.refetch()} />;
  const c = kase.data;
  if (c.view !== 'full' || c.status !== 'open')
    return (
      <div className="page page--narrow">
        <Alert tone="warning" title={t('intake.editTitle')}>
          <p>{t('intake.notEditable')}</p>
          <p>
            <Link to="/cases/$caseId" params={{ caseId }}>
              {t('cases.backToCase')}
            </Link>
          </p>
        </Alert>
      </div>
    );
  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases/$caseId" params={{ caseId }}>
          {t('cases.backToCase')}
        </Link>
      </p>
      <IntakePage existing={c} />
    </>
  );
}
