import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/types/api';
import type { PromptLogEntry } from './types';
import { promptLogQueryKey } from './get-sessions';

export function getEntries(sessionId: string, memberId?: string) {
  const params = new URLSearchParams({ session_id: sessionId, size: '200' });
  if (memberId) params.set('member_id', memberId);
  return api<Page<PromptLogEntry>>(`/api/prompt-logs?${params}`);
}

export const entriesQueryOptions = (sessionId: string, memberId?: string) =>
  queryOptions({ queryKey: [...promptLogQueryKey, 'entries', sessionId, memberId ?? ''], queryFn: () => getEntries(sessionId, memberId) });

export function useEntries(sessionId: string | null, memberId?: string) {
  return useQuery({ ...entriesQueryOptions(sessionId ?? '', memberId), enabled: sessionId !== null });
}
