import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ListingChangeSchema, OfficeDetailSchema, ServiceSchema } from '../../../../shared/contracts/directory';
import { apiFetch } from '../../../lib/api-client';
import { directoryKeys } from './keys';

export type OfficeDetail = z.infer<typeof OfficeDetailSchema>;
export type DirectoryService = z.infer<typeof ServiceSchema>;
export type ListingChange = z.infer<typeof ListingChangeSchema>;

export const getOffice = (id: string, signal?: AbortSignal) => apiFetch<OfficeDetail>(`/api/offices/${encodeURIComponent(id)}`, { signal });

export const officeQueryOptions = (id: string) => queryOptions({ queryKey: directoryKeys.office(id), queryFn: ({ signal }) => getOffice(id, signal) });

export function useOffice(id: string) {
  return useQuery(officeQueryOptions(id));
}
