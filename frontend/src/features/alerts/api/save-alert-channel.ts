import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertChannel, AlertChannelInput } from '@/types/api';
import { alertChannelsQueryKey } from './get-alert-channels';

export function saveAlertChannel(input: AlertChannelInput, id?: number) {
  return id === undefined
    ? api<AlertChannel>('/api/admin/alert-channels', { method: 'POST', body: input })
    : api<AlertChannel>(`/api/admin/alert-channels/${id}`, { method: 'PUT', body: input });
}

export function useSaveAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: AlertChannelInput; id?: number }) => saveAlertChannel(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: alertChannelsQueryKey }),
  });
}
