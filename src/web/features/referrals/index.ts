// Public surface of intake, matching and referral (issue #4 items 2–5), for the router.
export { CasesPage } from './components/cases-page';
export { IntakePage } from './components/intake-page';
export { CasePage } from './components/case-page';
export { CaseEditPage } from './components/case-edit-page';
export { StatsPage } from './components/stats-page';
export type { CaseListFilters, StatsFilters } from './api/types';
