// The client record's sections as route pages. The record (features/clients) and care
// management (features/plans) are separate features; this is where they meet: the record's
// layout frames the plan sections, and whether the viewer manages the record comes from it.
import { canManageClient, useClient } from '../../features/clients';
import { ConferencesTab, MonitoringTab, OutputsTab, PlanTab } from '../../features/plans';

export { ClientsPage, ClientRecordLayout, ProfileTab, MedicalTab, TeamTab, TimelineTab, CareScorePage } from '../../features/clients';
import { TimelineAlerts } from '../../features/clients';
import { CareDashboardPage } from '../../features/plans';
import { EvacuationPlanView } from '../../features/evacuation';

function useCanManage(clientId: string) {
  const { data } = useClient(clientId);
  return data ? canManageClient(data) : false;
}

export function ClientPlanPage({ clientId, planId, onSelectPlan }: { clientId: string; planId?: string; onSelectPlan: (planId: string | undefined) => void }) {
  return <PlanTab clientId={clientId} canManage={useCanManage(clientId)} planId={planId} onSelectPlan={onSelectPlan} />;
}

export function ClientMonitoringPage({ clientId }: { clientId: string }) {
  return <MonitoringTab clientId={clientId} canManage={useCanManage(clientId)} />;
}

export function ClientConferencesPage({ clientId }: { clientId: string }) {
  return <ConferencesTab clientId={clientId} canManage={useCanManage(clientId)} />;
}

export function ClientOutputsPage({ clientId }: { clientId: string }) {
  return <OutputsTab clientId={clientId} />;
}

export function PlansDashboardPage() {
  return <CareDashboardPage alerts={<TimelineAlerts />} />;
}

/** The record's 個別避難計画 tab (issue #7): the plan is its own feature, framed by the record. */
export function ClientEvacuationPage({ clientId }: { clientId: string }) {
  return <EvacuationPlanView clientId={clientId} />;
}
