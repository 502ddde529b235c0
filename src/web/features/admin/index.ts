// Public surface of the admin feature (region and accounts), for the router.
export { UsersPage } from './components/users-page';
export { OfficesPage } from './components/offices-page';
export { OrganizationsPage } from './components/organizations-page';
export { MunicipalitiesPage } from './components/municipalities-page';
export type { UserListFilters } from './api/list-users';
export type { OfficeListFilters } from './api/list-offices';
export type { OrganizationFilters } from './api/list-organizations';
// The region's cities, for pickers in other features (GET /api/region/municipalities: read:region, every network role).
export { useMunicipalities, type Municipality } from './api/list-municipalities';
