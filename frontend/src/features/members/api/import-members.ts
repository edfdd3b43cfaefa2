import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ImportResult } from '@/types/api';
import { membersQueryKey } from './get-members';

export function importMembers(csv: string) {
  return api<ImportResult>('/api/admin/members/import', { method: 'POST', raw: csv, contentType: 'text/csv; charset=utf-8' });
}

export function useImportMembers() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: importMembers, onSuccess: () => queryClient.invalidateQueries({ queryKey: membersQueryKey }) });
}
