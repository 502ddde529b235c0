// Public surface of the glossary feature (医ケア「基本のキ」), for the router.
export { GlossaryPage } from './components/glossary-page';
export { TermPage } from './components/term-page';
export { TermFormPage } from './components/term-form-page';
export type { GlossaryFilters } from './api/list-terms';
