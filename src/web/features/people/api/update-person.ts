import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UpdatePersonProfileSchema, type PersonProfile, type UpdatePersonProfile } from '../../../../shared/contracts/people';
import { apiFetch } from '../../../lib/api-client';
import { peopleKeys } from './keys';

export { UpdatePersonProfileSchema };
export type { UpdatePersonProfile };

export const updatePerson = ({ id, input }: { id: string; input: UpdatePersonProfile }) =>
  apiFetch<PersonProfile>(`/api/people/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePerson,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
