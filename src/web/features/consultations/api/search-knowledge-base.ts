import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';
import { consultationKeys } from './keys';
import type { ConsultationFilters, ConsultationSummary } from './list-consultations';

export type KnowledgeBaseFilters = Omit<ConsultationFilters, 'status' | 'mine'>;

/** Resolved general questions; Japanese search ignores kana type and width. */
export const searchKnowledgeBase = (filters: KnowledgeBaseFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<ConsultationSummary>>('/api/knowledge-base', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export function useKnowledgeBase(filters: KnowledgeBaseFilters) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...consultationKeys.knowledgeBase, filters],
      queryFn: ({ pageParam, signal }) => searchKnowledgeBase(filters, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: nextCursorOf,
    }),
  );
}
