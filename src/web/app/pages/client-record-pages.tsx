// The client record's sections as route pages. The record (features/clients) and care
// management (features/plans) are separate features; this is where they meet: the record's
// layout frames the plan sections, and whether the viewer manages the record comes from it.
import { canManageClient, useClient, useTeam, type TeamMember } from '../../features/clients';
import { AssessmentsTab, ConferencesTab, MonitoringTab, OutputsTab, PlanTab, type AttendeeDraft } from '../../features/plans';

export { ClientsPage, ClientRecordLayout, ProfileTab, MedicalTab, TeamTab, TimelineTab, CareScorePage } from '../../features/clients';
import { TimelineAlerts } from '../../features/clients';
import { CareDashboardPage } from '../../features/plans';
import { EvacuationPlanView } from '../../features/evacuation';

function useCanManage(clientId: string) {
  const { data } = useClient(clientId);
  return data ? canManageClient(data) : false;
}

export function ClientAssessmentPage({ clientId }: { clientId: string }) {
  return <AssessmentsTab clientId={clientId} canManage={useCanManage(clientId)} />;
}

export function ClientPlanPage({ clientId, planId, onSelectPlan }: { clientId: string; planId?: string; onSelectPlan: (planId: string | undefined) => void }) {
  return <PlanTab clientId={clientId} canManage={useCanManage(clientId)} planId={planId} onSelectPlan={onSelectPlan} />;
}

export function ClientMonitoringPage({ clientId }: { clientId: string }) {
  return <MonitoringTab clientId={clientId} canManage={useCanManage(clientId)} />;
}

/** A team member as a conference attendee: the person (or, for a whole office, the office) with their role. */
export const attendeeOf = (m: TeamMember): AttendeeDraft => ({
  teamMemberId: m.id,
  name: m.userName ?? m.officeName ?? '',
  organization: m.officeName ?? '',
  role: (m.roleNote ? `${m.roleLabel}（${m.roleNote}）` : m.roleLabel).slice(0, 100),
});

export function ClientConferencesPage({ clientId }: { clientId: string }) {
  const team = useTeam(clientId);
  return <ConferencesTab clientId={clientId} canManage={useCanManage(clientId)} teamAttendees={(team.data?.items ?? []).filter((m) => !m.removedAt).map(attendeeOf)} />;
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
