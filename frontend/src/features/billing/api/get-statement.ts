import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Statement } from '../types';
import { billingQueryKey } from './get-billing-month';

/** A member's statement for a month (the super-admin's view of anyone's). */
export function statementPath(memberId: number, month: string) {
  return `/api/admin/billing/statements/${memberId}/${encodeURIComponent(month)}`;
}

export const statementQueryOptions = (memberId: number, month: string) =>
  queryOptions({ queryKey: [...billingQueryKey, 'statement', memberId, month], queryFn: () => api<Statement>(statementPath(memberId, month)) });

export function useStatement(memberId: number, month: string) {
  return useQuery(statementQueryOptions(memberId, month));
}
