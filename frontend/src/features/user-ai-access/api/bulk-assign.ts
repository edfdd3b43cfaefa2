import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BulkAssignResult } from '@/types/api';
import { invalidateAccessViews } from './get-access-list';

export interface BulkAssignInput {
  user_ids: number[];
  ai_plan_id: number;
  ai_settings_id?: number;
}

export function bulkAssign(input: BulkAssignInput) {
  return api<BulkAssignResult>('/api/admin/user-ai-access/bulk-assign', { method: 'POST', body: input });
}

export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: bulkAssign, onSuccess: () => invalidateAccessViews(queryClient) });
}
