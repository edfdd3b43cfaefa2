import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MemberAccessDetail } from '@/types/api';
import { accessQueryKey } from './get-access-list';

/** One member's access (null when none is assigned) with every usage window and when it resets. */
export function getMemberAccess(memberId: number) {
  return api<MemberAccessDetail>(`/api/admin/user-ai-access/members/${memberId}`);
}

export const memberAccessQueryOptions = (memberId: number) =>
  queryOptions({
    queryKey: [...accessQueryKey, 'member', memberId],
    queryFn: () => getMemberAccess(memberId),
    refetchInterval: 15_000,
  });

export function useMemberAccess(memberId: number) {
  return useQuery(memberAccessQueryOptions(memberId));
}
