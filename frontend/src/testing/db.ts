import type { Access, AiSetting, Member, Plan } from '@/types/api';
import type { MyUsage } from '@/features/me/api/get-my-usage';
import type { ApiKey } from '@/features/api-keys/api/get-api-keys';

/** In-memory data the MSW handlers serve; reset before each test. */
export interface TestDb {
  members: Member[];
  plans: Plan[];
  settings: AiSetting[];
  access: Access[];
  /** What the SPA sent, with the token it sent it with. */
  requests: { method: string; path: string; body: unknown; authorization?: string | null }[];
  usage: MyUsage | null;
  apiKeys: ApiKey[];
  promptLogDown: boolean;
}

const now = '2026-11-25T10:00:00+09:00';

export function member(overrides: Partial<Member> = {}): Member {
  return { id: 1, username: 'admin', email: 'admin@lab.example', first_name: '', last_name: '', role: 'superadmin', is_active: true, created_at: now, ...overrides };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return { id: 2, name: 'basic', display_name: '기본형 ($10/월)', monthly_cost: 10, monthly_token_limit: 1000000, daily_request_limit: 200,
    features: ['chatbot', 'analysis'], is_active: true, members_count: 0, created_at: now, updated_at: now, ...overrides };
}

export function setting(overrides: Partial<AiSetting> = {}): AiSetting {
  return { id: 10, name: 'OpenAI main', provider: 'openai', base_url: 'https://api.openai.com/v1', api_key_hint: 'sk-…abcd', has_api_key: true,
    model_name: 'gpt-4.1-mini', max_tokens: 1000, temperature: 0.7, hourly_limit: 100, daily_limit: 1000, monthly_limit: 10000,
    is_active: true, members_count: 0, created_by: 'admin', last_error: null, last_error_at: null, created_at: now, updated_at: now, ...overrides };
}

export function access(overrides: Partial<Access> = {}): Access {
  return {
    id: 100,
    user: { id: 5, username: 'kim', email: 'kim@lab.example', first_name: 'Ji-woo', last_name: 'Kim' },
    plan: { id: 2, name: 'basic', display_name: '기본형 ($10/월)', monthly_token_limit: 1000000, daily_request_limit: 200, features: ['chatbot', 'analysis'] },
    ai_settings: { id: 10, name: 'OpenAI main', provider: 'openai', model_name: 'gpt-4.1-mini', is_active: true },
    is_enabled: true, can_use_advanced_features: false, tokens_used_today: 1200, tokens_used_month: 250000, requests_today: 3,
    last_reset_date: '2026-11-25', assigned_by: 'admin', assigned_at: now, updated_at: now, ...overrides,
  };
}

export function usage(): MyUsage {
  return {
    plan_name: 'basic', plan_display_name: '기본형 ($10/월)', features: ['chatbot', 'analysis'], provider_name: 'OpenAI main',
    model_name: 'gpt-4.1-mini', is_enabled: true, time_zone: 'Asia/Seoul',
    windows: [
      { window: 'day', scope: 'plan', metric: 'requests', used: 3, limit: 200, left: 197, resets_at: '2026-11-26T00:00:00+09:00' },
      { window: 'month', scope: 'plan', metric: 'tokens', used: 250000, limit: 1000000, left: 750000, resets_at: '2026-12-01T00:00:00+09:00' },
      { window: 'hour', scope: 'provider', metric: 'requests', used: 12, limit: 100, left: 88, resets_at: '2026-11-25T11:00:00+09:00' },
    ],
  };
}

export const db: TestDb = { members: [], plans: [], settings: [], access: [], requests: [], usage: null, apiKeys: [], promptLogDown: false };

export function resetDb() {
  db.members = [member(), member({ id: 5, username: 'kim', email: 'kim@lab.example', first_name: 'Ji-woo', last_name: 'Kim', role: 'researcher' }),
    member({ id: 6, username: 'lee', email: 'lee@lab.example', first_name: 'Seo-yeon', last_name: 'Lee', role: 'researcher' })];
  db.plans = [plan({ id: 1, name: 'free', display_name: '무료 (제한적)', monthly_cost: 0, monthly_token_limit: 50000, daily_request_limit: 20, features: ['chatbot'] }), plan()];
  db.settings = [setting()];
  db.access = [access()];
  db.requests = [];
  db.usage = usage();
  db.apiKeys = [];
  db.promptLogDown = false;
}
