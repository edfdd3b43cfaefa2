import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Plan, PlanInput } from '@/types/api';
import { plansQueryKey } from './get-plans';

export function savePlan(input: PlanInput, id?: number) {
  return id === undefined
    ? api<Plan>('/api/admin/plans', { method: 'POST', body: input })
    : api<Plan>(`/api/admin/plans/${id}`, { method: 'PUT', body: input });
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, id }: { input: PlanInput; id?: number }) => savePlan(input, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansQueryKey }),
  });
}
