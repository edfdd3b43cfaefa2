import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { BillingMonth } from '../types';

/** Every billing query starts with this key, so a close, reopen or rate change refreshes them all. */
export const billingQueryKey = ['billing'] as const;

export function getBillingMonth(month: string) {
  return api<BillingMonth>(`/api/admin/billing/months/${encodeURIComponent(month)}`);
}

export const billingMonthQueryOptions = (month: string) =>
  queryOptions({ queryKey: [...billingQueryKey, 'month', month], queryFn: () => getBillingMonth(month) });

export function useBillingMonth(month: string) {
  return useQuery(billingMonthQueryOptions(month));
}
