import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BillingMonth } from '../types';
import { billingQueryKey } from './get-billing-month';

/** Opens a closed month again; the reason goes to the audit log. */
export function reopenMonth({ month, reason }: { month: string; reason: string }) {
  return api<BillingMonth>(`/api/admin/billing/months/${encodeURIComponent(month)}/reopen`, { method: 'POST', body: { reason } });
}

export function useReopenMonth() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: reopenMonth, onSuccess: () => queryClient.invalidateQueries({ queryKey: billingQueryKey }) });
}
