// One client's 個別避難計画: status, the approval checklist, the live battery runtime, the
// edit form (team) or the same form read-only (city), saving a new version (409 when someone
// saved since), the city's approval with a confirmation, the version history, the guardian's
// consents to recipients (each printout for a recipient is a provision record) and the A4 sheet.
// Used in the client record (/clients/$clientId/evacuation) and, for officials, at
// /evacuation/clients/$clientId.
import { useEffect, useMemo, useState } from 'react';
import { computeRuntime } from '../../../../shared/domain/power-runtime';
import { evacuationItemLabel } from '../../../../shared/domain/evacuation-recipients';
import { Alert } from '../../../components/ui/alert';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { ConfirmDialog } from '../../../components/ui/dialog';
import { TextField } from '../../../components/ui/fields';
import { FormErrorSummary } from '../../../components/ui/form-error';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { VersionConflict, isVersionConflict } from '../../../components/ui/version-conflict';
import { useT } from '../../../i18n/i18n';
import { problemOf } from '../../../lib/api-client';
import { planPrintUrl, useEvacuationPlan, usePlanConsents, usePlanVersions, type EvacuationPlan, type PlanBody, type PlanConsent } from '../api/get-plan';
import { useApprovePlan, useSavePlan } from '../api/save-plan';
import { RecordConsentDialog, RevokeConsentDialog } from './consent-dialogs';
import { PlanForm } from './plan-form';
import { RuntimePanel } from './runtime-panel';

export const STATUS_TONES: Record<EvacuationPlan['status'], BadgeTone> = { none: 'neutral', draft: 'info', approved: 'success', review_due: 'warning' };

export function PlanStatusBadge({ status, label }: { status: EvacuationPlan['status']; label: string }) {
  return <Badge tone={STATUS_TONES[status]}>{label}</Badge>;
}

export function EvacuationPlanView({ clientId }: { clientId: string }) {
  const t = useT();
  const query = useEvacuationPlan(clientId);
  // What just happened survives the editor's remount on the new version.
  const [notice, setNotice] = useState<Notice | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <PlanEditor key={`${query.data.version}`} plan={query.data} onReload={() => void query.refetch()} notice={notice?.version === query.data.version ? notice.kind : null} onNotice={setNotice} t={t} />;
}

interface Notice {
  kind: 'saved' | 'approved';
  version: number;
}

