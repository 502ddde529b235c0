/** Query keys of the people registry; a profile change invalidates everything under `all`. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (filters: object) => ['people', 'list', filters] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  history: (id: string) => ['people', 'history', id] as const,
};
