import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TeamMemberSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const listTeam = (clientId: string, signal?: AbortSignal) =>
  apiFetch<{ items: TeamMember[] }>(`/api/clients/${encodeURIComponent(clientId)}/team`, { signal });

export const teamQueryOptions = (clientId: string) => queryOptions({ queryKey: clientKeys.team(clientId), queryFn: ({ signal }) => listTeam(clientId, signal) });

export function useTeam(clientId: string) {
  return useQuery(teamQueryOptions(clientId));
}
