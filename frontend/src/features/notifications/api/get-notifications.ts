import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { NotificationPage } from '@/types/api';

export const notificationsQueryKey = ['notifications'] as const;

export function getNotifications() {
  return api<NotificationPage>('/api/notifications?size=30');
}

export const notificationsQueryOptions = () => queryOptions({ queryKey: notificationsQueryKey, queryFn: getNotifications });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
