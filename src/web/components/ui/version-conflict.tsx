// A save refused with 409 because someone else saved the document first (optimistic
// version): the server's message, and a way to load their version (the user's own edits are
// on screen until they choose to reload).
import { useT } from '../../i18n/i18n';
import { isApiError } from '../../lib/api-client';
import { Alert } from './alert';
import { Button } from './button';

export const isVersionConflict = (error: unknown) => isApiError(error) && error.status === 409;

export function VersionConflict({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useT();
  if (!isVersionConflict(error) || !isApiError(error)) return null;
  return (
    <Alert tone="error" title={t('conflict.title')}>
      <p>{error.problem.detail}</p>
      <p>{t('conflict.body')}</p>
      <p>
        <Button variant="secondary" size="sm" onClick={onReload}>
          {t('conflict.reload')}
        </Button>
      </p>
    </Alert>
  );
}

/**
 * The submit step of a form saved with an optimistic version: clears the previous server error,
 * saves, then calls `onSaved`; a 409 is left to <VersionConflict> (shown from the mutation's
 * error), any other server error goes to the form's error summary.
 */
export function saveWithVersion<I>(opts: { errors: { reset: () => void; onServerError: (e: unknown) => void }; save: (input: I) => Promise<unknown>; onSaved: () => void }) {
  return async (input: I) => {
    opts.errors.reset();
    try {
      await opts.save(input);
      opts.onSaved();
    } catch (e) {
      if (!isVersionConflict(e)) opts.errors.onServerError(e);
    }
  };
}
