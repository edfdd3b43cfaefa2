import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/session';
import type { LoginResponse } from '@/types/api';

/**
 * POST /api/auth/oidc/session: the platform sign-in's one-time code — an HttpOnly cookie the SPA never sees —
 * becomes this member's session, once.
 */
export function redeemPlatformSignIn() {
  return api<LoginResponse>('/api/auth/oidc/session', { method: 'POST' });
}

export function useRedeemPlatformSignIn() {
  return useMutation({
    mutationFn: redeemPlatformSignIn,
    onSuccess: (data) => session.start(data.access_token, data.user, data.expires_in),
  });
}
