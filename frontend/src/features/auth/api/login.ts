import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';
import type { LoginResponse } from '@/types/api';

export function login(username: string, password: string) {
  return api<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password } });
}

export function useLogin() {
  return useMutation({
    mutationFn: ({ username, password }: { username: string; password: string }) => login(username, password),
    onSuccess: (data) => session.start(data.access_token, data.user, data.expires_in),
  });
}
