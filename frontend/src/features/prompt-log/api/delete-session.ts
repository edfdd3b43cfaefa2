import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { promptLogQueryKey } from './get-sessions';

export function deleteSession(sessionId: string) {
  return api<{ deleted: number }>(`/api/prompt-logs/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
}

export function useDeleteSession() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteSession, onSuccess: () => queryClient.invalidateQueries({ queryKey: promptLogQueryKey }) });
}
