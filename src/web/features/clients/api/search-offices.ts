import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OfficeOptionSchema } from '../../../../shared/contracts/region';
import { apiFetch, type Page } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type OfficeOption = z.infer<typeof OfficeOptionSchema>;

/** The region's offices matching a typed term (readable by every network member, read:region), for pickers. */
export const searchOffices = (q: string, signal?: AbortSignal) => apiFetch<Page<OfficeOption>>('/api/region/offices', { query: { q: q || undefined, limit: 10 }, signal });

export function useSearchOffices(q: string, enabled = true) {
  return useQuery(
    queryOptions({ queryKey: [...clientKeys.offices, q], queryFn: ({ signal }) => searchOffices(q, signal), placeholderData: keepPreviousData, staleTime: 30_000, enabled }),
  );
}
