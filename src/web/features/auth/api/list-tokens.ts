import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiTokenSchema } from '../../../../shared/contracts/auth';
import { apiFetch } from '../../../lib/api-client';
import { authKeys } from './keys';

export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const listTokens = (signal?: AbortSignal) => apiFetch<{ items: ApiToken[] }>('/api/me/tokens', { signal });

export const tokensQueryOptions = queryOptions({
  queryKey: authKeys.tokens,
  queryFn: ({ signal }) => listTokens(signal),
});

export function useTokens() {
  return useQuery(tokensQueryOptions);
}
