// Public surface of the people registry (issue #4 item 1), for the router and other features.
export { PeoplePage } from './components/people-page';
export { PersonPage } from './components/person-page';
export { PersonEditPage } from './components/person-edit-page';
export { CaseloadBar } from './components/caseload-bar';
export { useCoordinators } from './api/list-coordinators';
export { useMunicipalityNames } from './components/use-municipalities';
export { peopleKeys } from './api/keys';
export type { PeopleFilters, PersonProfile } from './api/list-people';
