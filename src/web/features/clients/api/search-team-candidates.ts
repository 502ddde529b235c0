import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TeamCandidateSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type TeamCandidate = z.infer<typeof TeamCandidateSchema>;

/** People of the network matching a name or reading, with their offices and what the consents would let them see. */
export const searchTeamCandidates = (clientId: string, q: string, signal?: AbortSignal) =>
  apiFetch<{ items: TeamCandidate[] }>(`/api/clients/${encodeURIComponent(clientId)}/team/candidates`, { query: { q }, signal });

export function useTeamCandidates(clientId: string, q: string) {
  return useQuery(
    queryOptions({
      queryKey: [...clientKeys.team(clientId), 'candidates', q],
      queryFn: ({ signal }) => searchTeamCandidates(clientId, q, signal),
      enabled: q.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    }),
  );
}
