import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { aiSettingsQueryKey } from './get-ai-settings';

export function deleteAiSetting(id: number) {
  return api<void>(`/api/admin/ai-settings/${id}`, { method: 'DELETE' });
}

export function useDeleteAiSetting() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAiSetting, onSuccess: () => queryClient.invalidateQueries({ queryKey: aiSettingsQueryKey }) });
}
