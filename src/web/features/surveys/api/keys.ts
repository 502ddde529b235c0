/** Query keys of the surveys feature (surveys, results, indicators). */
export const surveyKeys = {
  all: ['surveys'] as const,
  lists: ['surveys', 'list'] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  results: (id: string) => ['surveys', 'detail', id, 'results'] as const,
  compare: ['surveys', 'compare'] as const,
  indicators: ['indicators'] as const,
  trend: (id: string) => ['indicators', id, 'trend'] as const,
  publicSurvey: (token: string) => ['public', 'survey', token] as const,
};
