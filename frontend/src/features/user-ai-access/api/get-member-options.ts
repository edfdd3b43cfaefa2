import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Member, Page } from '@/types/api';

/** Members to pick from in the assign dialog. */
export function getMemberOptions(q: string) {
  const params = new URLSearchParams({ size: '50', role: 'researcher' });
  if (q) params.set('q', q);
  return api<Page<Member>>(`/api/admin/members?${params}`);
}

export function useMemberOptions(q: string, enabled = true) {
  return useQuery({ queryKey: ['member-options', q], queryFn: () => getMemberOptions(q), placeholderData: keepPreviousData, enabled });
}
