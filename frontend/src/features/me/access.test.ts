import { describe, expect, it } from 'vitest';
import { usage } from '@/testing/db';
import type { OfferedPlan } from '@/types/api';
import { accessBlock, featureLock } from './access';

const offered: OfferedPlan[] = [
  { name: 'free', display_name: '무료', monthly_cost: 0, monthly_token_limit: 50000, daily_request_limit: 20, features: ['chatbot'] },
  { name: 'basic', display_name: '기본형', monthly_cost: 10, monthly_token_limit: 1000000, daily_request_limit: 200, features: ['chatbot', 'analysis'] },
  { name: 'premium', display_name: '프리미엄', monthly_cost: 30, monthly_token_limit: 5000000, daily_request_limit: 1000, features: ['chatbot', 'analysis', 'generation'] },
];

describe('accessBlock', () => {
  it('lets a member with an enabled plan, a provider and room in every window send', () => {
    expect(accessBlock(usage())).toBeNull();
  });

  it('names why nothing can be sent, most basic reason first', () => {
    expect(accessBlock(null)).toEqual({ reason: 'unassigned' });
    expect(accessBlock({ ...usage(), is_enabled: false, provider_name: null })).toEqual({ reason: 'disabled' });
    expect(accessBlock({ ...usage(), provider_name: null })).toEqual({ reason: 'no_provider' });
  });

  it('for spent limits, points at the one that resets last', () => {
    const u = usage();
    u.windows = u.windows.map((w) => (w.window === 'hour' || w.window === 'day' ? { ...w, left: 0, used: w.limit ?? 0 } : w));
    const block = accessBlock(u);
    expect(block).toMatchObject({ reason: 'quota', window: { window: 'day', resets_at: '2026-11-26T00:00:00+09:00' } });
  });

  it('does not count an unlimited window as spent', () => {
    const u = usage();
    u.windows = [{ window: 'month', scope: 'plan', metric: 'tokens', used: 9, limit: null, left: null, resets_at: '2026-12-01T00:00:00+09:00' }];
    expect(accessBlock(u)).toBeNull();
  });
});

describe('featureLock', () => {
  const free = { ...usage(), features: ['chatbot'] };

  it('leaves features of the plan unlocked', () => {
    expect(featureLock('chatbot', free, offered)).toBeNull();
  });

  it('locks the others and lists the plans that include them, cheapest first', () => {
    expect(featureLock('analysis', free, offered)?.includedIn.map((p) => p.name)).toEqual(['basic', 'premium']);
    expect(featureLock('generation', free, offered)?.includedIn.map((p) => p.name)).toEqual(['premium']);
    expect(featureLock('advanced', free, offered)?.includedIn).toEqual([]);
  });

  it('locks nothing for a member without a plan (the banner says that)', () => {
    expect(featureLock('analysis', null, offered)).toBeNull();
  });
});
