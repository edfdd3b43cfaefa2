import type { Access, AiSetting, AlertChannel, AlertDelivery, AlertRule, AppNotification, AuditEntry, Member, ModelPrice, MyBudget, Plan, UnpricedModel,
  UsageSettings } from '@/types/api';
import type { MyUsage } from '@/features/me/api/get-my-usage';
import type { ApiKey } from '@/features/api-keys/api/get-api-keys';
import type { BillingMonth, Statement, StatementSummary } from '@/features/billing/types';

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
  budget: MyBudget | null;
  notifications: AppNotification[];
  rules: AlertRule[];
  channels: AlertChannel[];
  deliveries: AlertDelivery[];
  prices: ModelPrice[];
  unpriced: UnpricedModel[];
  audit: AuditEntry[];
  usageSettings: UsageSettings;
  /** Billing months by "YYYY-MM"; a month not here is open with no rate. */
  billingMonths: Record<string, BillingMonth>;
  statements: Statement[];
}

const now = '2026-11-25T10:00:00+09:00';

export function member(overrides: Partial<Member> = {}): Member {
  return { id: 1, username: 'admin', email: 'admin@lab.example', first_name: '', last_name: '', role: 'superadmin', is_active: true, language: 'ko', created_at: now, ...overrides };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return { id: 2, name: 'basic', display_name: '기본형 ($10/월)', monthly_cost: 10, monthly_token_limit: 1000000, daily_request_limit: 200,
    features: ['chatbot', 'analysis'], is_active: true, members_count: 0, monthly_budget_usd: 0, budget_soft_percent: 80, created_at: now, updated_at: now, ...overrides };
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
    plan: { id: 2, name: 'basic', display_name: '기본형 ($10/월)', monthly_token_limit: 1000000, daily_request_limit: 200, features: ['chatbot', 'analysis'],
      monthly_budget_usd: 5, budget_soft_percent: 80 },
    ai_settings: { id: 10, name: 'OpenAI main', provider: 'openai', model_name: 'gpt-4.1-mini', is_active: true },
    is_enabled: true, can_use_advanced_features: false, tokens_used_today: 1200, tokens_used_month: 250000, requests_today: 3,
    last_reset_date: '2026-11-25', assigned_by: 'admin', assigned_at: now, updated_at: now, monthly_budget_usd: null, ...overrides,
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

export function budget(overrides: Partial<MyBudget> = {}): MyBudget {
  return { monthly_budget_usd: 5, soft_percent: 80, source: 'plan', spent_usd: 1.25, left_usd: 3.75, percent: 25, unpriced_calls: 2,
    fallback_usd_per_mtok: 10, resets_at: '2026-12-01T00:00:00+09:00', time_zone: 'Asia/Seoul', ...overrides };
}

export function notification(overrides: Partial<AppNotification> = {}, params: Partial<AppNotification['params']> = {}): AppNotification {
  return { id: 1, code: 'member_tokens', created_at: now, read_at: null, ...overrides,
    params: { metric: overrides.code ?? 'member_tokens', rule_id: 7, rule_name: '월간 토큰', threshold: 80, percent: 82.5, used: 825000,
      limit: 1000000, unit: 'tokens', subject_type: 'member', subject_id: '5', subject_name: 'kim', window: 'month', window_key: '2026-11',
      resets_at: '2026-12-01T00:00:00+09:00', time_zone: 'Asia/Seoul', ...params } };
}

export function alertRule(overrides: Partial<AlertRule> = {}): AlertRule {
  return { id: 7, name: '월간 토큰', metric: 'member_tokens', thresholds: [80, 100], plan_id: null, plan_name: null, ai_settings_id: null,
    ai_settings_name: null, min_calls: 10, channel_ids: [31], enabled: true, created_at: now, updated_at: now, ...overrides };
}

export function alertChannel(overrides: Partial<AlertChannel> = {}): AlertChannel {
  return { id: 31, name: '운영 웹훅', kind: 'webhook', enabled: true, url: 'https://hooks.lab.example/labgate', format: 'json', recipients: [],
    notify_member: false, language: 'ko', smtp_host: null, smtp_port: null, smtp_username: null, smtp_from: null, smtp_start_tls: false,
    has_secret: true, created_at: now, updated_at: now, ...overrides };
}

export function alertDelivery(overrides: Partial<AlertDelivery> = {}): AlertDelivery {
  return { id: 50, channel_id: 31, channel_name: '운영 웹훅', channel_kind: 'webhook', recipient: null, is_test: false, status: 'sent', attempts: 3,
    last_error: null, last_status: 200, rule_id: 7, rule_name: '월간 토큰', metric: 'member_tokens', threshold: 80, subject_name: 'kim',
    created_at: now, sent_at: now, next_attempt_at: null, ...overrides };
}

export function modelPrice(overrides: Partial<ModelPrice> = {}): ModelPrice {
  return { id: 1, provider: 'openai', model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 1.6, cached_input_per_mtok: 0.1,
    cache_write_per_mtok: null, source: 'LiteLLM model_prices_and_context_window.json', source_date: '2026-08-21', updated_at: now, ...overrides };
}

export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 1, actor: 'admin', action: 'model_price.update', entity_type: 'model_price', entity_id: 1,
    before: { model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 1.6 }, after: { model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 2 },
    created_at: now, ...overrides };
}

