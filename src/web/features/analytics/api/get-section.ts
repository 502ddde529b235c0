import { queryOptions, useQueries } from '@tanstack/react-query';
import type { AnalyticsQuery, AnalyticsSection, SectionResponse } from '../../../../shared/contracts/analytics';
import { apiFetch } from '../../../lib/api-client';
import { analyticsKeys } from './keys';

/** The dashboard's filters as the URL keeps them (all optional; the server fills the defaults). */
export type AnalyticsFilters = Partial<Pick<AnalyticsQuery, 'area' | 'asOf' | 'from' | 'to' | 'waitingDays'>>;

/** One section's figures (with definitions), suppressed for the viewer. */
export const getSection = (section: AnalyticsSection, filters: AnalyticsFilters, signal?: AbortSignal) =>
  apiFetch<SectionResponse>(`/api/analytics/sections/${section}`, { query: { ...filters }, signal });

export const sectionQueryOptions = (section: AnalyticsSection, filters: AnalyticsFilters) =>
  queryOptions({ queryKey: analyticsKeys.section(section, filters), queryFn: ({ signal }) => getSection(section, filters, signal), staleTime: 60_000 });

/** Every chosen section at once, each arriving on its own (a slow one does not hold the others). */
export function useSections(sections: readonly AnalyticsSection[], filters: AnalyticsFilters, enabled = true) {
  return useQueries({ queries: sections.map((s) => ({ ...sectionQueryOptions(s, filters), enabled })) });
}
