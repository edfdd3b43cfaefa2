import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { modelPricesQueryKey } from './get-model-prices';

export function deleteModelPrice(id: number) {
  return api<void>(`/api/admin/model-prices/${id}`, { method: 'DELETE' });
}

export function useDeleteModelPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteModelPrice,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modelPricesQueryKey }),
  });
}
