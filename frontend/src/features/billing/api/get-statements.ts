import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Page } from '@/types/api';
import type { StatementSort, StatementSummary } from '../types';
import { billingQueryKey } from './get-billing-month';

export interface StatementFilter {
  month: string;
  q?: string;
  sort: StatementSort;
  order: 'asc' | 'desc';
  page: number;
  size: number;
}

export function statementsPath(f: StatementFilter) {
  const params = new URLSearchParams({ month: f.month, sort: f.sort, order: f.order, page: String(f.page), size: String(f.size) });
  if (f.q) params.set('q', f.q);
  return `/api/admin/billing/statements?${params}`;
}

export function getStatements(f: StatementFilter) {
  return api<Page<StatementSummary>>(statementsPath(f));
}

export const statementsQueryOptions = (f: StatementFilter) =>
  queryOptions({ queryKey: [...billingQueryKey, 'statements', f], queryFn: () => getStatements(f), placeholderData: keepPreviousData });

export function useStatements(f: StatementFilter) {
  return useQuery(statementsQueryOptions(f));
}
