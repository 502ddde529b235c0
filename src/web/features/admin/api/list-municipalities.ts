import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MunicipalitySchema } from '../../../../shared/contracts/region';
import { apiFetch } from '../../../lib/api-client';
import { adminKeys } from './keys';

export type Municipality = z.infer<typeof MunicipalitySchema>;

/** A short list (the deployment's cities), answered in one page; readable by every network member (read:region). */
export const listMunicipalities = (signal?: AbortSignal) =>
  apiFetch<{ items: Municipality[]; total: number; nextCursor: null }>('/api/region/municipalities', { signal });

export const municipalitiesQueryOptions = queryOptions({
  queryKey: adminKeys.municipalities,
  queryFn: ({ signal }) => listMunicipalities(signal),
  staleTime: 5 * 60_000,
});

export function useMunicipalities() {
  return useQuery(municipalitiesQueryOptions);
}
