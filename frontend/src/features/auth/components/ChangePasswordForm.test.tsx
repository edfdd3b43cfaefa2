import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { session } from '@/lib/session';

describe('changing one\'s own password', () => {
  it('needs the current password, names a wrong one on its field, and keeps this session with the new token', async () => {
    renderApp('/account', { as: 'researcher' });
    const form = await screen.findByRole('form', { name: '비밀번호 변경' });
    expect(form).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('현재 비밀번호'), 'wrong-password');
    await userEvent.type(screen.getByLabelText('새 비밀번호'), 'a-new-password');
    await userEvent.type(screen.getByLabelText('새 비밀번호 확인'), 'a-new-password');
    await userEvent.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    await waitFor(() => expect(screen.getByLabelText('현재 비밀번호')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('현재 비밀번호가 맞지 않습니다')).toBeInTheDocument();
    expect(session.token()).toBe('token-kim');

    await userEvent.clear(screen.getByLabelText('현재 비밀번호'));
    await userEvent.type(screen.getByLabelText('현재 비밀번호'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(await screen.findByText('비밀번호를 바꿨습니다. 다른 기기에서는 모두 로그아웃되었습니다.')).toBeInTheDocument();
    expect(session.token()).toBe('token-kim-renewed');
    expect(session.user()?.username).toBe('kim');
    expect(screen.getByLabelText('현재 비밀번호')).toHaveValue('');
    const sent = db.requests.filter((r) => r.path === '/api/auth/password').at(-1)!;
    expect(sent.body).toEqual({ current_password: 'right-password', new_password: 'a-new-password' });
  });

  it('checks the confirmation and the length before asking the server', async () => {
    renderApp('/account', { as: 'admin' });
    await userEvent.type(await screen.findByLabelText('현재 비밀번호'), 'right-password');
    await userEvent.type(screen.getByLabelText('새 비밀번호'), 'short');
    await userEvent.type(screen.getByLabelText('새 비밀번호 확인'), 'different');
    await userEvent.click(screen.getByRole('button', { name: '비밀번호 변경' }));
    expect(await screen.findByText('새 비밀번호와 확인이 서로 다릅니다')).toBeInTheDocument();
    expect(screen.getByLabelText('새 비밀번호')).toHaveAttribute('aria-invalid', 'true');
    expect(db.requests.filter((r) => r.path === '/api/auth/password')).toHaveLength(0);
  });
});

describe('logging out', () => {
  it('ends the session on the server, then here', async () => {
    renderApp('/account', { as: 'researcher' });
    await userEvent.click(await screen.findByRole('button', { name: '로그아웃' }));
    await waitFor(() => expect(session.token()).toBeNull());
    expect(db.requests.find((r) => r.path === '/api/auth/logout')).toMatchObject({ method: 'POST', authorization: 'Bearer token-kim' });
    expect(await screen.findByRole('button', { name: '로그인' })).toBeInTheDocument();
  });
});
