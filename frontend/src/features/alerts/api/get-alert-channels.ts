import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertChannel } from '@/types/api';

export const alertChannelsQueryKey = ['alerts', 'channels'] as const;

export function getAlertChannels() {
  return api<AlertChannel[]>('/api/admin/alert-channels');
}

export const alertChannelsQueryOptions = () => queryOptions({ queryKey: alertChannelsQueryKey, queryFn: getAlertChannels });

export function useAlertChannels() {
  return useQuery(alertChannelsQueryOptions());
}
