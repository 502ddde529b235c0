import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ClientRecordSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';

export type ClientRecord = z.infer<typeof ClientRecordSchema>;

export const getClient = (id: string, signal?: AbortSignal) => apiFetch<ClientRecord>(`/api/clients/${encodeURIComponent(id)}`, { signal });

export const clientQueryOptions = (id: string) => queryOptions({ queryKey: clientKeys.record(id), queryFn: ({ signal }) => getClient(id, signal) });

export function useClient(id: string) {
  return useQuery(clientQueryOptions(id));
}

/** The viewer manages the record (team, consents, plans) as its consultant or coordinator. */
export const canManageClient = (c: Pick<ClientRecord, 'myTeamRoles'>) => c.myTeamRoles.some((r) => r === 'consultant' || r === 'coordinator');
/** Medical staff on the team may also edit the medical section. */
export const canEditMedical = (c: Pick<ClientRecord, 'myTeamRoles'>) => c.myTeamRoles.some((r) => r === 'consultant' || r === 'coordinator' || r === 'medical');
