import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, parseProblem } from '../../../lib/api-client';
import { eventKeys } from './keys';
import type { EventMaterial } from './list-materials';

/**
 * Multipart upload (field `file`). apiFetch speaks JSON only, so this one call uses fetch
 * directly, with the same error shape.
 */
export async function uploadMaterial({ eventId, file }: { eventId: string; file: File }): Promise<EventMaterial> {
  const body = new FormData();
  body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/events/${encodeURIComponent(eventId)}/materials`, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(parseProblem(0, undefined));
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(parseProblem(response.status, data));
  return data as EventMaterial;
}

export function useUploadMaterial(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadMaterial({ eventId, file }),
    onSuccess: () => {
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: eventKeys.materials(eventId) }),
        queryClient.invalidateQueries({ queryKey: eventKeys.detail(eventId), exact: true }),
      ]);
    },
  });
}
