import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { alertChannelsQueryKey } from './get-alert-channels';
import { alertRulesQueryKey } from './get-alert-rules';

export function deleteAlertChannel(id: number) {
  return api<void>(`/api/admin/alert-channels/${id}`, { method: 'DELETE' });
}

export function useDeleteAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAlertChannel,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: alertChannelsQueryKey }),
      queryClient.invalidateQueries({ queryKey: alertRulesQueryKey })]),
  });
}
