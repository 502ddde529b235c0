/** Query keys of care management, per client; a mutation invalidates what it changes. */
export const planKeys = {
  all: ['plans'] as const,
  dashboard: ['plans', 'dashboard'] as const,
  client: (clientId: string) => ['plans', 'client', clientId] as const,
  list: (clientId: string) => ['plans', 'client', clientId, 'list'] as const,
  plan: (clientId: string, planId: string) => ['plans', 'client', clientId, 'plan', planId] as const,
  assessments: (clientId: string) => ['plans', 'client', clientId, 'assessments'] as const,
  monitoring: (clientId: string) => ['plans', 'client', clientId, 'monitoring'] as const,
  conferences: (clientId: string) => ['plans', 'client', clientId, 'conferences'] as const,
};
