import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { UnpricedModel } from '@/types/api';
import { modelPricesQueryKey } from './get-model-prices';

/** GET /api/admin/model-prices/unpriced — models provider settings call that no price matches. */
export function getUnpricedModels() {
  return api<UnpricedModel[]>('/api/admin/model-prices/unpriced');
}

export const unpricedModelsQueryOptions = () =>
  queryOptions({ queryKey: [...modelPricesQueryKey, 'unpriced'], queryFn: getUnpricedModels });

export function useUnpricedModels() {
  return useQuery(unpricedModelsQueryOptions());
}
