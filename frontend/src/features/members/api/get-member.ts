import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Member } from '@/types/api';
import { membersQueryKey } from './get-members';

export function getMember(id: number) {
  return api<Member>(`/api/admin/members/${id}`);
}

/** Under the members key, so saving a member refreshes it too. */
export const memberQueryOptions = (id: number) =>
  queryOptions({ queryKey: [...membersQueryKey, 'detail', id], queryFn: () => getMember(id) });

export function useMember(id: number) {
  return useQuery(memberQueryOptions(id));
}
