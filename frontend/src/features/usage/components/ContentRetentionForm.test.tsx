import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { server } from '@/testing/server';
import { error, SERVER_ENGLISH } from '@/testing/handlers';

const puts = () => db.requests.filter((r) => r.method === 'PUT' && r.path === '/api/admin/usage-settings');

describe('content retention on the platform settings page', () => {
  it('shows the value in force and what each choice keeps', async () => {
    renderApp('/admin/settings', { as: 'admin' });
    db.usageSettings = { content_retention: 'truncated', truncated_chars: 300 };
    expect(await screen.findByRole('radio', { name: '앞부분만 보관' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '앞부분만 보관' })).toHaveAccessibleDescription('현재 앞 300자만 보관하고 나머지는 버립니다');
    expect(screen.getByRole('radio', { name: '보관 안 함' })).toHaveAccessibleDescription('텍스트는 남기지 않고 토큰 수와 비용만 기록합니다');
    expect(screen.getByRole('button', { name: '저장' })).toBeDisabled();
  });

  it('saves a new choice and says so', async () => {
    renderApp('/admin/settings', { as: 'admin' });
    await userEvent.click(await screen.findByRole('radio', { name: /보관 안 함/ }));
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByText('보관 방식을 바꿨습니다: 보관 안 함')).toBeInTheDocument();
    expect(puts().map((r) => r.body)).toEqual([{ content_retention: 'none' }]);
    expect(db.usageSettings.content_retention).toBe('none');
    const none = screen.getByRole('radio', { name: /보관 안 함/ }).closest('label')!;
    expect(within(none).getByText('현재')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '저장' })).toBeDisabled();
  });

  it('words the server refusing the value by its field', async () => {
    renderApp('/admin/settings', { as: 'admin' });
    server.use(http.put('/api/admin/usage-settings', () => error(400, 'validation_failed', {}, [{ field: 'content_retention', code: 'not_one_of',
      params: { allowed: ['full', 'truncated', 'none'] }, message: SERVER_ENGLISH }])));
    await userEvent.click(await screen.findByRole('radio', { name: /앞부분만 보관/ }));
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByText('다음 중 하나여야 합니다: full, truncated, none')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '프롬프트·응답 보관' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(SERVER_ENGLISH)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /전체 보관/ }).closest('label')).toHaveTextContent('현재');
  });

  it('offers to try again when the setting cannot be read', async () => {
    server.use(http.get('/api/admin/usage-settings', () => error(500, 'internal_error')));
    renderApp('/admin/settings', { as: 'admin' });
    expect(await screen.findByRole('button', { name: '다시 시도' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '플랫폼 설정' })).toBeInTheDocument();
  });
});
