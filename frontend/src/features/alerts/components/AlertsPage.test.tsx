import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { alertChannel, alertDelivery, alertRule, db } from '@/testing/db';

const seed = () => {
  db.rules = [alertRule()];
  db.channels = [alertChannel()];
  db.deliveries = [alertDelivery(), alertDelivery({ id: 51, status: 'failed', attempts: 6, last_error: 'HTTP 500', last_status: 500 })];
};

describe('the Alerts page', () => {
  it('shows rules with their channels, channels and the delivery history with attempts', async () => {
    renderApp('/admin/alerts', { as: 'admin' });
    seed();
    expect(await screen.findByText('80%, 100%')).toBeInTheDocument();
    expect(screen.getByText('앱 알림, 운영 웹훅')).toBeInTheDocument();
    const card = screen.getByRole('article', { name: '운영 웹훅' });
    expect(within(card).getByText('서명 비밀값 저장됨')).toBeInTheDocument();
    expect(screen.getByText('HTTP 500')).toBeInTheDocument();
    expect(screen.getByText('실패', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByText('6')).toBeInTheDocument();
  });

  it('refuses a threshold outside 1–100 before sending', async () => {
    renderApp('/admin/alerts', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 규칙' }));
    const dialog = screen.getByRole('dialog', { name: '새 규칙' });
    await userEvent.type(within(dialog).getByLabelText('이름'), '토큰 경고');
    const thresholds = within(dialog).getByLabelText('기준 (%)');
    await userEvent.clear(thresholds);
    await userEvent.type(thresholds, '80, 150');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(within(dialog).getByText('1~100 사이 숫자를 쉼표로 구분해 최대 5개 입력하세요')).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/admin/alert-rules')).toBe(false);

    await userEvent.clear(thresholds);
    await userEvent.type(thresholds, '90, 50');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await screen.findByText('50%, 90%')).toBeInTheDocument();
    expect(db.requests.find((r) => r.path === '/api/admin/alert-rules')!.body).toMatchObject({ name: '토큰 경고', metric: 'member_tokens', thresholds: [50, 90] });
  }, 20000);

  it('words the server naming a bad webhook URL, and keeps the secret out of the list', async () => {
    renderApp('/admin/alerts', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 채널' }));
    const dialog = screen.getByRole('dialog', { name: '새 채널' });
    await userEvent.type(within(dialog).getByLabelText('이름'), 'Slack');
    await userEvent.type(within(dialog).getByLabelText('웹훅 URL'), 'ftp://hooks.example');
    await userEvent.type(within(dialog).getByLabelText('서명 비밀값'), 'whsec-123');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText(/url/)).toBeInTheDocument();
    const url = within(dialog).getByLabelText('웹훅 URL');
    await userEvent.clear(url);
    await userEvent.type(url, 'https://hooks.example/x');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    const card = await screen.findByRole('article', { name: 'Slack' });
    expect(within(card).queryByText(/whsec-123/)).not.toBeInTheDocument();
    expect(within(card).getByText('서명 비밀값 저장됨')).toBeInTheDocument();
  }, 20000);

  it('sends a test and says how it went', async () => {
    renderApp('/admin/alerts', { as: 'admin' });
    seed();
    const card = await screen.findByRole('article', { name: '운영 웹훅' });
    await userEvent.click(within(card).getByRole('button', { name: '테스트 보내기' }));
    expect(await screen.findByText('테스트 실패: HTTP 500')).toBeInTheDocument();
  });
});
