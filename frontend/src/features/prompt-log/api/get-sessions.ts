import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PromptSession } from './types';

export const promptLogQueryKey = ['prompt-logs'] as const;

export function getSessions(memberId?: string) {
  return api<PromptSession[]>(`/api/prompt-logs/sessions${memberId ? `?member_id=${memberId}` : ''}`);
}

export const sessionsQueryOptions = (memberId?: string) =>
  queryOptions({ queryKey: [...promptLogQueryKey, 'sessions', memberId ?? ''], queryFn: () => getSessions(memberId) });

export function useSessions(memberId?: string) {
  return useQuery(sessionsQueryOptions(memberId));
}
