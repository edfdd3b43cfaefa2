import type { AlertMetric } from '@/types/api';

export const METRICS: AlertMetric[] = ['member_tokens', 'member_requests', 'member_cost', 'setting_requests',
  'provider_key_rejected', 'provider_error_rate', 'usage_backlog'];

/** Member metrics narrow to a plan; setting metrics to a provider setting; the backlog to nothing. */
export const narrowsToPlan = (m: AlertMetric) => m.startsWith('member_');
export const narrowsToSetting = (m: AlertMetric) => m !== 'usage_backlog';
export const hasThresholds = (m: AlertMetric) => m !== 'provider_key_rejected';

/** Parses "80, 100" into ascending percentages 1–100; null when any is not one. */
export function parseThresholds(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return null;
  const values = parts.map(Number);
  if (values.some((v) => !Number.isInteger(v) || v < 1 || v > 100)) return null;
  return [...new Set(values)].sort((a, b) => a - b);
}
