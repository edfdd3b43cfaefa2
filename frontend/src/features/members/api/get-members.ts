import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Member, Page } from '@/types/api';

export interface MemberFilter {
  q?: string;
  role?: string;
  page: number;
  size: number;
}

export const membersQueryKey = ['members'] as const;

export function getMembers(f: MemberFilter) {
  const params = new URLSearchParams({ page: String(f.page), size: String(f.size) });
  if (f.q) params.set('q', f.q);
  if (f.role) params.set('role', f.role);
  return api<Page<Member>>(`/api/admin/members?${params}`);
}

export const membersQueryOptions = (f: MemberFilter) =>
  queryOptions({ queryKey: [...membersQueryKey, f], queryFn: () => getMembers(f), placeholderData: keepPreviousData });

export function useMembers(f: MemberFilter) {
  return useQuery(membersQueryOptions(f));
}
