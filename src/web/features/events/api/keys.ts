/** Query keys of the events feature; a mutation invalidates what it changes. */
export const eventKeys = {
  all: ['events'] as const,
  lists: ['events', 'list'] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
  registrations: (id: string) => ['events', 'detail', id, 'registrations'] as const,
  stats: (id: string) => ['events', 'detail', id, 'stats'] as const,
  groups: (id: string) => ['events', 'detail', id, 'groups'] as const,
  materials: (id: string) => ['events', 'detail', id, 'materials'] as const,
  publicEvent: (token: string) => ['public', 'event', token] as const,
};
