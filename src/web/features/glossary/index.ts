// Public surface of the glossary feature (医ケア「基本のキ」): pages for the router, LinkedText
// for features that show text with terms linked (consultations, client timeline).
export { GlossaryPage } from './components/glossary-page';
export { TermPage } from './components/term-page';
export { TermFormPage } from './components/term-form-page';
export type { GlossaryFilters } from './api/list-terms';
export { LinkedText, type Segment as LinkedSegment } from './components/linked-text';
