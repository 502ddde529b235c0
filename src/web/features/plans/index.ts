// Public surface of care management (計画), for the router.
export { CareDashboardPage } from './components/care-dashboard-page';
export { PlanTab } from './components/plan-tab';
export { MonitoringTab } from './components/monitoring-tab';
export { ConferencesTab } from './components/conferences-tab';
export type { AttendeeDraft } from './components/conference-dialog';
export { OutputsTab } from './components/outputs-tab';
export { AssessmentsTab } from './components/assessments-tab';
