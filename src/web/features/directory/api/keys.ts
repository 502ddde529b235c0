/** Query keys of the regional resource directory; a listing edit invalidates everything under `all`. */
export const directoryKeys = {
  all: ['directory'] as const,
  search: (filters: object) => ['directory', 'search', filters] as const,
  matrix: (serviceType: string) => ['directory', 'matrix', serviceType] as const,
  office: (id: string) => ['directory', 'office', id] as const,
  history: (id: string) => ['directory', 'history', id] as const,
};
