import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

describe('billing tab', () => {
  it('shows plan fees against AI cost per member and in total', async () => {
    renderApp('/admin/ai-service?tab=billing', { as: 'admin' });
    const table = await screen.findByRole('table', { name: '회원별 청구' });
    const kim = within(table).getByRole('row', { name: /kim/ });
    expect(within(kim).getByText('프리미엄 ($30/월)')).toBeInTheDocument();
    expect(within(kim).getByText('420,000')).toBeInTheDocument();
    expect(within(kim).getByText('(가격 미등록 2건)')).toBeInTheDocument();
    expect(screen.getByText('US$38.75')).toBeInTheDocument();
  });

  it('loads another month', async () => {
    renderApp('/admin/ai-service?tab=billing', { as: 'admin' });
    fireEvent.change(await screen.findByLabelText('월'), { target: { value: '2026-10' } });
    await waitFor(() => expect(db.requests.some((r) => r.path === '/api/admin/billing?month=2026-10')).toBe(true));
  });
});
