import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db, notification } from '@/testing/db';

describe('the notification bell', () => {
  it('counts the unread, words each alert for the admin and marks them all read', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    db.notifications = [
      notification({ id: 2, code: 'provider_key_rejected' }, { subject_type: 'setting', subject_id: '10', subject_name: 'OpenAI main', unit: 'rejections', window: 'episode' }),
      notification({ id: 1 }),
    ];
    const bell = await screen.findByRole('button', { name: '알림 (읽지 않음 2개)' });
    expect(within(bell).getByText('2')).toBeInTheDocument();
    await userEvent.click(bell);
    const panel = screen.getByRole('region', { name: '알림' });
    expect(within(panel).getByText('kim 님이 이번 달 토큰 한도의 82.5%를 사용했습니다 (825,000 / 1,000,000, 기준 80%)')).toBeInTheDocument();
    expect(within(panel).getByText('제공자가 AI 설정 "OpenAI main"의 API 키를 거부했습니다. 키를 확인하세요')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: '모두 읽음' }));
    expect(await screen.findByRole('button', { name: '알림 (읽지 않음 0개)' })).toBeInTheDocument();
    expect(db.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/read-all')).toBe(true);
  });

  it('tells a member about their own limit in the second person and marks one read', async () => {
    renderApp('/me', { as: 'researcher' });
    db.notifications = [notification({ id: 3, code: 'member_cost' }, { unit: 'usd', used: 4.1, limit: 5, percent: 82, threshold: 80 })];
    await userEvent.click(await screen.findByRole('button', { name: '알림 (읽지 않음 1개)' }));
    const panel = screen.getByRole('region', { name: '알림' });
    expect(within(panel).getByText(/이번 달 예산의 82%를 썼습니다/)).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: '읽음 표시' }));
    expect(await screen.findByRole('button', { name: '알림 (읽지 않음 0개)' })).toBeInTheDocument();
  });

  it('speaks English when the reader does', async () => {
    localStorage.setItem('labgate.lang', 'en');
    renderApp('/admin/plans', { as: 'admin' });
    const { default: i18n } = await import('@/lib/i18n');
    await i18n.changeLanguage('en');
    db.notifications = [notification({ id: 1 })];
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications (1 unread)' }));
    expect(screen.getByText("kim has used 82.5% of this month's token limit (825,000 of 1,000,000, threshold 80%)")).toBeInTheDocument();
  });
});
