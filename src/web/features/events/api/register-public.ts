import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { PublicRegisterSchema, type PublicRegistrationResultSchema } from '../../../../shared/contracts/events';
import { apiFetch } from '../../../lib/api-client';

export { PublicRegisterSchema };
export type PublicRegisterInput = z.infer<typeof PublicRegisterSchema>;
export type PublicRegistrationResult = z.infer<typeof PublicRegistrationResultSchema>;

export const registerPublic = ({ token, input }: { token: string; input: PublicRegisterInput }) =>
  apiFetch<PublicRegistrationResult>(`/api/public/events/${encodeURIComponent(token)}/registrations`, { method: 'POST', body: input, silent: true });

export function useRegisterPublic(token: string) {
  return useMutation({ mutationFn: (input: PublicRegisterInput) => registerPublic({ token, input }) });
}
