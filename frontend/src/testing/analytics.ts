import type { AnalyticsFigures, AnalyticsReport } from '@/types/api';

export function figures(overrides: Partial<AnalyticsFigures> = {}): AnalyticsFigures {
  return { requests: 0, refusals: 0, errors: 0, cancelled: 0, prompt_tokens: 0, completion_tokens: 0, cached_tokens: 0,
    reasoning_tokens: 0, total_tokens: 0, cost: 0, unpriced_requests: 0, latency_p50_ms: null, latency_p95_ms: null,
    ttft_p50_ms: null, ttft_p95_ms: null, ...overrides };
}

const GROUPS: Record<string, { key: string | null; label: string | null }[]> = {
  model: [{ key: 'gpt-5-mini', label: 'gpt-5-mini' }, { key: 'claude-sonnet-4-5', label: 'claude-sonnet-4-5' }],
  feature: [{ key: 'chatbot', label: 'chatbot' }, { key: 'analysis', label: 'analysis' }],
  member: [{ key: '5', label: 'kim' }, { key: '6', label: 'lee' }],
  setting: [{ key: '1', label: '연구실 OpenAI' }, { key: '9', label: null }],
  plan: [{ key: '2', label: '기본형 ($10/월)' }, { key: '1', label: '무료 (제한적)' }],
  channel: [{ key: 'app', label: 'app' }, { key: 'api', label: 'api' }],
};

/** A report as the server answers it: two days, two groups, two members; empty for a range in 2020. */
export function analyticsReport(params: URLSearchParams): AnalyticsReport {
  const from = params.get('from') ?? '2026-11-24';
  const to = params.get('to') ?? '2026-11-25';
  const groupBy = (params.get('group_by') ?? 'model') as AnalyticsReport['group_by'];
  const empty = from.startsWith('2020');
  const day = (requests: number, cost: number) => figures({ requests, prompt_tokens: requests * 100, completion_tokens: requests * 50,
    total_tokens: requests * 150, cost, latency_p50_ms: 820, latency_p95_ms: 2400, ttft_p50_ms: 310, ttft_p95_ms: 900 });
  const groups = GROUPS[groupBy]!;
  const series = empty ? [] : [
    { period: from, group: 0, figures: day(10, 0.5) },
    { period: to, group: 0, figures: day(6, 0.3) },
    { period: to, group: 1, figures: day(4, 1.2) },
  ];
  return {
    time_zone: 'Asia/Seoul', from, to, granularity: (params.get('granularity') ?? 'day') as AnalyticsReport['granularity'], group_by: groupBy,
    periods: [from, to],
    totals: empty ? figures() : figures({ requests: 20, refusals: 2, errors: 1, prompt_tokens: 2000, completion_tokens: 1000, cached_tokens: 300,
      reasoning_tokens: 40, total_tokens: 3000, cost: 2, unpriced_requests: 1, latency_p50_ms: 820, latency_p95_ms: 2400, ttft_p50_ms: 310, ttft_p95_ms: 900 }),
    period_totals: empty ? [] : [{ period: from, figures: day(10, 0.5) }, { period: to, figures: day(10, 1.5) }],
    groups: empty ? [] : groups.map((g, i) => ({ ...g, rest: false, figures: i === 0 ? day(16, 0.8) : day(4, 1.2) })),
    series,
    models: empty ? [] : ['claude-sonnet-4-5', 'gpt-5-mini'],
    matrix: empty ? [] : [
      { member_id: 5, model: 'claude-sonnet-4-5', requests: 4, total_tokens: 600, cost: 1.2 },
      { member_id: 5, model: 'gpt-5-mini', requests: 6, total_tokens: 900, cost: 0.3 },
      { member_id: 6, model: 'gpt-5-mini', requests: 10, total_tokens: 1500, cost: 0.5 },
    ],
    members: empty ? [] : [
      { member_id: 5, username: 'kim', first_name: '지우', last_name: '김', figures: figures({ requests: 10, total_tokens: 1500, cost: 1.5, refusals: 2 }) },
      { member_id: 6, username: 'lee', first_name: 'Seo-yeon', last_name: 'Lee', figures: figures({ requests: 10, total_tokens: 1500, cost: 0.5, errors: 1 }) },
    ],
  };
}
