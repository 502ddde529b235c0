import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { RevokeConsentSchema } from '../../../../shared/contracts/clients';
import { apiFetch } from '../../../lib/api-client';
import { clientKeys } from './keys';
import type { Consent } from './list-consents';

export { RevokeConsentSchema };
export type RevokeConsentInput = z.input<typeof RevokeConsentSchema>;

export const revokeConsent = (clientId: string, consentId: string, input: RevokeConsentInput) =>
  apiFetch<Consent>(`/api/clients/${encodeURIComponent(clientId)}/consents/${encodeURIComponent(consentId)}/revoke`, { method: 'POST', body: input });

export function useRevokeConsent(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ consentId, input }: { consentId: string; input: RevokeConsentInput }) => revokeConsent(clientId, consentId, input),
    // Revocation takes effect at once: the record itself may now show less (or nothing).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientKeys.all }),
  });
}
