import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ModelPrice } from '@/types/api';

/** Every query of this feature starts with this key, so a change to a price refreshes them all. */
export const modelPricesQueryKey = ['model-prices'] as const;

export function getModelPrices() {
  return api<ModelPrice[]>('/api/admin/model-prices');
}

export const modelPricesQueryOptions = () => queryOptions({ queryKey: [...modelPricesQueryKey, 'list'], queryFn: getModelPrices });

export function useModelPrices() {
  return useQuery(modelPricesQueryOptions());
}
