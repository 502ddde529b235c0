import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditEventSchema, AuditQuerySchema } from '../../../../shared/contracts/audit';
import { apiFetch, buildUrl, type Page } from '../../../lib/api-client';
import { PAGE_SIZE, nextCursorOf } from '../../../lib/paging';

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export type AuditFilters = z.infer<typeof AuditQuerySchema>;

export const auditKeys = { all: ['admin', 'audit'] as const };

/** Newest first; `from`/`to` may be dates (YYYY-MM-DD, read as whole days in Japan time). */
export const listAuditEvents = (filters: AuditFilters, cursor?: string, signal?: AbortSignal) =>
  apiFetch<Page<AuditEvent>>('/api/admin/audit', { query: { ...filters, limit: PAGE_SIZE, cursor }, signal });

export const auditEventsQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: [...auditKeys.all, 'list', filters],
    queryFn: ({ pageParam, signal }) => listAuditEvents(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
  });

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery(auditEventsQueryOptions(filters));
}

/** The CSV download of every row matching the filters (a plain GET link; the cookie goes along). */
export const auditExportUrl = (filters: AuditFilters) => buildUrl('/api/admin/audit/export.csv', { ...filters });
