import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UsageSettings } from '@/types/api';

export const usageSettingsQueryKey = ['usage-settings'] as const;

/** GET /api/admin/usage-settings — how much prompt and answer text the usage and prompt logs keep. */
export function getUsageSettings() {
  return api<UsageSettings>('/api/admin/usage-settings');
}

export const usageSettingsQueryOptions = () => queryOptions({ queryKey: usageSettingsQueryKey, queryFn: getUsageSettings });

export function useUsageSettings() {
  return useQuery(usageSettingsQueryOptions());
}
