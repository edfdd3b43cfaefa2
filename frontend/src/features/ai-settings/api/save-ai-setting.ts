import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AiSetting, AiSettingInput } from '@/types/api';
import { aiSettingsQueryKey } from './get-ai-settings';

export function saveAiSetting(input: AiSettingInput, id?: number) {
  return id === undefined
    ? api<AiSetting>('/api/admin/ai-settings', { method: 'POST', body: input })
    : api<AiSetting>(`/api/admin/ai-settings/${id}`, { method: 'PUT', body: input });
}

export function useSaveAiSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: AiSettingInput; id?: number }) => saveAiSetting(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: aiSettingsQueryKey }),
  });
}
