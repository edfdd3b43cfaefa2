import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Ends every session of the member, on every server. */
export function signOutMember(id: number) {
  return api<void>(`/api/admin/members/${id}/sign-out`, { method: 'POST' });
}

export function useSignOutMember() {
  return useMutation({ mutationFn: signOutMember });
}
