import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import i18n from '@/lib/i18n';

const region = (name: string) => screen.findByRole('region', { name });

describe('a member\'s page', () => {
  it('shows the account and the AI access together: plan, setting, status, every limit with its reset, recent calls', async () => {
    renderApp('/admin/members/5', { as: 'admin' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Kim Ji-woo' })).toBeInTheDocument();
    const account = await region('계정');
    expect(within(account).getByText('kim')).toBeInTheDocument();
    expect(within(account).getByText('연구자')).toBeInTheDocument();
    const ai = await region('AI 이용');
    expect(await within(ai).findByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(within(ai).getByText('OpenAI main (gpt-4.1-mini)')).toBeInTheDocument();
    expect(within(ai).getByText('활성')).toBeInTheDocument();
    expect(within(ai).getByText('3 / 200 회')).toBeInTheDocument();
    expect(within(ai).getByText(/2026\. 11\. 26\. 0?0:00 초기화/)).toBeInTheDocument();
    expect(within(ai).getByText(/2026\. 12\. 1\. 0?0:00 초기화/)).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: '호출 로그' })).toBeInTheDocument();
    expect(db.requests.some((r) => r.path.startsWith('/api/admin/ai-usage-logs?') && r.path.includes('member_id=5'))).toBe(true);
    expect(screen.getByRole('link', { name: '← 회원' })).toHaveAttribute('href', '/admin/members');
    expect(screen.getByRole('link', { name: '← 사용자 관리' })).toHaveAttribute('href', '/admin/ai-service?tab=users');
  });

  it('resets the usage and disables AI from the page, each after a confirmation', async () => {
    renderApp('/admin/members/5', { as: 'admin' });
    const ai = await region('AI 이용');
    await userEvent.click(await within(ai).findByRole('button', { name: '사용량 초기화' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '사용량 초기화' }));
    expect(await screen.findByText('사용량이 초기화되었습니다')).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/admin/user-ai-access/100/reset-usage')).toBe(true);

    await userEvent.click(within(ai).getByRole('button', { name: '기능 비활성화' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '기능 비활성화' }));
    expect(await within(ai).findByText('비활성')).toBeInTheDocument();
    expect(db.requests.find((r) => r.method === 'PATCH')!.body).toEqual({ is_enabled: false });
  });

  it('changes the plan and the provider setting', async () => {
    renderApp('/admin/members/5', { as: 'admin' });
    const ai = await region('AI 이용');
    await userEvent.click(await within(ai).findByRole('button', { name: '요금제·설정 변경' }));
    const dialog = screen.getByRole('dialog', { name: 'AI 기능 설정 수정' });
    await userEvent.selectOptions(within(dialog).getByLabelText('요금제'), '무료 (제한적)');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(db.requests.find((r) => r.method === 'PATCH' && r.path === '/api/admin/user-ai-access/100')!.body)
      .toMatchObject({ ai_plan_id: 1, ai_settings_id: 10 });
  });

  it('edits the account in place', async () => {
    renderApp('/admin/members/5', { as: 'admin' });
    const account = await region('계정');
    await userEvent.click(within(account).getByRole('button', { name: '계정 수정' }));
    const dialog = screen.getByRole('dialog', { name: '회원 수정' });
    const email = within(dialog).getByLabelText('이메일');
    await userEvent.clear(email);
    await userEvent.type(email, 'jiwoo.kim@lab.example');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await within(account).findByText('jiwoo.kim@lab.example')).toBeInTheDocument();
    expect(db.requests.find((r) => r.method === 'PATCH' && r.path === '/api/admin/members/5')!.body).toMatchObject({ email: 'jiwoo.kim@lab.example' });
  });

  it('offers to assign a plan to a researcher who has none', async () => {
    renderApp('/admin/members/6', { as: 'admin' });
    const ai = await region('AI 이용');
    expect(await within(ai).findByText('할당 안 됨')).toBeInTheDocument();
    expect(within(ai).queryByRole('button', { name: '사용량 초기화' })).not.toBeInTheDocument();
    await userEvent.click(within(ai).getByRole('button', { name: '할당' }));
    const dialog = screen.getByRole('dialog', { name: 'AI 기능 할당' });
    await userEvent.selectOptions(within(dialog).getByLabelText('요금제'), '기본형 ($10/월)');
    await userEvent.click(within(dialog).getByRole('button', { name: '할당' }));
    expect(await within(ai).findByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(db.requests.find((r) => r.path.endsWith('bulk-assign'))!.body).toEqual({ user_ids: [6], ai_plan_id: 2 });
  });

  it('is reached from the account list, whose English name is not the AI-access list\'s', async () => {
    await i18n.changeLanguage('en');
    renderApp('/admin/members', { as: 'admin' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Accounts' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Accounts' })).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('link', { name: 'Seo-yeon Lee' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Seo-yeon Lee' })).toBeInTheDocument();
    expect(await screen.findByText('Unassigned')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← AI access' })).toBeInTheDocument();
  });
});
