import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ContentRetention, UsageSettings } from '@/types/api';
import { usageSettingsQueryKey } from './get-usage-settings';

export function saveUsageSettings(content_retention: ContentRetention) {
  return api<UsageSettings>('/api/admin/usage-settings', { method: 'PUT', body: { content_retention } });
}

export function useSaveUsageSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveUsageSettings,
    onSuccess: (saved) => queryClient.setQueryData(usageSettingsQueryKey, saved),
  });
}
