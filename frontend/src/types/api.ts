// Types of the LabGate HTTP API (docs/api.md). JSON is snake_case.

export type Role = 'superadmin' | 'researcher';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  size: number;
}

export interface Violation {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: string;
  message: string;
  violations: Violation[];
}

export interface Member {
  id: number;
  username: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  is_active: boolean;
  created_at: string;
}

export interface LoginResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  user: Member;
}

export type Feature = 'chatbot' | 'analysis' | 'generation' | 'advanced';

export interface Plan {
  id: number;
  name: string;
  display_name: string;
  monthly_cost: number;
  monthly_token_limit: number;
  daily_request_limit: number;
  features: Feature[];
  is_active: boolean;
  members_count: number;
  created_at: string;
  updated_at: string;
}

export type PlanInput = Omit<Plan, 'id' | 'members_count' | 'created_at' | 'updated_at'>;

export type Provider = 'openai' | 'anthropic' | 'gemini' | 'openai_compatible' | 'sandbox';

export interface AiSetting {
  id: number;
  name: string;
  provider: Provider;
  base_url: string;
  api_key_hint: string | null;
  has_api_key: boolean;
  model_name: string;
  max_tokens: number;
  temperature: number;
  hourly_limit: number;
  daily_limit: number;
  monthly_limit: number;
  is_active: boolean;
  members_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AiSettingInput {
  name: string;
  provider: Provider;
  base_url?: string;
  api_key?: string;
  model_name: string;
  max_tokens: number;
  temperature: number;
  hourly_limit: number;
  daily_limit: number;
  monthly_limit: number;
  is_active: boolean;
}

export interface ConnectionTestResult {
  success: boolean;
  is_valid: boolean;
  message: string;
  latency_ms: number;
}

export interface Access {
  id: number;
  user: { id: number; username: string; email: string; first_name: string; last_name: string };
  plan: {
    id: number;
    name: string;
    display_name: string;
    monthly_token_limit: number;
    daily_request_limit: number;
    features: Feature[];
  };
  ai_settings: { id: number; name: string; provider: Provider; model_name: string; is_active: boolean } | null;
  is_enabled: boolean;
  can_use_advanced_features: boolean;
  tokens_used_today: number;
  tokens_used_month: number;
  requests_today: number;
  last_reset_date: string;
  assigned_by: string | null;
  assigned_at: string;
  updated_at: string;
}

export interface BulkAssignResult {
  assigned: number;
  message: string;
}

export interface ImportResult {
  created: number;
  members: { member: Member; temporary_password: string | null }[];
}
