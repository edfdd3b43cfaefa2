import { afterEach, describe, expect, it, vi } from 'vitest';

describe('page language', () => {
  afterEach(() => vi.resetModules());

  it('is the saved language from the start, not only after a change', async () => {
    localStorage.setItem('labgate.lang', 'en');
    document.documentElement.lang = 'ko';
    vi.resetModules();
    const { default: fresh } = await import('./i18n');
    expect(fresh.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    await fresh.changeLanguage('ko');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('counts in English with a singular and a plural', async () => {
    const { default: i18n } = await import('./i18n');
    const en = i18n.getFixedT('en');
    expect(en('settings.members', { count: 1 })).toBe('1 member');
    expect(en('settings.members', { count: 2 })).toBe('2 members');
    expect(en('promptLog.count', { count: 1 })).toBe('1 prompt');
    expect(en('members.imported', { count: 1 })).toBe('Added 1 member');
    expect(i18n.getFixedT('ko')('settings.members', { count: 1 })).toBe('사용 회원 1명');
  });
});