export function billingMonth(overrides: Partial<BillingMonth> = {}): BillingMonth {
  return { month: '2026-10', state: 'open', current: false, ended: true, time_zone: 'Asia/Seoul', krw_per_usd: 1385.5, apply_vat: true, vat_percent: 10,
    closed_at: null, closed_by: null, history: [],
    totals: { statements: 2, plan_fees_usd: 30, usage_cost_usd: 1.2575, unattributed_usage_usd: 0, unattributed_calls: 0, vat_usd: 3, total_usd: 33,
      total_krw: 45721, margin_usd: 28.7425 }, ...overrides };
}

/** Kim moved from basic to premium on the 16th of November: half of each fee. */
export function statement(overrides: Partial<Statement> = {}): Statement {
  return {
    month: '2026-10', state: 'open', current: false, as_of: '2026-11-25T10:00:00+09:00', time_zone: 'Asia/Seoul', days_in_month: 30,
    member: { id: 5, username: 'kim', first_name: '지우', last_name: '김', email: 'kim@lab.example', language: 'ko', deleted: false },
    plans: [
      { plan_id: 2, plan_name: 'basic', display_name: '기본형 ($10/월)', monthly_fee_usd: 10, from: '2026-10-01', to: '2026-10-15', days: 15, amount_usd: 5 },
      { plan_id: 3, plan_name: 'premium', display_name: '프리미엄 ($30/월)', monthly_fee_usd: 30, from: '2026-10-16', to: '2026-10-30', days: 15, amount_usd: 15 },
    ],
    plan_fees_usd: 20,
    usage: { calls: 3, prompt_tokens: 2300, completion_tokens: 250, total_tokens: 2550, cost_usd: 0.007, unpriced_calls: 1,
      by_model: [{ provider: 'openai', model: 'gpt-4o', calls: 2, total_tokens: 2200, cost_usd: 0.007, unpriced_calls: 0 },
        { provider: 'openai', model: 'my-own-model', calls: 1, total_tokens: 350, cost_usd: 0, unpriced_calls: 1 }],
      by_feature: [{ request_type: 'analysis', calls: 1, total_tokens: 350, cost_usd: 0, unpriced_calls: 1 },
        { request_type: 'chatbot', calls: 2, total_tokens: 2200, cost_usd: 0.007, unpriced_calls: 0 }] },
    subtotal_usd: 20, vat_percent: 10, vat_usd: 2, total_usd: 22, krw_per_usd: 1385.5, subtotal_krw: 27710, vat_krw: 2771, total_krw: 30481,
    usage_cost_krw: 10, ...overrides,
  };
}

export function summaryOf(s: Statement): StatementSummary {
  return { month: s.month, state: s.state, current: s.current, member: s.member, plans: [...new Set(s.plans.map((p) => p.display_name))],
    plan_fees_usd: s.plan_fees_usd, usage_cost_usd: s.usage.cost_usd, calls: s.usage.calls, unpriced_calls: s.usage.unpriced_calls,
    vat_usd: s.vat_usd, total_usd: s.total_usd, total_krw: s.total_krw };
}

export const db: TestDb = { members: [], plans: [], settings: [], access: [], requests: [], usage: null, apiKeys: [], promptLogDown: false,
  budget: null, notifications: [], rules: [], channels: [], deliveries: [], prices: [], unpriced: [], audit: [],
  usageSettings: { content_retention: 'full', truncated_chars: 500 }, billingMonths: {}, statements: [] };

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
  db.budget = budget();
  db.notifications = [];
  db.rules = [];
  db.channels = [];
  db.deliveries = [];
  db.prices = [modelPrice(), modelPrice({ id: 2, provider: 'anthropic', model: 'claude-haiku-4-5', input_per_mtok: 1, output_per_mtok: 5,
    cached_input_per_mtok: 0.1, cache_write_per_mtok: 1.25 })];
  db.unpriced = [];
  db.audit = [];
  db.usageSettings = { content_retention: 'full', truncated_chars: 500 };
  db.billingMonths = { '2026-10': billingMonth() };
  db.statements = [statement(), statement({ member: { id: 6, username: 'lee', first_name: 'Seo-yeon', last_name: 'Lee', email: 'lee@lab.example', language: 'en', deleted: false },
    plans: [{ plan_id: 2, plan_name: 'basic', display_name: '기본형 ($10/월)', monthly_fee_usd: 10, from: '2026-10-01', to: '2026-10-30', days: 30, amount_usd: 10 }],
    plan_fees_usd: 10, subtotal_usd: 10, vat_usd: 1, total_usd: 11, subtotal_krw: 13855, vat_krw: 1385, total_krw: 15240,
    usage: { calls: 40, prompt_tokens: 400000, completion_tokens: 20000, total_tokens: 420000, cost_usd: 1.2505, unpriced_calls: 0, by_model: [], by_feature: [] } })];
}
