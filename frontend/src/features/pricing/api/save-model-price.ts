import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ModelPrice, ModelPriceInput } from '@/types/api';
import { modelPricesQueryKey } from './get-model-prices';

export function saveModelPrice(input: ModelPriceInput, id?: number) {
  return id === undefined
    ? api<ModelPrice>('/api/admin/model-prices', { method: 'POST', body: input })
    : api<ModelPrice>(`/api/admin/model-prices/${id}`, { method: 'PUT', body: input });
}

export function useSaveModelPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: ModelPriceInput; id?: number }) => saveModelPrice(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelPricesQueryKey }),
  });
}
