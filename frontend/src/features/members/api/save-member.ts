import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Member } from '@/types/api';
import { membersQueryKey } from './get-members';

export interface MemberInput {
  username?: string;
  email: string;
  password?: string;
  role: 'superadmin' | 'researcher';
  first_name: string;
  last_name: string;
  is_active?: boolean;
}

export function saveMember(input: MemberInput, id?: number) {
  if (id === undefined) return api<Member>('/api/admin/members', { method: 'POST', body: input });
  const { username: _ignored, password, ...rest } = input;
  return api<Member>(`/api/admin/members/${id}`, { method: 'PATCH', body: password ? { ...rest, password } : rest });
}

export function useSaveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: MemberInput; id?: number }) => saveMember(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }),
  });
}
