// Public surface of the consultations feature (ask a coordinator, knowledge base), for the router.
export { ConsultationsPage } from './components/consultations-page';
export { NewConsultationPage } from './components/new-consultation-page';
export { ConsultationPage } from './components/consultation-page';
export { KnowledgeBasePage } from './components/knowledge-base-page';
export type { ConsultationFilters } from './api/list-consultations';
export type { KnowledgeBaseFilters } from './api/search-knowledge-base';
