// Coordinator backup on a case: its state, a request (to one coordinator or the whole area)
// by the assigned consultant or a case manager, and the coordinator's answer.
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog, Dialog, DialogActions } from '../../../components/ui/dialog';
import { SelectField, TextAreaField } from '../../../components/ui/fields';
import { Section } from '../../../components/ui/page';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import type { Me } from '../../auth';
import { useCoordinators } from '../../people';
import { useEndBackup } from '../api/end-backup';
import { useRequestBackup } from '../api/request-backup';
import { useRespondBackup } from '../api/respond-backup';
import type { ReferralCase } from '../api/types';

type CaseBackup = NonNullable<ReferralCase['backups']>[number];

export function BackupStatusBadge({ status }: { status: CaseBackup['status'] }) {
  const t = useT();
  const tone = status === 'accepted' ? 'success' : status === 'requested' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{t(`cases.backupStatus.${status}`)}</Badge>;
}

export function BackupPanel({ c, me, canRequest, onDone }: { c: ReferralCase; me: Me; canRequest: boolean; onDone?: (message: string) => void }) {
  const t = useT();
  const backups = c.backups ?? [];
  const live = backups.find((b) => b.status === 'requested' || b.status === 'accepted');
  const [asking, setAsking] = useState(false);
  const [ending, setEnding] = useState<CaseBackup | null>(null);
  const [endNote, setEndNote] = useState('');
  const respond = useRespondBackup();
  const end = useEndBackup();
  // Mirrors endBackup's rule (referral-backups.ts): the consultant, the coordinator or a case manager.
  const canEnd = (b: CaseBackup) => c.status !== 'closed' && (b.status === 'requested' || b.status === 'accepted') && (canRequest || b.consultant.id === me.id || b.coordinator?.id === me.id);
  const isCoordinator = me.roles.includes('coordinator');

  return (
    <Section title={t('cases.backupTitle')} id="backup">
      {backups.length === 0 ? <p className="muted">{t('cases.backupNone')}</p> : null}
      <ul className="plain-list">
        {backups.map((b) => (
          <li key={b.id} className="backup-item">
            <p>
              <BackupStatusBadge status={b.status} /> {b.coordinator ? t('cases.backupCoordinatorName', { name: b.coordinator.name }) : t('cases.backupArea')} ・{' '}
              {t('cases.backupFor', { name: b.consultant.name })} ・ <DateTime value={b.requestedAt} />
            </p>
            {b.note ? <p className="muted pre-wrap">{b.note}</p> : null}
            {b.status === 'requested' && isCoordinator && (!b.coordinator || b.coordinator.id === me.id) ? (
              <div className="button-row">
                <Button size="sm" isPending={respond.isPending} onClick={() => respond.mutate({ caseId: c.id, backupId: b.id, accept: true })}>
                  {t('cases.backupAccept')}
                </Button>
                <Button size="sm" variant="secondary" isPending={respond.isPending} onClick={() => respond.mutate({ caseId: c.id, backupId: b.id, accept: false })}>
                  {t('cases.backupDecline')}
                </Button>
              </div>
            ) : null}
            {canEnd(b) ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  end.reset();
                  setEndNote('');
                  setEnding(b);
                }}
              >
                {t('cases.backupEnd')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {respond.error ? <Alert tone="error">{problemOf(respond.error)?.detail}</Alert> : null}
      <ConfirmDialog
        isOpen={ending !== null}
        onOpenChange={(open) => !open && setEnding(null)}
        title={t('cases.backupEndTitle')}
        confirmLabel={t('cases.backupEndConfirm')}
        isPending={end.isPending}
        problem={end.error ? problemOf(end.error) : null}
        onConfirm={() =>
          ending &&
          end.mutate(
            { caseId: c.id, backupId: ending.id, note: endNote },
            {
              onSuccess: () => {
                setEnding(null);
                onDone?.(t('cases.backupEnded'));
              },
            },
          )
        }
      >
        <p>{ending ? t('cases.backupEndBody', { name: ending.consultant.name }) : null}</p>
        <TextAreaField label={t('cases.endNote')} rows={2} maxLength={1000} value={endNote} onChange={(e) => setEndNote(e.currentTarget.value)} />
      </ConfirmDialog>
      {canRequest && !live && c.status === 'assigned' ? (
        <Button variant="secondary" onClick={() => setAsking(true)}>
          {t('cases.requestBackup')}
        </Button>
      ) : null}
      <Dialog isOpen={asking} onOpenChange={setAsking} title={t('cases.requestBackup')}>
        <RequestBackupForm caseId={c.id} onDone={() => setAsking(false)} />
      </Dialog>
    </Section>
  );
}

function RequestBackupForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const coordinators = useCoordinators();
  const request = useRequestBackup();
  const [coordinatorId, setCoordinatorId] = useState('');
  const [note, setNote] = useState('');
  const options = (coordinators.data?.items ?? []).filter((p) => p.backupAvailable).map((p) => ({ value: p.userId, label: p.name }));
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ caseId, coordinatorId: coordinatorId || null, note }, { onSuccess: onDone });
      }}
    >
      {request.error ? <Alert tone="error">{problemOf(request.error)?.detail}</Alert> : null}
      <SelectField label={t('cases.backupCoordinator')} emptyOption={t('cases.backupAreaAll')} options={options} value={coordinatorId} onChange={(e) => setCoordinatorId(e.currentTarget.value)} />
      <TextAreaField label={t('cases.backupNote')} rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" isPending={request.isPending} pendingText={t('common.saving')}>
          {t('cases.requestBackupConfirm')}
        </Button>
      </DialogActions>
    </form>
  );
}
