import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { renderApp } from '@/testing/render';
import { session } from '@/lib/session';

describe('login', () => {
  it('stores the token and sends a super-admin to AI service management', async () => {
    renderApp('/login');
    await userEvent.type(screen.getByLabelText('아이디'), 'admin');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('heading', { name: 'AI 서비스 관리' })).toBeInTheDocument();
    expect(session.token()).toBe('token-admin');
  });

  it('sends a researcher to their own page', async () => {
    renderApp('/login');
    await userEvent.type(screen.getByLabelText('아이디'), 'kim');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('heading', { name: '내 AI 작업 공간' })).toBeInTheDocument();
  });

  it('shows the wrong-credentials message on 401 and stays logged out', async () => {
    renderApp('/login');
    await userEvent.type(screen.getByLabelText('아이디'), 'admin');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('아이디 또는 비밀번호가 올바르지 않습니다');
    expect(session.token()).toBeNull();
  });

  it('explains throttling on 429', async () => {
    server.use(http.post('/api/auth/login', () => HttpResponse.json({ error: 'too_many_attempts', message: 'x', violations: [] }, { status: 429 })));
    renderApp('/login');
    await userEvent.type(screen.getByLabelText('아이디'), 'admin');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'whatever');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('로그인 시도가 너무 많습니다');
  });

  it('ends the session when any call answers 401', async () => {
    server.use(http.get('/api/admin/ai-settings', () => HttpResponse.json({ error: 'unauthorized', message: 'expired', violations: [] }, { status: 401 })));
    renderApp('/admin/ai-service', { as: 'admin' });
    await waitFor(() => expect(session.token()).toBeNull());
    expect(await screen.findByRole('heading', { name: '로그인' })).toBeInTheDocument();
    expect(screen.getByText('세션이 만료되었습니다. 다시 로그인하세요.')).toBeInTheDocument();
  });

  it('switches the interface to English', async () => {
    renderApp('/login');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toBeInTheDocument();
    expect(localStorage.getItem('labgate.lang')).toBe('en');
  });
});
