import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';
import type { LoginResponse } from '@/types/api';

export interface PasswordChange {
  current_password: string;
  new_password: string;
}

export function changePassword(change: PasswordChange) {
  return api<LoginResponse>('/api/auth/password', { method: 'POST', body: change });
}

/** Every other session of the member ends; this one continues with the token the answer carries. */
export function useChangePassword() {
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (data) => session.start(data.access_token, data.user, data.expires_in),
  });
}
