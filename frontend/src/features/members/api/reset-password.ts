import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type PasswordReset = components['schemas']['PasswordReset'];

/** A generated password, shown once; the member is logged out everywhere. */
export function resetPassword(id: number) {
  return api<PasswordReset>(`/api/admin/members/${id}/reset-password`, { method: 'POST' });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
