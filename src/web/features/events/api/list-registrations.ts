import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { RegistrationListQuerySchema, RegistrationSchema } from '../../../../shared/contracts/events';
import { apiFetch, type Page } from '../../../lib/api-client';
import { eventKeys } from './keys';

export type Registration = z.infer<typeof RegistrationSchema>;
export type RegistrationFilters = z.infer<typeof RegistrationListQuerySchema>;

/** One event's registrations come whole (bounded by its capacity), in registration order. */
export const listRegistrations = (eventId: string, filters: RegistrationFilters, signal?: AbortSignal) =>
  apiFetch<Page<Registration>>(`/api/events/${encodeURIComponent(eventId)}/registrations`, { query: filters, signal });

export const registrationsQueryOptions = (eventId: string, filters: RegistrationFilters = {}) =>
  queryOptions({ queryKey: [...eventKeys.registrations(eventId), filters], queryFn: ({ signal }) => listRegistrations(eventId, filters, signal) });

export function useRegistrations(eventId: string, filters: RegistrationFilters = {}) {
  return useQuery(registrationsQueryOptions(eventId, filters));
}

export const registrationQrUrl = (eventId: string, registrationId: string) =>
  `/api/events/${encodeURIComponent(eventId)}/registrations/${encodeURIComponent(registrationId)}/qr.svg`;
