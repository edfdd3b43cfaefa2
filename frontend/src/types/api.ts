// The API's types, generated from the backend's OpenAPI document into api.gen.ts (npm run gen:api; CI fails
// when the committed file drifts from the backend). This file only names them for the app and narrows what
// OpenAPI cannot say: which fields may be null, and closed sets of values.
import type { components } from './api.gen';

type Schemas = components['schemas'];
type WithNull<T, K extends keyof T> = Omit<T, K> & { [P in K]: T[P] | null };

export type Role = 'superadmin' | 'researcher';
export type Feature = 'chatbot' | 'analysis' | 'generation' | 'advanced';
export type Provider = 'openai' | 'anthropic' | 'gemini' | 'openai_compatible' | 'sandbox';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export type ApiErrorBody = Schemas['ApiError'];
export type ErrorCode = Schemas['ErrorCode'];
export type AuthOptions = Schemas['AuthOptions'];
export type Violation = Schemas['Violation'];

export type Member = Omit<Schemas['MemberView'], 'role'> & { role: Role };
export type LoginResponse = Omit<Schemas['LoginResponse'], 'user'> & { user: Member };
export type Plan = Omit<Schemas['PlanView'], 'features'> & { features: Feature[] };
export type OfferedPlan = Omit<Schemas['OfferedPlanView'], 'features'> & { features: Feature[] };
export type PlanInput = Omit<Plan, 'id' | 'members_count' | 'created_at' | 'updated_at'>;
export type AiSetting = Omit<WithNull<Schemas['AiSettingView'], 'api_key_hint' | 'created_by' | 'last_error' | 'last_error_at'>, 'provider'> & { provider: Provider };
export type AiSettingInput = Omit<Schemas['AiSettingRequest'], 'provider' | 'base_url' | 'api_key'> & {
  provider: Provider;
  base_url?: string;
  api_key?: string;
};
export type ConnectionTestResult = Schemas['ConnectionTestResult'];
export type Access = Omit<WithNull<Schemas['AccessView'], 'ai_settings' | 'assigned_by' | 'monthly_budget_usd'>, 'plan' | 'ai_settings'> & {
  plan: Omit<Schemas['PlanRef'], 'features'> & { features: Feature[] };
  ai_settings: (Omit<Schemas['SettingRef'], 'provider'> & { provider: Provider }) | null;
};
export type BulkAssignResult = Schemas['BulkAssignResult'];
export type MyBudget = WithNull<Schemas['MyBudgetView'], 'monthly_budget_usd' | 'left_usd' | 'percent'> & { source: 'member' | 'plan' };

