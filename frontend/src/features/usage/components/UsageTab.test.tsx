import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';

describe('usage monitoring tab', () => {
  it('shows totals, the daily table, the top members and the call log', async () => {
    renderApp('/admin/ai-service?tab=usage', { as: 'admin' });
    const daily = await screen.findByRole('table', { name: '일별 사용량' });
    expect(within(daily).getAllByRole('row')).toHaveLength(31);
    const today = within(daily).getByRole('row', { name: /2026-11-25/ });
    expect(within(today).getByText('1,500')).toBeInTheDocument();
    expect(within(today).getByText('813 ms')).toBeInTheDocument();
    expect(screen.getByText('가격 미등록 모델 호출 1건 제외')).toBeInTheDocument();
    const log = screen.getByRole('table', { name: '호출 로그' });
    expect(within(log).getByText('한도 초과')).toBeInTheDocument();
    expect(within(log).getByText('API')).toBeInTheDocument();
  });

  it('filters the call log by status and changes the period', async () => {
    renderApp('/admin/ai-service?tab=usage', { as: 'admin' });
    await userEvent.selectOptions(await screen.findByLabelText('상태 필터'), '한도 초과');
    const log = await screen.findByRole('table', { name: '호출 로그' });
    expect(await within(log).findAllByRole('row')).toHaveLength(2);
    await userEvent.selectOptions(screen.getByLabelText('기간'), '최근 7일');
    expect(within(await screen.findByRole('table', { name: '일별 사용량' })).getAllByRole('row')).toHaveLength(8);
  });
});
