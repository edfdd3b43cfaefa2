import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { apiKeysQueryKey } from './get-api-keys';

export interface CreatedKey {
  id: number;
  name: string;
  prefix: string;
  key: string;
  created_at: string;
}

export function createApiKey(name: string) {
  return api<CreatedKey>('/api/me/api-keys', { method: 'POST', body: { name } });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createApiKey, onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey }) });
}
