// Public surface of the audit feature, for the router.
export { AuditPage } from './components/audit-page';
export type { AuditFilters } from './api/list-audit-events';
