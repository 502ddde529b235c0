// Public surface of the regional resource directory (issue #3), for the router.
export { DirectoryPage } from './components/directory-page';
export { OfficePage } from './components/office-page';
export { MatrixPage } from './components/matrix-page';
export { WamImportPage } from './components/wam-import-page';
export { directoryKeys } from './api/keys';
export type { DirectoryFilters } from './api/search-directory';
