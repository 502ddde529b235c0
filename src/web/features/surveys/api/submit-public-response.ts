import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api-client';
import type { SubmitResponseInput } from './submit-response';

/** One response per link; 410 when used, expired or closed. */
export const submitPublicResponse = ({ token, input }: { token: string; input: SubmitResponseInput }) =>
  apiFetch<{ submitted: boolean }>(`/api/public/surveys/${encodeURIComponent(token)}/responses`, { method: 'POST', body: input, silent: true });

export function useSubmitPublicResponse(token: string) {
  return useMutation({ mutationFn: (input: SubmitResponseInput) => submitPublicResponse({ token, input }) });
}
