import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UsageStatistics } from './types';

export interface StatisticsFilter {
  days: number;
  memberId?: number;
  settingId?: number;
}

export function getUsageStatistics(f: StatisticsFilter) {
  const params = new URLSearchParams({ days: String(f.days) });
  if (f.memberId !== undefined) params.set('member_id', String(f.memberId));
  if (f.settingId !== undefined) params.set('ai_settings_id', String(f.settingId));
  return api<UsageStatistics>(`/api/admin/ai-usage-logs/usage-statistics?${params}`);
}

export const usageStatisticsQueryOptions = (f: StatisticsFilter) =>
  queryOptions({ queryKey: ['usage', 'statistics', f], queryFn: () => getUsageStatistics(f), refetchInterval: 30_000 });

export function useUsageStatistics(f: StatisticsFilter) {
  return useQuery(usageStatisticsQueryOptions(f));
}
