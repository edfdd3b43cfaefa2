import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UsageStatistics } from './types';

export function getUsageStatistics(days: number) {
  return api<UsageStatistics>(`/api/admin/ai-usage-logs/usage-statistics?days=${days}`);
}

export const usageStatisticsQueryOptions = (days: number) =>
  queryOptions({ queryKey: ['usage', 'statistics', days], queryFn: () => getUsageStatistics(days), refetchInterval: 30_000 });

export function useUsageStatistics(days: number) {
  return useQuery(usageStatisticsQueryOptions(days));
}
