import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import type { MyBudget } from '@/types/api';

/** GET /api/me/budget: the caller's monthly cost budget and spend; null without access. */
export async function getMyBudget(): Promise<MyBudget | null> {
  try {
    return await api<MyBudget>('/api/me/budget');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const myBudgetQueryOptions = () => queryOptions({ queryKey: ['me', 'budget'], queryFn: getMyBudget });

export function useMyBudget() {
  return useQuery(myBudgetQueryOptions());
}
