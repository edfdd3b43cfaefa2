import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { addMonths, formatDate, formatDateTime, formatMonth, formatResetTime, fullName, monthOf } from './format';

describe('fullName', () => {
  const name = (last_name: string, first_name: string) => ({ last_name, first_name, username: 'u' });

  it('writes a Korean name family name first with no space, in either language', () => {
    expect(fullName(name('김', '지우'), 'ko')).toBe('김지우');
    expect(fullName(name('김', '지우'), 'en')).toBe('김지우');
    expect(fullName(name('남궁', '민수'), 'ko')).toBe('남궁민수');
  });

  it('orders other names by language, with a space', () => {
    expect(fullName(name('Kim', 'Ji-woo'), 'ko')).toBe('Kim Ji-woo');
    expect(fullName(name('Kim', 'Ji-woo'), 'en')).toBe('Ji-woo Kim');
  });

  it('falls back to what there is, then to the username', () => {
    expect(fullName(name('박', ''), 'ko')).toBe('박');
    expect(fullName(name('', ''), 'ko')).toBe('u');
  });
});

describe('dates and times in the platform zone', () => {
  const midnightInSeoul = '2026-11-30T15:00:00Z';

  it('shows Korean midnight on the 24-hour clock, never "12:00"', () => {
    const text = formatDateTime(midnightInSeoul, 'ko', 'Asia/Seoul');
    expect(text).toMatch(/^2026\. 12\. 1\. 0?0:00$/);
    expect(text).not.toMatch(/12:00|오전|AM/);
  });

  it('shows English in its own 12-hour style', () => {
    expect(formatDateTime(midnightInSeoul, 'en', 'Asia/Seoul')).toBe('Dec 1, 2026, 12:00 AM');
  });

  it('uses the platform zone, not the browser zone', () => {
    expect(formatDate(midnightInSeoul, 'ko', 'Asia/Seoul')).toBe('2026. 12. 1.');
    expect(formatDate(midnightInSeoul, 'ko', 'UTC')).toBe('2026. 11. 30.');
  });

  it('names months in the language and steps between them', () => {
    expect(formatMonth('2026-11', 'ko')).toBe('2026년 11월');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
    expect(monthOf(new Date(midnightInSeoul), 'Asia/Seoul')).toBe('2026-12');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });
});

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