function PlanEditor({ plan, onReload, notice, onNotice, t }: { plan: EvacuationPlan; onReload: () => void; notice: Notice['kind'] | null; onNotice: (n: Notice) => void; t: ReturnType<typeof useT> }) {
  const clientId = plan.clientId;
  const [body, setBody] = useState<PlanBody>(plan.body);
  const [changeNote, setChangeNote] = useState('');
  const [dirty, setDirty] = useState(false);
  const [approveOpen, setApproveOpen] = useState(false);
  const [approveNote, setApproveNote] = useState('');
  const [focusKey, setFocusKey] = useState(0);
  const save = useSavePlan(clientId);
  const approve = useApprovePlan(clientId);

  // The runtime follows the form as it is typed (the same model the server stores).
  const runtime = useMemo(() => (dirty ? computeRuntime({ devices: body.devices, backups: body.backups }) : plan.runtime), [dirty, body.devices, body.backups, plan.runtime]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const onChange = (next: PlanBody) => {
    setBody(next);
    setDirty(true);
  };

  // The notice goes to the parent through the promise, not mutate's callbacks: the saved plan
  // has a new version, this editor is keyed by version and is replaced before the mutation
  // settles (it waits for the version list), and a replaced editor's callbacks never run.
  const submit = () => {
    save.mutateAsync({ ...body, version: plan.version, changeNote }).then(
      (next) => onNotice({ kind: 'saved', version: next.version }),
      () => setFocusKey((k) => k + 1),
    );
  };

  const problem = save.error && !isVersionConflict(save.error) ? problemOf(save.error) : null;
  const failedChecks = plan.checklist.filter((c) => !c.ok);

  return (
    <div className="evac-plan">
      <Section
        title={t('evac.plan.title')}
        id="plan-status"
        actions={
          plan.version > 0 ? (
            <a className={buttonClass('secondary', 'sm')} href={planPrintUrl(clientId)} target="_blank" rel="noreferrer">
              {t('evac.plan.print')}
            </a>
          ) : undefined
        }
      >
        <dl className="summary-list summary-list--inline">
          <div>
            <dt>{t('evac.plan.status')}</dt>
            <dd>
              <PlanStatusBadge status={plan.status} label={plan.statusLabel} />
            </dd>
          </div>
          <div>
            <dt>{t('evac.plan.version')}</dt>
            <dd>{plan.version === 0 ? t('evac.plan.notSaved') : t('evac.plan.versionN', { n: plan.version })}</dd>
          </div>
          {plan.updatedAt ? (
            <div>
              <dt>{t('evac.plan.updated')}</dt>
              <dd>
                <DateTime value={plan.updatedAt} />（{plan.updatedByName}）
              </dd>
            </div>
          ) : null}
          {plan.approvedVersion ? (
            <div>
              <dt>{t('evac.plan.approved')}</dt>
              <dd>
                {t('evac.plan.versionN', { n: plan.approvedVersion })} <DateTime value={plan.approvedAt} />（{plan.approvedByName}）
              </dd>
            </div>
          ) : null}
          {plan.reviewDueOn ? (
            <div>
              <dt>{t('evac.plan.reviewDue')}</dt>
              <dd>
                <DateTime value={plan.reviewDueOn} />
              </dd>
            </div>
          ) : null}
        </dl>
        {plan.version === 0 ? <Alert tone="info">{t('evac.plan.templateNote')}</Alert> : null}
        {plan.status === 'review_due' ? <Alert tone="warning">{t('evac.plan.reviewDueNote')}</Alert> : null}
        {plan.access === 'city' ? <p className="muted">{t('evac.plan.cityAccess')}</p> : null}
        {plan.canApprove && plan.version > 0 && plan.status !== 'approved' ? (
          <p>
            <Button onClick={() => setApproveOpen(true)} disabled={failedChecks.length > 0 || dirty}>
              {t('evac.plan.approve', { n: plan.version })}
            </Button>
            {failedChecks.length > 0 ? <span className="muted"> {t('evac.plan.approveBlocked')}</span> : null}
          </p>
        ) : null}
        {notice === 'approved' ? <Alert tone="success" role="status">{t('evac.plan.approvedNow')}</Alert> : null}
      </Section>

      <Section title={t('evac.checklist.title')} id="checklist">
        <p className="muted">{t('evac.checklist.lead')}</p>
        <ul className="evac-checklist">
          {plan.checklist.map((c) => (
            <li key={c.code} className={c.ok ? 'evac-check evac-check--ok' : 'evac-check evac-check--ng'}>
              <span className="evac-check__mark">{c.ok ? t('evac.checklist.ok') : t('evac.checklist.ng')}</span> {c.message}
            </li>
          ))}
        </ul>
      </Section>

      <RuntimePanel runtime={runtime} live={dirty} />

      <Section title={plan.canEdit ? t('evac.form.titleEdit') : t('evac.form.titleView')} id="plan-form">
        {!plan.canEdit ? <p className="muted">{t('evac.form.readOnly')}</p> : null}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <VersionConflict error={save.error} onReload={onReload} />
          <FormErrorSummary problem={problem} items={(problem?.errors ?? []).map((er) => ({ field: er.field, label: er.label, message: er.message }))} focusKey={focusKey} id="evac-plan-errors" />
          <PlanForm body={body} onChange={onChange} disabled={!plan.canEdit} />
          {plan.canEdit ? (
            <div className="evac-savebar">
              <TextField label={t('evac.form.changeNote')} value={changeNote} maxLength={500} onChange={(e) => setChangeNote(e.currentTarget.value)} />
              <Button type="submit" isPending={save.isPending} pendingText={t('evac.form.saving')}>
                {plan.version === 0 ? t('evac.form.create') : t('evac.form.save')}
              </Button>
              {plan.status === 'approved' || plan.status === 'review_due' ? <p className="field__hint">{t('evac.form.saveApprovedHint')}</p> : null}
              {notice === 'saved' && !dirty ? (
                <Alert tone="success" role="status">
                  {t('evac.form.saved', { n: plan.version })}
                </Alert>
              ) : null}
            </div>
          ) : null}
        </form>
      </Section>

      {plan.version > 0 ? <Versions clientId={clientId} /> : null}
      {plan.version > 0 ? <Consents clientId={clientId} canManage={plan.canEdit && plan.access === 'team'} /> : null}

      <ConfirmDialog
        isOpen={approveOpen}
        onOpenChange={setApproveOpen}
        title={t('evac.approve.title')}
        confirmLabel={t('evac.approve.confirm')}
        tone="primary"
        isPending={approve.isPending}
        problem={approve.error ? problemOf(approve.error) : null}
        onConfirm={() =>
          approve.mutateAsync({ version: plan.version, note: approveNote }).then(
            (next) => onNotice({ kind: 'approved', version: next.version }),
            () => undefined, // shown by the dialog from approve.error
          )
        }
      >
        <p>{t('evac.approve.body', { n: plan.version, name: plan.body.register.name })}</p>
        <TextField label={t('evac.approve.note')} value={approveNote} maxLength={500} onChange={(e) => setApproveNote(e.currentTarget.value)} />
      </ConfirmDialog>
    </div>
  );
}

function Versions({ clientId }: { clientId: string }) {
  const t = useT();
  const q = usePlanVersions(clientId, true);
  return (
    <Section title={t('evac.versions.title')} id="versions">
      {q.isPending ? (
        <LoadingState />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ol className="evac-versions" reversed>
          {q.data.items.map((v) => (
            <li key={v.version}>
              <strong>{t('evac.plan.versionN', { n: v.version })}</strong> {v.event === 'approve' ? <Badge tone="success">{t('evac.versions.approve')}</Badge> : <Badge tone="neutral">{t('evac.versions.save')}</Badge>} <DateTime value={v.at} />（{v.byName}）
              {v.runtimeHours != null ? <> {t('evac.versions.runtime', { hours: Number(v.runtimeHours.toFixed(1)) })}</> : null}
              {v.note ? <> — {v.note}</> : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function Consents({ clientId, canManage }: { clientId: string; canManage: boolean }) {
  const t = useT();
  const q = usePlanConsents(clientId, true);
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<PlanConsent | null>(null);
  return (
    <Section
      title={t('evac.consents.title')}
      id="consents"
      actions={
        canManage ? (
          <Button variant="secondary" size="sm" onClick={() => setRecording(true)}>
            {t('evac.consent.recordTitle')}
          </Button>
        ) : undefined
      }
    >
      {recording ? <RecordConsentDialog clientId={clientId} isOpen={recording} onOpenChange={setRecording} /> : null}
      <RevokeConsentDialog key={revoking?.id ?? 'none'} clientId={clientId} consent={revoking} onClose={() => setRevoking(null)} />
      <p className="muted">{t('evac.consents.lead')}</p>
      {q.isPending ? (
        <LoadingState />
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <p>{t('evac.consents.none')}</p>
      ) : (
        <ul className="evac-consents">
          {q.data.items.map((c) => (
            <li key={c.id} className="evac-consent">
              <p className="evac-consent__title">
                <strong>{c.recipientName}</strong>（{c.recipientKindLabel}） {c.active ? <Badge tone="success">{t('evac.consents.active')}</Badge> : <Badge tone="neutral">{t('evac.consents.inactive')}</Badge>}
              </p>
              <p>
                {t('evac.consents.items')}: {c.items.map((i) => evacuationItemLabel(i)).join('、')}
              </p>
              <p className="muted">
                {t('evac.consents.given', { by: c.givenBy, relation: c.givenByRelation })} <DateTime value={c.consentedOn} />
                {c.expiresOn ? (
                  <>
                    {' '}
                    {t('evac.consents.expires')} <DateTime value={c.expiresOn} />
                  </>
                ) : null}
              </p>
              {c.active ? (
                <a className={buttonClass('secondary', 'sm')} href={planPrintUrl(clientId, c.id)} target="_blank" rel="noreferrer">
                  {t('evac.consents.print', { name: c.recipientName })}
                </a>
              ) : null}
              {c.active && canManage ? (
                <>
                  {' '}
                  <Button variant="tertiary" size="sm" onClick={() => setRevoking(c)}>
                    {t('evac.consent.revokeOf', { name: c.recipientName })}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
