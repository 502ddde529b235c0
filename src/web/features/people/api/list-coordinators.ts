import { queryOptions, useQuery } from '@tanstack/react-query';
import { listPeople } from './list-people';
import { peopleKeys } from './keys';

/** Coordinators who back consultants up (for the backup pickers); one page of 200 is the region. */
export const coordinatorsQueryOptions = queryOptions({
  queryKey: peopleKeys.list({ role: 'coordinator', all: true }),
  queryFn: ({ signal }) => listPeople({ role: 'coordinator' }, undefined, signal, 200),
  staleTime: 60_000,
});

export function useCoordinators() {
  return useQuery(coordinatorsQueryOptions);
}
