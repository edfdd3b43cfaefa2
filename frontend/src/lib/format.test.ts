import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { formatResetTime } from './format';

const SEOUL = 'Asia/Seoul';
// 2026-11-25 14:20 in Seoul.
const now = new Date('2026-11-25T05:20:00Z');

describe('reset times, in the platform\'s zone', () => {
  it('read the Korean way: today or tomorrow, 오전 0시 for midnight', () => {
    expect(formatResetTime('2026-11-26T00:00:00+09:00', SEOUL, now)).toBe('내일 오전 0시');
    expect(formatResetTime('2026-11-25T15:00:00+09:00', SEOUL, now)).toBe('오늘 오후 3시');
    expect(formatResetTime('2026-11-25T12:30:00+09:00', SEOUL, now)).toBe('오늘 오후 12시 30분');
    expect(formatResetTime('2026-12-01T00:00:00+09:00', SEOUL, now)).toBe('12월 1일 오전 0시');
  });

  it('use the platform\'s zone, not the offset the instant was written in', () => {
    expect(formatResetTime('2026-11-25T15:00:00Z', SEOUL, now)).toBe('내일 오전 0시');
  });

  it('read the English way', async () => {
    await i18n.changeLanguage('en');
    expect(formatResetTime('2026-11-26T00:00:00+09:00', SEOUL, now)).toBe('tomorrow at 12 AM');
    expect(formatResetTime('2026-11-25T15:05:00+09:00', SEOUL, now)).toBe('today at 3:05 PM');
    expect(formatResetTime('2026-12-01T00:00:00+09:00', SEOUL, now)).toBe('Dec 1 at 12 AM');
  });
});
