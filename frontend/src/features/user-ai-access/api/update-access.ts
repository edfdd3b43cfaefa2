import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Access } from '@/types/api';
import { invalidateAccessViews } from './get-access-list';

export interface AccessPatch {
  ai_plan_id?: number;
  ai_settings_id?: number;
  is_enabled?: boolean;
  can_use_advanced_features?: boolean;
  /** The member's own monthly budget in USD (0: none). */
  monthly_budget_usd?: number;
  /** true: drop the member's own budget; the plan's applies. */
  follow_plan_budget?: boolean;
}

export function updateAccess(id: number, patch: AccessPatch) {
  return api<Access>(`/api/admin/user-ai-access/${id}`, { method: 'PATCH', body: patch });
}

export function useUpdateAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: AccessPatch }) => updateAccess(id, patch),
    onSuccess: () => invalidateAccessViews(queryClient),
  });
}
