import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ConsultationListQuerySchema, ConsultationSummarySchema } from '../../../../shared/contracts/consultations';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { consultationKeys } from './keys';

export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>;
export type ConsultationFilters = z.infer<typeof ConsultationListQuerySchema>;

export const listConsultations = (filters: ConsultationFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<ConsultationSummary>>('/api/consultations', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export function useConsultations(filters: ConsultationFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...consultationKeys.lists, filters],
      queryFn: ({ pageParam, signal }) => listConsultations(filters, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextCursorOf,
    }),
  );
}
