import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { OfferedPlan } from '@/types/api';

/** The active plans, cheapest first: which ones include a feature the member's plan lacks. */
export function getOfferedPlans() {
  return api<OfferedPlan[]>('/api/me/plans');
}

export const offeredPlansQueryOptions = () => queryOptions({ queryKey: ['me', 'plans'], queryFn: getOfferedPlans, staleTime: 5 * 60_000 });

export function useOfferedPlans() {
  return useQuery(offeredPlansQueryOptions());
}
