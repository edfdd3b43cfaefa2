import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertRule, AlertRuleInput } from '@/types/api';
import { alertRulesQueryKey } from './get-alert-rules';

export function saveAlertRule(input: AlertRuleInput, id?: number) {
  return id === undefined
    ? api<AlertRule>('/api/admin/alert-rules', { method: 'POST', body: input })
    : api<AlertRule>(`/api/admin/alert-rules/${id}`, { method: 'PUT', body: input });
}

export function useSaveAlertRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: AlertRuleInput; id?: number }) => saveAlertRule(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertRulesQueryKey }),
  });
}
