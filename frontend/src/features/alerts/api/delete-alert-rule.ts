import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { alertRulesQueryKey } from './get-alert-rules';

export function deleteAlertRule(id: number) {
  return api<void>(`/api/admin/alert-rules/${id}`, { method: 'DELETE' });
}

export function useDeleteAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAlertRule, onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }) });
}
