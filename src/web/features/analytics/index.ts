// Public surface of the council analytics (issue #8), for the router.
export { DashboardPage } from './components/dashboard-page';
export { TrendsPage, type TrendsSearch } from './components/trends-page';
export { ReportsPage } from './components/reports-page';
export { ReportPage } from './components/report-page';
export type { AnalyticsFilters } from './api/get-section';
