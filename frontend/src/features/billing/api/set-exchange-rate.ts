import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BillingMonth, ExchangeRateInput } from '../types';
import { billingQueryKey } from './get-billing-month';

export function setExchangeRate({ month, input }: { month: string; input: ExchangeRateInput }) {
  return api<BillingMonth>(`/api/admin/billing/months/${encodeURIComponent(month)}/exchange-rate`, { method: 'PUT', body: input });
}

export function useSetExchangeRate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setExchangeRate, onSuccess: () => queryClient.invalidateQueries({ queryKey: billingQueryKey }) });
}
