import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { AuditLogPage } from '@/types/api';
import { AUDIT_PAGE_SIZE, toQuery, type AuditFilter } from '../filter';

export const auditLogQueryKey = ['audit-log'] as const;

/** GET /api/admin/audit-log — one page of the filter's entries, newest first. */
export function getAuditLog(filter: AuditFilter, page: number) {
  const query = toQuery(filter);
  query.set('page', String(page));
  query.set('size', String(AUDIT_PAGE_SIZE));
  return api<AuditLogPage>(`/api/admin/audit-log?${query}`);
}

export const auditLogQueryOptions = (filter: AuditFilter, page: number) =>
  queryOptions({ queryKey: [...auditLogQueryKey, filter, page], queryFn: () => getAuditLog(filter, page), placeholderData: keepPreviousData });

export function useAuditLog(filter: AuditFilter, page: number, enabled: boolean) {
  return useQuery({ ...auditLogQueryOptions(filter, page), enabled });
}
