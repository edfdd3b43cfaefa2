import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/types/api';
import type { UsageLog } from './types';

export interface UsageLogFilter {
  status?: string;
  memberId?: number;
  settingId?: number;
  startDate?: string;
  endDate?: string;
  page: number;
}

export function getUsageLogs(f: UsageLogFilter) {
  const params = new URLSearchParams({ page: String(f.page), size: '25' });
  if (f.status) params.set('status', f.status);
  if (f.memberId !== undefined) params.set('member_id', String(f.memberId));
  if (f.settingId !== undefined) params.set('ai_settings_id', String(f.settingId));
  if (f.startDate) params.set('start_date', f.startDate);
  if (f.endDate) params.set('end_date', f.endDate);
  return api<Page<UsageLog>>(`/api/admin/ai-usage-logs?${params}`);
}

export const usageLogsQueryOptions = (f: UsageLogFilter) =>
  queryOptions({ queryKey: ['usage', 'logs', f], queryFn: () => getUsageLogs(f), placeholderData: keepPreviousData, refetchInterval: 30_000 });

export function useUsageLogs(f: UsageLogFilter) {
  return useQuery(usageLogsQueryOptions(f));
}
