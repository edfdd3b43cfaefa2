import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

describe('researcher workspace', () => {
  it('shows the plan and every window with what is used, left and when it resets', async () => {
    renderApp('/me', { as: 'researcher' });
    const card = await screen.findByRole('complementary');
    expect(within(card).getByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(within(card).getByText('OpenAI main – gpt-4.1-mini')).toBeInTheDocument();
    expect(within(card).getByText('250,000 / 1,000,000 토큰')).toBeInTheDocument();
    expect(within(card).getByText(/750,000 남음/)).toBeInTheDocument();
    expect(within(card).getByText('12 / 100 회')).toBeInTheDocument();
    // The month resets at midnight in the platform's zone, on the 24-hour clock in Korean.
    expect(within(card).getAllByText(/2026\. 12\. 1\. 0?0:00 초기화/).length).toBeGreaterThan(0);
    expect(within(card).getByRole('progressbar', { name: '이번 달 토큰 (요금제)' })).toHaveAttribute('aria-valuenow', '250000');
  });

  it('shows the spend this month against the budget next to tokens and requests', async () => {
    renderApp('/me', { as: 'researcher' });
    const card = await screen.findByRole('complementary');
    expect(await within(card).findByText('이번 달 비용')).toBeInTheDocument();
    expect(within(card).getByText(/1\.25 \/ .*5\.00/)).toBeInTheDocument();
    expect(within(card).getByText(/3\.75 남음/)).toBeInTheDocument();
    expect(within(card).getByText(/가격 미정 호출 2건/)).toBeInTheDocument();
    expect(within(card).getByRole('progressbar', { name: '이번 달 비용' })).toHaveAttribute('aria-valuenow', '1.25');
  });

  it('says nothing is assigned yet when the API answers 404', async () => {
    renderApp('/me', { as: 'researcher' });
    db.usage = null;
    expect(await screen.findByText('아직 AI 기능이 할당되지 않았습니다 — 관리자에게 문의하세요')).toBeInTheDocument();
  });

  it('streams an answer as markdown and sends the conversation', async () => {
    renderApp('/me', { as: 'researcher' });
    await userEvent.type(await screen.findByLabelText('메시지'), '일관성 비율 0.08은 괜찮나요?');
    await userEvent.click(screen.getByRole('button', { name: '보내기' }));
    const log = screen.getByRole('list', { name: '대화' });
    expect(await within(log).findByText('CR')).toContainHTML('strong');
    expect(await within(log).findByText(/29 토큰 · gpt-4.1-mini/)).toBeInTheDocument();
    const sent = db.requests.find((r) => r.path === '/api/ai/chat')!;
    expect(sent.body).toEqual({ messages: [{ role: 'user', content: '일관성 비율 0.08은 괜찮나요?' }], stream: true,
      session_id: expect.stringMatching(/^chat-[0-9a-f]{8}$/) });
  });

  it('sends analysis requests to the analysis feature', async () => {
    renderApp('/me?tab=analysis', { as: 'researcher' });
    await userEvent.type(await screen.findByLabelText('메시지'), 'A vs B = 3, CR = 0.04');
    await userEvent.click(screen.getByRole('button', { name: '보내기' }));
    expect(await screen.findByText(/29 토큰/)).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/ai/analysis')).toBe(true);
  });

  it('creates an API key, shows it once with a usage snippet, then lists only its prefix', async () => {
    renderApp('/me?tab=api-keys', { as: 'researcher' });
    await userEvent.type(await screen.findByLabelText('키 이름'), 'jupyter');
    await userEvent.click(screen.getByRole('button', { name: '키 만들기' }));
    const shown = await screen.findByText('lg-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd');
    expect(shown).toBeInTheDocument();
    expect(screen.getByText(/base_url=".*\/v1"/)).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('jupyter')).toBeInTheDocument();
    expect(within(table).getByText('lg-AbCdEfG…')).toBeInTheDocument();
    expect(table.textContent).not.toContain('lg-AbCdEfGhIjKl');
  });

  it('keeps a researcher out of admin pages', async () => {
    renderApp('/admin/members', { as: 'researcher' });
    expect(await screen.findByRole('heading', { name: '내 AI 작업 공간' })).toBeInTheDocument();
  });
});
