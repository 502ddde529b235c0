// 計画: the versions (案 → 確定 → 過去の版), the selected version as a readable document (and
// the browser's own A4 print of it), editing a draft, agreeing it, starting the next version
// from the last one, the 週間計画表, and the server's PDFs / Excel.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '../../../../shared/contracts/plans';
import { tokyoDate } from '../../../../shared/dates';
import { SuccessNotice } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button, buttonClass } from '../../../components/ui/button';
import { DataTable, type Column } from '../../../components/ui/data-table';
import { DateTime } from '../../../components/ui/date-time';
import { Section } from '../../../components/ui/page';
import { ErrorState, LoadingState } from '../../../components/ui/query-state';
import { useT } from '../../../i18n/i18n';
import { useCreatePlan } from '../api/create-plan';
import { usePlan, type Plan } from '../api/get-plan';
import { planKeys } from '../api/keys';
import { usePlans, type PlanSummary } from '../api/list-plans';
import { outputUrls } from '../api/output-urls';
import { AgreePlanDialog } from './agree-plan-dialog';
import { PlanDocument } from './plan-document';
import { PlanForm } from './plan-form';
import { STATUS_TONES } from './status';
import { WeeklyEditor } from './weekly-editor';

export interface PlanTabProps {
  clientId: string;
  canManage: boolean;
  /** The version shown; undefined = the current plan. */
  planId?: string;
  onSelectPlan: (planId: string | undefined) => void;
}

export function PlanTab({ clientId, canManage, planId, onSelectPlan }: PlanTabProps) {
  const t = useT();
  const plans = usePlans(clientId);
  const versions = plans.data?.items ?? [];
  const selectedId = planId ?? (versions.find((v) => v.status === 'draft') ?? versions.find((v) => v.status === 'agreed') ?? versions[0])?.id;
  const plan = usePlan(clientId, selectedId ?? 'current', selectedId !== undefined);
  const create = useCreatePlan(clientId);
  const hasDraft = versions.some((v) => v.status === 'draft');

  const startDraft = (copyFrom?: string) =>
    create.mutate(
      { copyFromPlanId: copyFrom ?? null, kind: 'child', createdOn: tokyoDate(), startDate: tokyoDate(), monitoringPeriodMonths: 3 },
      { onSuccess: (p) => onSelectPlan(p.id) },
    );

  const columns: Column<PlanSummary>[] = [
    {
      key: 'revision',
      header: t('plans.colRevision'),
      isRowHeader: true,
      cell: (v) =>
        v.id === selectedId ? (
          <span aria-current="true">
            <strong>{t('plans.revision', { n: v.revision })}</strong> {t('plans.showing')}
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => onSelectPlan(v.id)}>
            {t('plans.revision', { n: v.revision })}
          </button>
        ),
    },
    { key: 'kind', header: t('plans.colKind'), cell: (v) => PLAN_KIND_LABELS[v.kind] },
    { key: 'status', header: t('plans.colStatus'), cell: (v) => <Badge tone={STATUS_TONES[v.status]}>{PLAN_STATUS_LABELS[v.status]}</Badge> },
    { key: 'start', header: t('plans.colStart'), cell: (v) => <DateTime value={v.startDate} />, className: 'nowrap' },
    { key: 'agreed', header: t('plans.colAgreed'), cell: (v) => <DateTime value={v.agreedOn} />, className: 'nowrap' },
  ];

  return (
    <>
      <Section
        title={t('plans.versions')}
        id="plan-versions"
        actions={
          canManage && !hasDraft && !plans.isPending ? (
            <Button variant="secondary" size="sm" isPending={create.isPending} pendingText={t('common.saving')} onClick={() => startDraft(versions.find((v) => v.status === 'agreed')?.id)}>
              {versions.length ? t('plans.newVersion') : t('plans.create')}
            </Button>
          ) : null
        }
      >
        {create.error ? <ErrorState error={create.error} /> : null}
        <DataTable caption={t('plans.versionsCaption')} columns={columns} rows={versions} rowKey={(v) => v.id} isLoading={plans.isPending} error={plans.error} onRetry={() => void plans.refetch()} emptyMessage={t('plans.none')} />
      </Section>
      {plan.isPending && selectedId ? <LoadingState /> : null}
      {plan.error ? <ErrorState error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.data ? <PlanView key={plan.data.id} clientId={clientId} plan={plan.data} canManage={canManage} /> : null}
    </>
  );
}

function PlanView({ clientId, plan, canManage }: { clientId: string; plan: Plan; canManage: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [agreeing, setAgreeing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editable = canManage && plan.status === 'draft';
  const reload = () => void queryClient.invalidateQueries({ queryKey: planKeys.client(clientId) });

  return (
    <>
      <SuccessNotice message={notice} />
      <div className="toolbar no-print" role="group" aria-label={t('plans.printGroup')}>
        <a className={buttonClass('secondary', 'sm')} href={outputUrls.planPdf(clientId, plan.id)} target="_blank" rel="noopener">
          {t('plans.printPlanPdf')}
        </a>
        <a className={buttonClass('secondary', 'sm')} href={outputUrls.weeklyPdf(clientId, plan.id)} target="_blank" rel="noopener">
          {t('plans.printWeeklyPdf')}
        </a>
        <a className={buttonClass('secondary', 'sm')} href={outputUrls.planXlsx(clientId, plan.id)} download>
          {t('plans.exportXlsx')}
        </a>
        <Button variant="tertiary" size="sm" onClick={() => window.print()}>
          {t('plans.browserPrint')}
        </Button>
        {editable && !editing ? (
          <>
            <Button size="sm" onClick={() => setEditing(true)}>
              {t('plans.edit')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setAgreeing(true)}>
              {t('plans.agree')}
            </Button>
          </>
        ) : null}
      </div>
      {editing ? (
        <PlanForm
          clientId={clientId}
          plan={plan}
          onCancel={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            reload();
          }}
          onSaved={() => {
            setEditing(false);
            setNotice(t('plans.saved'));
          }}
        />
      ) : (
        <PlanDocument plan={plan} />
      )}
      <WeeklyEditor clientId={clientId} plan={plan} editable={editable && !editing} onReload={reload} />
      {agreeing ? (
        <AgreePlanDialog
          clientId={clientId}
          plan={plan}
          onClose={() => setAgreeing(false)}
          onAgreed={() => {
            setAgreeing(false);
            setNotice(t('plans.agreed'));
          }}
        />
      ) : null}
    </>
  );
}
