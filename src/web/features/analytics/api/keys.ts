/** Query keys of the council analytics; a new report or snapshot invalidates everything under `all`. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  section: (section: string, query: object) => ['analytics', 'section', section, query] as const,
  metrics: ['analytics', 'metrics'] as const,
  trends: (query: object) => ['analytics', 'trends', query] as const,
  compare: (query: object) => ['analytics', 'compare', query] as const,
  snapshots: ['analytics', 'snapshots'] as const,
  reports: ['analytics', 'reports'] as const,
  report: (id: string) => ['analytics', 'report', id] as const,
  drillDown: (cell: object) => ['analytics', 'drill-down', cell] as const,
};
