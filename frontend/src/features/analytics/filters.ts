/** What the analytics view shows, kept in the URL's search parameters (named as the API names them). */
export const GRANULARITIES = ['day', 'month', 'hour'] as const;
export const GROUP_BYS = ['model', 'setting', 'feature', 'plan', 'member', 'channel'] as const;
export const FEATURES = ['chatbot', 'analysis', 'generation'] as const;
export const CHANNELS = ['app', 'api'] as const;
export const CSV_TABLES = ['series', 'groups', 'matrix', 'members'] as const;

export type Granularity = (typeof GRANULARITIES)[number];
export type GroupBy = (typeof GROUP_BYS)[number];
export type CsvTable = (typeof CSV_TABLES)[number];

export interface AnalyticsFilters {
  /** Local dates (YYYY-MM-DD) of the platform's zone; none: the server's default, the last 30 days. */
  from?: string;
  to?: string;
  granularity: Granularity;
  groupBy: GroupBy;
  memberId?: number;
  settingId?: number;
  model?: string;
  feature?: string;
  planId?: number;
  channel?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
const id = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
const text = (value: string | null) => (value && value.trim() ? value.trim() : undefined);

export function filtersFromParams(params: URLSearchParams): AnalyticsFilters {
  const from = params.get('from');
  const to = params.get('to');
  return {
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    granularity: oneOf(GRANULARITIES, params.get('granularity'), 'day'),
    groupBy: oneOf(GROUP_BYS, params.get('group_by'), 'model'),
    memberId: id(params.get('member_id')),
    settingId: id(params.get('setting_id')),
    model: text(params.get('model')),
    feature: oneOf([...FEATURES, ''] as const, params.get('feature'), '') || undefined,
    planId: id(params.get('plan_id')),
    channel: oneOf([...CHANNELS, ''] as const, params.get('channel'), '') || undefined,
  };
}

/** The filters as search parameters, for the URL and the API alike; defaults are left out. */
export function filtersToParams(f: AnalyticsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.granularity !== 'day') params.set('granularity', f.granularity);
  if (f.groupBy !== 'model') params.set('group_by', f.groupBy);
  if (f.memberId !== undefined) params.set('member_id', String(f.memberId));
  if (f.settingId !== undefined) params.set('setting_id', String(f.settingId));
  if (f.model) params.set('model', f.model);
  if (f.feature) params.set('feature', f.feature);
  if (f.planId !== undefined) params.set('plan_id', String(f.planId));
  if (f.channel) params.set('channel', f.channel);
  return params;
}
