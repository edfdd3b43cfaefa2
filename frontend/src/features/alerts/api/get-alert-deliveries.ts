import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertDelivery, Page } from '@/types/api';

export const alertDeliveriesQueryKey = ['alerts', 'deliveries'] as const;

export interface DeliveryFilter {
  status: string;
  page: number;
}

export function getAlertDeliveries({ status, page }: DeliveryFilter) {
  const params = new URLSearchParams({ page: String(page), size: '20' });
  if (status) params.set('status', status);
  return api<Page<AlertDelivery>>(`/api/admin/alert-deliveries?${params.toString()}`);
}

export const alertDeliveriesQueryOptions = (filter: DeliveryFilter) =>
  queryOptions({ queryKey: [...alertDeliveriesQueryKey, filter], queryFn: () => getAlertDeliveries(filter), placeholderData: keepPreviousData });

export function useAlertDeliveries(filter: DeliveryFilter) {
  return useQuery(alertDeliveriesQueryOptions(filter));
}
