/** Query keys of the evacuation area; a mutation invalidates what it changes. */
export const evacuationKeys = {
  all: ['evacuation'] as const,
  plan: (clientId: string) => ['evacuation', 'plan', clientId] as const,
  versions: (clientId: string) => ['evacuation', 'plan', clientId, 'versions'] as const,
  consents: (clientId: string) => ['evacuation', 'plan', clientId, 'consents'] as const,
  simulation: (q: object) => ['evacuation', 'simulation', q] as const,
  registers: (q: object) => ['evacuation', 'registers', q] as const,
};
