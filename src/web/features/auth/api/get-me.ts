import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Me } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export type { Me };

/** `silent`: the route guard handles 401 itself (redirect with ?redirect=…). */
export const getMe = (opts: { signal?: AbortSignal; silent?: boolean } = {}) => apiFetch<Me>('/api/me', opts);

export const meQueryOptions = queryOptions({
  queryKey: authKeys.me,
  queryFn: ({ signal }) => getMe({ signal, silent: true }),
  staleTime: 60_000,
  retry: false,
});

/** The signed-in account. Only inside the signed-in area, where the route guard loaded it. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions).data;
}

export function hasPermission(me: Pick<Me, 'permissions'>, permission: string): boolean {
  return me.permissions.includes(permission);
}
