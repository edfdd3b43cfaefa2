import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Plan } from '@/types/api';

export const plansQueryKey = ['plans'] as const;

export function getPlans() {
  return api<Plan[]>('/api/admin/plans');
}

export const plansQueryOptions = () => queryOptions({ queryKey: plansQueryKey, queryFn: getPlans });

export function usePlans() {
  return useQuery(plansQueryOptions());
}
