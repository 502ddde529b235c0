import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PersonProfile } from '../../../../shared/contracts/people';
import { apiFetch } from '../../../lib/api-client';
import { peopleKeys } from './keys';

export const getPerson = (id: string, signal?: AbortSignal) => apiFetch<PersonProfile>(`/api/people/${encodeURIComponent(id)}`, { signal });

export const personQueryOptions = (id: string) => queryOptions({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => getPerson(id, signal) });

export function usePerson(id: string) {
  return useQuery(personQueryOptions(id));
}
