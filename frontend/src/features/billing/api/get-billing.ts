import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api.gen';

export type MonthlyBilling = components['schemas']['MonthlyBilling'];

export function getBilling(month: string) {
  return api<MonthlyBilling>(`/api/admin/billing?month=${encodeURIComponent(month)}`);
}

export const billingQueryOptions = (month: string) => queryOptions({ queryKey: ['billing', month], queryFn: () => getBilling(month) });

export function useBilling(month: string) {
  return useQuery(billingQueryOptions(month));
}
