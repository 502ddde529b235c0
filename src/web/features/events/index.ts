// Public surface of the events feature (meetings, training sessions), for the router.
export { EventsPage, type EventsSearch } from './components/events-page';
export { EventDetailPage, type EventPermissions } from './components/event-detail-page';
export { EventFormPage } from './components/event-form-page';
export { RegistrationsPage } from './components/registrations-page';
export { GroupsPage } from './components/groups-page';
export { PublicEventPage } from './components/public-event-page';
export { PublicCancelPage } from './components/public-cancel-page';
export type { RegistrationFilters } from './api/list-registrations';
