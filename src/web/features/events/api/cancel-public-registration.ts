import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';

/** The single-use cancel link of the confirmation e-mail. */
export const cancelPublicRegistration = (token: string) =>
  apiFetch<{ cancelled: boolean }>('/api/public/registrations/cancel', { method: 'POST', body: { token }, silent: true });

export function useCancelPublicRegistration() {
  return useMutation({ mutationFn: cancelPublicRegistration });
}
