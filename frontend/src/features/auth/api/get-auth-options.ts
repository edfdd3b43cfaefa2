import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuthOptions } from '@/types/api';

/** GET /api/auth/options: whether the platform sign-in applies here, and whether researchers may use a password. */
export function getAuthOptions() {
  return api<AuthOptions>('/api/auth/options');
}

export const authOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['auth', 'options'], queryFn: getAuthOptions, staleTime: 5 * 60_000 });

export function useAuthOptions() {
  return useQuery(authOptionsQueryOptions());
}

/** Where the "sign in with your platform account" button goes: a full navigation, through the platform. */
export const PLATFORM_SIGN_IN_URL = '/api/auth/oidc/login';
