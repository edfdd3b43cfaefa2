import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Statement, StatementSummary } from '../types';

export const myStatementsQueryKey = ['my-statements'] as const;

export function myStatementPath(month: string) {
  return `/api/me/statements/${encodeURIComponent(month)}`;
}

/** 내 청구서: the member's own statements, newest month first. */
export const myStatementsQueryOptions = () =>
  queryOptions({ queryKey: myStatementsQueryKey, queryFn: () => api<StatementSummary[]>('/api/me/statements') });

export function useMyStatements() {
  return useQuery(myStatementsQueryOptions());
}

export const myStatementQueryOptions = (month: string) =>
  queryOptions({ queryKey: [...myStatementsQueryKey, month], queryFn: () => api<Statement>(myStatementPath(month)) });

export function useMyStatement(month: string | null) {
  return useQuery({ ...myStatementQueryOptions(month ?? ''), enabled: month !== null });
}
