import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Access } from '@/types/api';
import { invalidateAccessViews } from './get-access-list';

export function resetUsage(id: number) {
  return api<Access>(`/api/admin/user-ai-access/${id}/reset-usage`, { method: 'POST' });
}

export function useResetUsage() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetUsage, onSuccess: () => invalidateAccessViews(queryClient) });
}
