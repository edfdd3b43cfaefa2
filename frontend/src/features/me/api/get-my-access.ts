import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import type { Access } from '@/types/api';

/** The caller's access, or null when none has been assigned (the API answers 404). */
export async function getMyAccess(): Promise<Access | null> {
  try {
    return await api<Access>('/api/me/access');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const myAccessQueryOptions = () => queryOptions({ queryKey: ['me', 'access'], queryFn: getMyAccess });

export function useMyAccess() {
  return useQuery(myAccessQueryOptions());
}
