import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { membersQueryKey } from './get-members';

export function deleteMember(id: number) {
  return api<void>(`/api/admin/members/${id}`, { method: 'DELETE' });
}

export function useDeleteMember() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteMember, onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }) });
}
