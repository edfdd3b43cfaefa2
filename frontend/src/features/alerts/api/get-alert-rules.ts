import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertRule } from '@/types/api';

export const alertRulesQueryKey = ['alerts', 'rules'] as const;

export function getAlertRules() {
  return api<AlertRule[]>('/api/admin/alert-rules');
}

export const alertRulesQueryOptions = () => queryOptions({ queryKey: alertRulesQueryKey, queryFn: getAlertRules });

export function useAlertRules() {
  return useQuery(alertRulesQueryOptions());
}
