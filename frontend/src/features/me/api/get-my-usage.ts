import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import type { UsageWindow } from '@/types/api';

export interface MyUsage {
  plan_name: string;
  plan_display_name: string;
  features: string[];
  provider_name: string | null;
  model_name: string | null;
  is_enabled: boolean;
  time_zone: string;
  windows: UsageWindow[];
}

export async function getMyUsage(): Promise<MyUsage | null> {
  try {
    return await api<MyUsage>('/api/me/usage');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export const myUsageQueryOptions = () => queryOptions({ queryKey: ['me', 'usage'], queryFn: getMyUsage });

export function useMyUsage() {
  return useQuery(myUsageQueryOptions());
}
