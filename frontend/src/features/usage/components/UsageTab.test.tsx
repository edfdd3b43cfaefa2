import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

describe('usage monitoring tab', () => {
  it('shows totals, a chart of the days, the top members and the call log', async () => {
    renderApp('/admin/ai-service?tab=usage', { as: 'admin' });
    expect(await screen.findByRole('img', { name: '일별 사용량' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '일별 사용량' })).not.toBeInTheDocument();
    expect(screen.getAllByText('1,500').length).toBeGreaterThan(0);
    expect(screen.getByText('가격 미등록 모델 호출 1건 제외')).toBeInTheDocument();
    const log = screen.getByRole('table', { name: '호출 로그' });
    expect(within(log).getByText('한도 초과')).toBeInTheDocument();
    expect(within(log).getByText('API')).toBeInTheDocument();
  });

  it('filters the call log by status and changes the period', async () => {
    renderApp('/admin/ai-service?tab=usage', { as: 'admin' });
    await userEvent.selectOptions(await screen.findByLabelText('상태 필터', undefined), '한도 초과');
    const log = await screen.findByRole('table', { name: '호출 로그' });
    expect(await within(log).findAllByRole('row')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('기간'), '최근 7일');
    await waitFor(() => expect(db.requests.map((r) => r.path)).toContain('/api/admin/ai-usage-logs/usage-statistics?days=7'));
    expect(await screen.findByRole('img', { name: '일별 사용량' })).toBeInTheDocument();
  });
});
