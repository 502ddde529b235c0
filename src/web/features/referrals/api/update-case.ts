import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReferralCase } from '../../../../shared/contracts/referrals';
import { apiFetch } from '../../../lib/api-client';
import { referralKeys } from './keys';
import type { ReferralCase } from './types';

/** A case manager corrects the intake (and records a new consent); closed cases are refused (409). */
export const updateCase = ({ caseId, input }: { caseId: string; input: Partial<CreateReferralCase> }) =>
  apiFetch<ReferralCase>(`/api/referrals/${encodeURIComponent(caseId)}`, { method: 'PATCH', body: input });

export function useUpdateCase() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateCase, onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }) });
}
