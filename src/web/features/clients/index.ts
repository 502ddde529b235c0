// Public surface of the client record feature (ケース記録), for the router.
export { ClientsPage } from './components/clients-page';
export { ClientRecordLayout } from './components/client-record-layout';
export { ProfileTab } from './components/profile-tab';
export { MedicalTab } from './components/medical-tab';
export { TeamTab } from './components/team-tab';
export { TimelineTab } from './components/timeline-tab';
export { CareScorePage } from './components/care-score-page';
export { TimelineAlerts } from './components/timeline-alerts';
export { useClient, canManageClient } from './api/get-client';
export type { ClientListFilters } from './api/list-clients';
export { useTeam, type TeamMember } from './api/list-team';
export { OfficeSearchField } from './components/office-search-field';
export { ClientPickerField } from './components/client-picker-field';
