import type { Feature, OfferedPlan, UsageWindow } from '@/types/api';
import type { MyUsage } from './api/get-my-usage';

/** Why a member cannot use any AI feature right now, or null when they can. */
export type AccessBlock =
  | { reason: 'unassigned' | 'disabled' | 'no_provider' }
  | { reason: 'quota'; window: UsageWindow };

export function accessBlock(usage: MyUsage | null): AccessBlock | null {
  if (usage === null) return { reason: 'unassigned' };
  if (!usage.is_enabled) return { reason: 'disabled' };
  if (!usage.provider_name) return { reason: 'no_provider' };
  // With several limits spent, the member can send again only once the last of them resets.
  const spent = usage.windows.filter((w) => w.left === 0).sort((a, b) => Date.parse(b.resets_at) - Date.parse(a.resets_at));
  return spent[0] ? { reason: 'quota', window: spent[0] } : null;
}

/**
 * A feature the member's plan does not include is locked; it names the offered plans that include it
 * (cheapest first). Null when the feature is in the plan, or when no plan is assigned (that is an AccessBlock).
 */
export function featureLock(feature: Feature, usage: MyUsage | null, offered: OfferedPlan[]): { includedIn: OfferedPlan[] } | null {
  if (!usage || usage.features.includes(feature)) return null;
  return { includedIn: offered.filter((p) => p.features.includes(feature)) };
}
