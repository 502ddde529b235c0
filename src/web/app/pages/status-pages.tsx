// Not found, not permitted, and unexpected errors: each a real page with one h1 and a way on.
import { Link } from '@tanstack/react-router';
import { Alert } from '../../components/ui/alert';
import { PageHeader, useDocumentTitle } from '../../components/ui/page';
import { useT } from '../../i18n/i18n';
import { problemOf } from '../../lib/api-client';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('errors.notFoundTitle'));
  return (
    <div className="page page--narrow">
      <PageHeader title={t('errors.notFoundTitle')} lead={t('errors.notFoundBody')} />
      <p>
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </div>
  );
}

/** Shown instead of a page the account may not use; `detail` is the server's 403 message, if any. */
export function ForbiddenPage({ detail }: { detail?: string }) {
  const t = useT();
  useDocumentTitle(t('errors.forbiddenTitle'));
  return (
    <div className="page page--narrow">
      <PageHeader title={t('errors.forbiddenTitle')} />
      <Alert tone="error" role="none">
        <p>{t('errors.forbiddenBody')}</p>
        {detail ? <p>{detail}</p> : null}
      </Alert>
      <p>
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </div>
  );
}

export function ErrorPage({ error, reset }: { error: unknown; reset?: () => void }) {
  const t = useT();
  const problem = problemOf(error);
  useDocumentTitle(t('errors.genericTitle'));
  if (problem?.status === 403) return <ForbiddenPage detail={problem.detail} />;
  return (
    <div className="page page--narrow">
      <PageHeader title={t('errors.genericTitle')} />
      <Alert tone="error">
        <p>{problem?.detail}</p>
        {problem?.requestId ? <p className="alert__meta">{t('errors.requestId', { id: problem.requestId })}</p> : null}
      </Alert>
      <p className="button-row">
        {reset ? (
          <button type="button" className="button button--secondary" onClick={reset}>
            {t('common.retry')}
          </button>
        ) : null}
        <Link to="/">{t('common.goHome')}</Link>
      </p>
    </div>
  );
}
