import { useT } from '../../i18n/i18n';
import { problemOf } from '../../lib/api-client';
import { Alert } from './alert';

export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="loading__spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed request, in the server's words (problem detail), with the request id for support. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const problem = problemOf(error);
  if (!problem) return null;
  const title = problem.status === 403 ? t('errors.forbiddenTitle') : t('errors.genericTitle');
  return (
    <Alert tone="error" title={title}>
      <p>{problem.detail}</p>
      {problem.requestId ? <p className="alert__meta">{t('errors.requestId', { id: problem.requestId })}</p> : null}
      {onRetry ? (
        <p>
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </Alert>
  );
}
