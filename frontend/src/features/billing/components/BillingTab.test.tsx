import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import i18n from '@/lib/i18n';

describe('billing tab', () => {
  // 2026-12-01 00:30 in Seoul is still November in UTC: the current month is the platform's.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T15:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows plan fees against AI cost per member and in total', async () => {
    renderApp('/admin/ai-service?tab=billing', { as: 'admin' });
    const table = await screen.findByRole('table', { name: '회원별 청구' });
    const kim = within(table).getByRole('row', { name: /kim/ });
    expect(within(kim).getByText('프리미엄 ($30/월)')).toBeInTheDocument();
    expect(within(kim).getByText('420,000')).toBeInTheDocument();
    expect(within(kim).getByText('(가격 미등록 2건)')).toBeInTheDocument();
    expect(screen.getByText('US$38.75')).toBeInTheDocument();
  });

  it('picks months in the platform zone, named in the language, and loads another one', async () => {
    renderApp('/admin/ai-service?tab=billing', { as: 'admin' });
    const month = await screen.findByLabelText('월');
    expect(month).toHaveDisplayValue('2026년 12월');
    expect(screen.getByRole('button', { name: '다음 달' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '이전 달' }));
    expect(month).toHaveDisplayValue('2026년 11월');
    await userEvent.selectOptions(month, '2026-10');
    await waitFor(() => expect(db.requests.some((r) => r.path === '/api/admin/billing?month=2026-10')).toBe(true));
    expect(db.requests.some((r) => r.path === '/api/admin/billing?month=2026-11')).toBe(true);
    await i18n.changeLanguage('en');
    expect(await screen.findByDisplayValue('October 2026')).toBeInTheDocument();
  });
});
