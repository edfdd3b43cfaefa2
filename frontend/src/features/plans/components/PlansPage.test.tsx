import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

describe('plans page', () => {
  it('lists plans with cost, limits and features', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    const row = (await screen.findByText('기본형 ($10/월)')).closest('tr')!;
    expect(within(row).getByText(/\$10\.00/)).toBeInTheDocument();
    expect(within(row).getByText('1,000,000')).toBeInTheDocument();
    expect(within(row).getByText('챗봇')).toBeInTheDocument();
    expect(within(row).getByText('분석')).toBeInTheDocument();
  });

  it('creates a plan with numbers and the checked features', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 요금제' }));
    const dialog = screen.getByRole('dialog', { name: '새 요금제' });
    await userEvent.type(within(dialog).getByLabelText('코드'), 'premium');
    await userEvent.type(within(dialog).getByLabelText('표시 이름'), '프리미엄 ($30/월)');
    const cost = within(dialog).getByLabelText('월 요금 (USD)');
    await userEvent.clear(cost);
    await userEvent.type(cost, '30');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: '생성' }));
    const budget = within(dialog).getByLabelText('월 예산 (USD)');
    await userEvent.clear(budget);
    await userEvent.type(budget, '25.5');
    const soft = within(dialog).getByLabelText('예산 경고 기준 (%)');
    await userEvent.clear(soft);
    await userEvent.type(soft, '90');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));

    expect(await screen.findByText('프리미엄 ($30/월)')).toBeInTheDocument();
    expect(screen.getByText(/25\.50 · 90%에 경고/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const sent = db.requests.find((r) => r.method === 'POST' && r.path === '/api/admin/plans')!;
    expect(sent.body).toEqual({
      name: 'premium', display_name: '프리미엄 ($30/월)', monthly_cost: 30, monthly_token_limit: 100000, daily_request_limit: 50,
      features: ['chatbot', 'generation'], is_active: true, monthly_budget_usd: 25.5, budget_soft_percent: 90,
    });
  });

  it('refuses a budget warning share outside 1–100 before sending', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 요금제' }));
    const dialog = screen.getByRole('dialog', { name: '새 요금제' });
    const soft = within(dialog).getByLabelText('예산 경고 기준 (%)');
    await userEvent.clear(soft);
    await userEvent.type(soft, '0');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText('1에서 100 사이여야 합니다')).toBeInTheDocument();
    expect(db.requests.some((r) => r.method === 'POST' && r.path === '/api/admin/plans')).toBe(false);
  });

  it('rejects an invalid code before sending', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 요금제' }));
    const dialog = screen.getByRole('dialog', { name: '새 요금제' });
    await userEvent.type(within(dialog).getByLabelText('표시 이름'), 'X');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(within(dialog).getByLabelText('코드')).toHaveAttribute('aria-invalid', 'true');
    expect(db.requests.some((r) => r.path === '/api/admin/plans')).toBe(false);
  });

  it('keeps a plan that members are on and shows the server\'s reason', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    db.plans[1]!.members_count = 3;
    const row = (await screen.findByText('기본형 ($10/월)')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: '삭제' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '삭제' }));
    expect(await within(screen.getByRole('dialog')).findByText('3명의 회원이 이 요금제를 사용 중입니다. 다른 요금제로 옮기거나 비활성화하세요')).toBeInTheDocument();
    expect(db.plans).toHaveLength(2);
  });

  it('deletes an unused plan', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    const row = (await screen.findByText('무료 (제한적)')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: '삭제' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '삭제' }));
    expect(await screen.findByText('삭제되었습니다')).toBeInTheDocument();
    expect(screen.queryByText('무료 (제한적)')).not.toBeInTheDocument();
    expect(db.requests.some((r) => r.method === 'DELETE' && r.path === '/api/admin/plans/1')).toBe(true);
  });
});