/** USD per 1M tokens for one provider's model; the sandbox is free and has no prices. */
export type PricedProvider = Exclude<Provider, 'sandbox'>;
export type ModelPrice = Omit<WithNull<Schemas['ModelPriceView'], 'cached_input_per_mtok' | 'cache_write_per_mtok'>, 'provider'> & { provider: PricedProvider };
export type ModelPriceInput = Omit<Schemas['ModelPriceRequest'], 'provider'> & { provider: PricedProvider };
export type UnpricedModel = Omit<Schemas['UnpricedModel'], 'provider'> & { provider: PricedProvider };
/** Before and after are the entity as the API showed it (null on creation and deletion). */
export type AuditEntry = Omit<WithNull<Schemas['AuditEntryView'], 'entity_id'>, 'before' | 'after'> & {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
export type AuditLogPage = Omit<Schemas['AuditLogPage'], 'items'> & { items: AuditEntry[] };
export type ContentRetention = 'full' | 'truncated' | 'none';
export type UsageSettings = Omit<Schemas['UsageSettingsView'], 'content_retention'> & { content_retention: ContentRetention };

export type AlertMetric = Schemas['AlertMetric'];
export type AlertRule = WithNull<Schemas['AlertRuleView'], 'plan_id' | 'plan_name' | 'ai_settings_id' | 'ai_settings_name'>;
export type AlertRuleInput = Omit<Schemas['AlertRuleRequest'], 'plan_id' | 'ai_settings_id'> & { plan_id?: number; ai_settings_id?: number };
export type ChannelKind = 'email' | 'webhook';
export type AlertChannel = Omit<WithNull<Schemas['AlertChannelView'], 'url' | 'smtp_host' | 'smtp_port' | 'smtp_username' | 'smtp_from'>, 'kind'> & { kind: ChannelKind };
export type AlertChannelInput = Partial<Schemas['AlertChannelRequest']> & { name: string; kind: ChannelKind };
export type AlertDelivery = WithNull<Schemas['AlertDeliveryView'], 'recipient' | 'last_error' | 'last_status' | 'rule_id' | 'rule_name' | 'metric' | 'threshold' | 'subject_name' | 'sent_at' | 'next_attempt_at'> & {
  status: 'pending' | 'sent' | 'failed';
};

/** The alert's event, as the notification's params carry it (AlertEvent on the server). */
export interface AlertEventParams {
  metric: AlertMetric;
  rule_id: number;
  rule_name: string;
  threshold: number;
  percent: number;
  used: number;
  limit: number;
  unit: 'tokens' | 'requests' | 'usd' | 'calls' | 'rows' | 'rejections';
  subject_type: 'member' | 'setting' | 'replica';
  subject_id: string;
  subject_name: string;
  window: 'hour' | 'day' | 'month' | 'episode';
  window_key: string;
  resets_at: string | null;
  time_zone: string;
}
export type AppNotification = Omit<WithNull<Schemas['NotificationView'], 'read_at'>, 'params'> & { params: AlertEventParams };
export type NotificationPage = Omit<Schemas['NotificationPage'], 'items'> & { items: AppNotification[] };

/** A row of the AI-access list: a member and their access, or null while none is assigned. */
export type MemberAccess = { member: Member; access: Access | null };
/** One limit with what is used and left and when it resets; no limit → `limit` and `left` are null. */
export type UsageWindow = Omit<WithNull<Schemas['UsageWindowView'], 'limit' | 'left'>, 'window' | 'scope' | 'metric'> & {
  window: 'hour' | 'day' | 'month';
  scope: 'plan' | 'provider';
  metric: 'requests' | 'tokens';
};
/** One member's access, for their page, with every window that limits them (none without access). */
export type MemberAccessDetail = { access: Access | null; windows: UsageWindow[] };

export interface ImportResult {
  created: number;
  members: { member: Member; temporary_password: string | null }[];
}

/** GET /api/admin/analytics. Keys, names and percentiles are null where the server says none. */
export type AnalyticsFigures = WithNull<Schemas['AnalyticsFigures'], 'latency_p50_ms' | 'latency_p95_ms' | 'ttft_p50_ms' | 'ttft_p95_ms'>;
export type AnalyticsGroup = Omit<WithNull<Schemas['AnalyticsGroup'], 'key' | 'label'>, 'figures'> & { figures: AnalyticsFigures };
export type AnalyticsPoint = Omit<Schemas['AnalyticsPoint'], 'figures'> & { figures: AnalyticsFigures };
export type AnalyticsPeriod = Omit<Schemas['AnalyticsPeriod'], 'figures'> & { figures: AnalyticsFigures };
export type AnalyticsCell = WithNull<Schemas['AnalyticsCell'], 'member_id' | 'model'>;
export type AnalyticsMember = Omit<WithNull<Schemas['AnalyticsMember'], 'member_id' | 'username' | 'first_name' | 'last_name'>, 'figures'>
  & { figures: AnalyticsFigures };
export type AnalyticsReport = Omit<Schemas['AnalyticsReport'], 'totals' | 'period_totals' | 'groups' | 'series' | 'models' | 'matrix' | 'members'> & {
  totals: AnalyticsFigures;
  period_totals: AnalyticsPeriod[];
  groups: AnalyticsGroup[];
  series: AnalyticsPoint[];
  models: (string | null)[];
  matrix: AnalyticsCell[];
  members: AnalyticsMember[];
};
