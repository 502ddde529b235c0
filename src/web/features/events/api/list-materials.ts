import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EventMaterialSchema } from '../../../../shared/contracts/events';
import { apiFetch, type Page } from '../../../lib/api-client';
import { eventKeys } from './keys';

export type EventMaterial = z.infer<typeof EventMaterialSchema>;

export const listMaterials = (id: string, signal?: AbortSignal) => apiFetch<Page<EventMaterial>>(`/api/events/${encodeURIComponent(id)}/materials`, { signal });

export function useMaterials(id: string) {
  return useQuery(queryOptions({ queryKey: eventKeys.materials(id), queryFn: ({ signal }) => listMaterials(id, signal) }));
}

export const materialUrl = (eventId: string, materialId: string) => `/api/events/${encodeURIComponent(eventId)}/materials/${encodeURIComponent(materialId)}`;
