import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import i18n from '@/lib/i18n';

describe('users tab', () => {
  it('shows this month\'s tokens against the plan limit with a progress bar', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    const row = await screen.findByTestId('access-row-kim');
    expect(within(row).getByText('250,000 / 1,000,000 토큰')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '250000');
    expect(within(row).getByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(within(row).getByText('활성')).toBeInTheDocument();
  });

  it('bulk-assigns the selected members and words the count the server answers', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'AI 기능 할당' }));
    const dialog = screen.getByRole('dialog', { name: 'AI 기능 할당' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: /Kim Ji-woo/ }));
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /Lee Seo-yeon/ }));
    await userEvent.selectOptions(within(dialog).getByLabelText('요금제'), '기본형 ($10/월)');
    await userEvent.selectOptions(within(dialog).getByLabelText('AI 설정'), 'OpenAI main (gpt-4.1-mini)');
    await userEvent.click(within(dialog).getByRole('button', { name: '할당' }));
    expect(await screen.findByText('2명의 사용자에게 AI 기능이 할당되었습니다')).toBeInTheDocument();
    const sent = db.requests.find((r) => r.path === '/api/admin/user-ai-access/bulk-assign')!;
    expect(sent.body).toEqual({ user_ids: [5, 6], ai_plan_id: 2, ai_settings_id: 10 });
  });

  it('words the bulk-assign count in English too', async () => {
    await i18n.changeLanguage('en');
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'Assign AI features' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign AI features' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: /Ji-woo Kim/ }));
    await userEvent.selectOptions(within(dialog).getByLabelText('Plan'), '기본형 ($10/월)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await screen.findByText('AI features assigned to 1 member')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('명의 사용자');
  });

  it('does not send an assignment without a plan', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'AI 기능 할당' }));
    const dialog = screen.getByRole('dialog', { name: 'AI 기능 할당' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: /Kim Ji-woo/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: '할당' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('요금제를 선택하세요');
    expect(db.requests.some((r) => r.path.endsWith('bulk-assign'))).toBe(false);
  });

  it('resets usage after confirmation and the row shows zero', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    const row = await screen.findByTestId('access-row-kim');
    await userEvent.click(within(row).getByRole('button', { name: '사용량 초기화' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '사용량 초기화' }));
    expect(await within(await screen.findByTestId('access-row-kim')).findByText('0 / 1,000,000 토큰')).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/admin/user-ai-access/100/reset-usage')).toBe(true);
  });

  it('disables a member\'s AI features only after confirmation', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    const row = await screen.findByTestId('access-row-kim');
    await userEvent.click(within(row).getByRole('button', { name: '기능 비활성화' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Kim Ji-woo님의 AI 기능을 비활성화할까요?');
    await userEvent.click(within(dialog).getByRole('button', { name: '취소' }));
    expect(db.requests.some((r) => r.method === 'PATCH')).toBe(false);

    await userEvent.click(within(row).getByRole('button', { name: '기능 비활성화' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '기능 비활성화' }));
    expect(await within(row).findByText('비활성')).toBeInTheDocument();
    expect(await screen.findByText('AI 기능을 비활성화했습니다')).toBeInTheDocument();
    expect(db.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ is_enabled: false });
  });

  it('lists a researcher without a plan as unassigned and assigns one from the row', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    const row = await screen.findByTestId('access-row-lee');
    expect(within(row).getByText('할당 안 됨')).toBeInTheDocument();
    expect(within(row).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(row).queryByRole('button', { name: '사용량 초기화' })).not.toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: '할당' }));
    const dialog = screen.getByRole('dialog', { name: 'AI 기능 할당' });
    expect(dialog).toHaveTextContent('Lee Seo-yeon님에게 할당합니다.');
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
    await userEvent.selectOptions(within(dialog).getByLabelText('요금제'), '기본형 ($10/월)');
    await userEvent.click(within(dialog).getByRole('button', { name: '할당' }));
    expect(await screen.findByText('1명의 사용자에게 AI 기능이 할당되었습니다')).toBeInTheDocument();
    expect(db.requests.find((r) => r.path.endsWith('bulk-assign'))!.body).toEqual({ user_ids: [6], ai_plan_id: 2 });
    const assigned = await screen.findByTestId('access-row-lee');
    expect(await within(assigned).findByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(within(assigned).queryByText('할당 안 됨')).not.toBeInTheDocument();
  });

  it('filters to the members without a plan through the API', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    await screen.findByTestId('access-row-kim');
    await userEvent.selectOptions(screen.getByLabelText('요금제 필터'), '할당 안 됨');
    await waitFor(() => expect(screen.queryByTestId('access-row-kim')).not.toBeInTheDocument());
    expect(screen.getByTestId('access-row-lee')).toBeInTheDocument();
    expect(db.requests.some((r) => r.path.startsWith('/api/admin/user-ai-access?') && r.path.includes('assigned=false'))).toBe(true);
  });

  it('opens a member\'s page from their name', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    await userEvent.click(within(await screen.findByTestId('access-row-kim')).getByRole('link', { name: 'Kim Ji-woo' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Kim Ji-woo' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '계정' })).toBeInTheDocument();
  });

  it('opens the usage tab filtered to the member', async () => {
    renderApp('/admin/ai-service?tab=users', { as: 'admin' });
    const row = await screen.findByTestId('access-row-kim');
    await userEvent.click(within(row).getByRole('button', { name: '사용량 확인' }));
    expect(await screen.findByText('회원: Kim Ji-woo')).toBeInTheDocument();
    await screen.findByRole('table', { name: '호출 로그' });
    expect(db.requests.some((r) => r.path.startsWith('/api/admin/ai-usage-logs/usage-statistics') && r.path.includes('member_id=5'))).toBe(true);
    expect(db.requests.some((r) => r.path.startsWith('/api/admin/ai-usage-logs?') && r.path.includes('member_id=5'))).toBe(true);
  });
});
