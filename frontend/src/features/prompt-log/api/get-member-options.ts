import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Member, Page } from '@/types/api';

/** Members the super-admin can filter the prompt log by. */
export function useMemberFilterOptions(enabled: boolean) {
  return useQuery({
    queryKey: ['prompt-logs', 'member-options'],
    queryFn: () => api<Page<Member>>('/api/admin/members?size=200'),
    enabled,
  });
}
