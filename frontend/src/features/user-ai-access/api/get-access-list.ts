import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MemberAccess, Page } from '@/types/api';

export interface AccessFilter {
  q?: string;
  planId?: string;
  /** false: only the members without access. */
  assigned?: boolean;
  page: number;
  size: number;
}

export const accessQueryKey = ['user-ai-access'] as const;

/** Every researcher with their access (or none yet), and anyone else who has access. */
export function getAccessList(f: AccessFilter) {
  const params = new URLSearchParams({ page: String(f.page), size: String(f.size) });
  if (f.q) params.set('q', f.q);
  if (f.planId) params.set('plan_id', f.planId);
  if (f.assigned !== undefined) params.set('assigned', String(f.assigned));
  return api<Page<MemberAccess>>(`/api/admin/user-ai-access?${params}`);
}

export const accessListQueryOptions = (f: AccessFilter) =>
  queryOptions({
    queryKey: [...accessQueryKey, f],
    queryFn: () => getAccessList(f),
    placeholderData: keepPreviousData,
    // The AI-access list shows usage as it happens.
    refetchInterval: 15_000,
  });

export function useAccessList(f: AccessFilter) {
  return useQuery(accessListQueryOptions(f));
}

/** Assignments change the member counts shown on plans and provider settings too. */
export function invalidateAccessViews(queryClient: QueryClient) {
  return Promise.all(
    [accessQueryKey, ['plans'], ['ai-settings'], ['me']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}
