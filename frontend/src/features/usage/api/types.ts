export interface UsageLog {
  id: number;
  created_at: string;
  member_id: number | null;
  username: string | null;
  provider: string | null;
  model: string | null;
  request_type: string;
  channel: 'app' | 'api';
  status: 'ok' | 'error' | 'refused' | 'cancelled' | 'incomplete';
  stream: boolean;
  prompt: string | null;
  total_tokens: number;
  cost: number | null;
  latency_ms: number | null;
  error: string | null;
}

export interface DailyStat {
  date: string;
  total_tokens: number;
  total_cost: number;
  request_count: number;
  refused_count: number;
  error_count: number;
  average_response_time_ms: number | null;
}

export interface UsageStatistics {
  time_zone: string;
  from: string;
  to: string;
  daily: DailyStat[];
  top_users: { member_id: number; username: string; total_tokens: number; total_cost: number; request_count: number }[];
  total_tokens: number;
  total_cost: number;
  request_count: number;
  unpriced_requests: number;
}
