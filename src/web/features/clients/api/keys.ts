/** Query keys of the client record; a mutation invalidates what it changes. */
export const clientKeys = {
  all: ['clients'] as const,
  list: ['clients', 'list'] as const,
  record: (id: string) => ['clients', 'record', id] as const,
  team: (id: string) => ['clients', 'record', id, 'team'] as const,
  consents: (id: string) => ['clients', 'record', id, 'consents'] as const,
  provisions: (id: string) => ['clients', 'record', id, 'provisions'] as const,
  timeline: (id: string) => ['clients', 'record', id, 'timeline'] as const,
  alerts: ['clients', 'alerts'] as const,
  offices: ['clients', 'offices'] as const,
};
