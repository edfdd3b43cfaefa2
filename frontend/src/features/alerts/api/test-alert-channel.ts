import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AlertDelivery } from '@/types/api';
import { alertDeliveriesQueryKey } from './get-alert-deliveries';

/** Sends a test over the channel now; answers each delivery's outcome. */
export function testAlertChannel(id: number) {
  return api<AlertDelivery[]>(`/api/admin/alert-channels/${id}/test`, { method: 'POST' });
}

export function useTestAlertChannel() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: testAlertChannel, onSuccess: () => queryClient.invalidateQueries({ queryKey: alertDeliveriesQueryKey }) });
}
