import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db, usage } from '@/testing/db';

/** The workspace follows the member's plan and access: locked features, and a banner when nothing can be sent. */
describe('researcher workspace and the plan', () => {
  const onFreePlan = () => {
    renderApp('/me', { as: 'researcher' });
    db.usage = { ...usage(), plan_name: 'free', plan_display_name: '무료 (제한적)', features: ['chatbot'] };
  };

  it('shows features outside the plan locked, with the active plans that include them', async () => {
    onFreePlan();
    db.plans.push({ ...db.plans[1]!, id: 3, name: 'retired', display_name: '옛 요금제', features: ['chatbot', 'analysis', 'generation'], is_active: false });
    const analysis = await screen.findByRole('tab', { name: /분석.*잠김/ });
    expect(screen.getByRole('tab', { name: /생성.*잠김/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '채팅' })).toBeInTheDocument();

    await userEvent.click(analysis);
    const locked = await screen.findByRole('region', { name: /분석 기능은 잠겨 있습니다/ });
    expect(locked).toHaveTextContent('지금 요금제(무료 (제한적))에는 분석 기능이 포함되어 있지 않습니다.');
    expect(await within(locked).findByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(within(locked).queryByText('옛 요금제')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('메시지')).not.toBeInTheDocument();
  });

  it('says when no plan includes the feature', async () => {
    onFreePlan();
    await userEvent.click(await screen.findByRole('tab', { name: /생성.*잠김/ }));
    expect(await screen.findByText('지금은 이 기능을 포함한 요금제가 없습니다.')).toBeInTheDocument();
  });

  it('disables the message box of a disabled member and says why', async () => {
    renderApp('/me', { as: 'researcher' });
    db.usage = { ...usage(), is_enabled: false };
    expect(await screen.findByText('관리자가 AI 기능을 비활성화했습니다')).toBeInTheDocument();
    expect(screen.getByLabelText('메시지')).toBeDisabled();
  });

  it('tells an over-quota member which limit is spent and when it resets', async () => {
    renderApp('/me', { as: 'researcher' });
    const spent = usage();
    spent.windows[0] = { ...spent.windows[0]!, used: 200, left: 0 };
    db.usage = spent;
    const banner = (await screen.findByText('사용 한도에 도달했습니다')).closest('[role=status]')!;
    expect(banner).toHaveTextContent('오늘 요청 (요금제): 200 / 200 회. 2026. 11. 26. 00:00에 초기화되면 다시 보낼 수 있습니다.');
    expect(screen.getByLabelText('메시지')).toBeDisabled();
  });

  it('tells an unassigned member that nothing is assigned', async () => {
    renderApp('/me', { as: 'researcher' });
    db.usage = null;
    expect(await screen.findByText('AI 기능이 아직 할당되지 않았습니다')).toBeInTheDocument();
    expect(screen.getByLabelText('메시지')).toBeDisabled();
  });
});
