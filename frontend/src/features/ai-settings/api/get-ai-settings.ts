import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AiSetting } from '@/types/api';

export const aiSettingsQueryKey = ['ai-settings'] as const;

export function getAiSettings() {
  return api<AiSetting[]>('/api/admin/ai-settings');
}

export const aiSettingsQueryOptions = () => queryOptions({ queryKey: aiSettingsQueryKey, queryFn: getAiSettings });

export function useAiSettings() {
  return useQuery(aiSettingsQueryOptions());
}
