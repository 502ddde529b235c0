import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { adminKeys } from './keys';
import { listOffices } from './list-offices';

/** A short list of offices matching a typed term, for pickers. */
export const searchOfficesQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...adminKeys.offices, 'search', q],
    queryFn: ({ signal }) => listOffices({ q: q || undefined }, undefined, signal, 10),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

export function useSearchOffices(q: string, enabled = true) {
  return useQuery({ ...searchOfficesQueryOptions(q), enabled });
}
