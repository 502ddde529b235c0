// Case managers' actions on a referral: correct the intake (while no one has taken the case) and
// close it (live offers withdrawn, a live backup ended — after a confirmation with a reason).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { useCloseCase } from '../api/close-case';
import type { ReferralCase } from '../api/types';

export function CaseActions({ c, onDone }: { c: ReferralCase; onDone: (message: string) => void }) {
  const t = useT();
  const close = useCloseCase();
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  const confirm = () => {
    if (!reason.trim()) {
      setReasonError(t('cases.closeReasonRequired'));
      return;
    }
    // mutateAsync, not mutate's callbacks: the refetched case is closed, which unmounts this
    // section before per-call callbacks would run.
    close
      .mutateAsync({ caseId: c.id, reason: reason.trim() })
      .then(() => {
        setClosing(false);
        onDone(t('cases.closed'));
      })
      .catch(() => undefined); // shown in the dialog from close.error
  };

  return (
    <Section title={t('cases.manage')} id="case-actions">
      <div className="button-row">
        {c.status === 'open' ? (
          <Link className="button button--secondary" to="/cases/$caseId/edit" params={{ caseId: c.id }}>
            {t('cases.edit')}
          </Link>
        ) : null}
        <Button
          variant="danger"
          onClick={() => {
            close.reset();
            setReason('');
            setReasonError(undefined);
            setClosing(true);
          }}
        >
          {t('cases.close')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={closing}
        onOpenChange={setClosing}
        title={t('cases.closeTitle')}
        confirmLabel={t('cases.closeConfirm')}
        isPending={close.isPending}
        problem={close.error ? problemOf(close.error) : null}
        onConfirm={confirm}
      >
        <p>{t('cases.closeBody')}</p>
        <TextAreaField
          label={t('cases.closeReason')}
          description={t('cases.closeReasonHint')}
          isRequired
          rows={2}
          maxLength={500}
          value={reason}
          error={reasonError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(undefined);
          }}
        />
      </ConfirmDialog>
    </Section>
  );
}
