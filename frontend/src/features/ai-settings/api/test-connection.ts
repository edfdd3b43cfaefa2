import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { ConnectionTestResult } from '@/types/api';

export function testConnection(id: number) {
  return api<ConnectionTestResult>(`/api/admin/ai-settings/${id}/test-connection`, { method: 'POST' });
}

export function useTestConnection() {
  return useMutation({ mutationFn: testConnection });
}
