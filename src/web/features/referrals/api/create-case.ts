import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateReferralCaseSchema, type CreateReferralCase } from '../../../../shared/contracts/referrals';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralCase } from './types';

export { CreateReferralCaseSchema };
export type { CreateReferralCase };

export const createCase = (input: CreateReferralCase) => apiFetch<ReferralCase>('/api/referrals', { method: 'POST', body: input });

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createCase, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
