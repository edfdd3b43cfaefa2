import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BillingMonth } from '../types';
import { billingQueryKey } from './get-billing-month';

/** Freezes the month's statements (the server audits it). */
export function closeMonth(month: string) {
  return api<BillingMonth>(`/api/admin/billing/months/${encodeURIComponent(month)}/close`, { method: 'POST' });
}

export function useCloseMonth() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: closeMonth, onSuccess: () => queryClient.invalidateQueries({ queryKey: billingQueryKey }) });
}
