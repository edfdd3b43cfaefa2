/**
 * The audit log's filter, kept in the URL's search params (so a filtered view can be bookmarked, shared and
 * reloaded): the actor (part of a username), an action, an entity type and id, and days of the platform's zone.
 */
export interface AuditFilter {
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  start_date: string;
  end_date: string;
}

export const FILTER_KEYS: readonly (keyof AuditFilter)[] = ['actor', 'action', 'entity_type', 'entity_id', 'start_date', 'end_date'];
export const AUDIT_PAGE_SIZE = 25;

export function readFilter(params: URLSearchParams): AuditFilter {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilter;
}

export function readPage(params: URLSearchParams) {
  const page = Number(params.get('page') ?? 0);
  return Number.isInteger(page) && page >= 0 ? page : 0;
}

/** The filter as the API's query: only what is set, trimmed. */
export function toQuery(f: AuditFilter) {
  const query = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = f[k].trim();
    if (v) query.set(k, v);
  }
  return query;
}

/** What the server would refuse, found before asking it: the field and the violation code to word. */
export function filterProblems(f: AuditFilter): Partial<Record<keyof AuditFilter, 'wrong_type' | 'before_start'>> {
  const problems: Partial<Record<keyof AuditFilter, 'wrong_type' | 'before_start'>> = {};
  if (f.entity_id.trim() && !/^\d{1,18}$/.test(f.entity_id.trim())) problems.entity_id = 'wrong_type';
  if (f.start_date && f.end_date && f.end_date < f.start_date) problems.end_date = 'before_start';
  return problems;
}
