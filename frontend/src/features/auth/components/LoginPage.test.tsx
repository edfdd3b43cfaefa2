import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { renderApp } from '@/testing/render';
import { session } from '@/lib/session';
import i18n from '@/lib/i18n';
import { db } from '@/testing/db';

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

describe('signing in with the platform account', () => {
  it('offers the platform only when it is set up, as a navigation to the server', async () => {
    server.use(http.get('/api/auth/options', () => HttpResponse.json({ platform_sign_in: true, researcher_password_login: false })));
    renderApp('/login');
    const link = await screen.findByRole('link', { name: '플랫폼 계정으로 로그인' });
    expect(link).toHaveAttribute('href', '/api/auth/oidc/login');
    expect(screen.getByText('연구자는 플랫폼 계정으로 로그인합니다. 아래 양식은 관리자용입니다.')).toBeInTheDocument();
    expect(screen.getByLabelText('아이디')).toBeInTheDocument();
  });

  it('redeems the one-time sign-in for a session and opens the workspace', async () => {
    const kim = db.members.find((m) => m.role === 'researcher')!;
    server.use(http.post('/api/auth/oidc/session', () =>
      HttpResponse.json({ access_token: 'token-from-platform', token_type: 'Bearer', expires_in: 3600, user: kim })));
    renderApp('/login/sso');
    expect(await screen.findByRole('heading', { name: '내 AI 작업 공간' })).toBeInTheDocument();
    expect(session.token()).toBe('token-from-platform');
  });

  it('words why the platform sign-in did not end in a session', async () => {
    renderApp('/login/sso?error=account_inactive');
    expect(await screen.findByRole('alert')).toHaveTextContent('계정이');
    expect(screen.getByRole('link', { name: '로그인 화면으로' })).toHaveAttribute('href', '/login');
    expect(session.token()).toBeNull();
  });

  it('words a refusal at the platform, and an expired code, in English too', async () => {
    await i18n.changeLanguage('en');
    renderApp('/login/sso?error=access_denied&error_description=End-User+aborted');
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing in with your platform account did not complete');
  });

  it('says so when the one-time code has expired', async () => {
    renderApp('/login/sso');
    expect(await screen.findByRole('alert')).toHaveTextContent('로그인 시간이 지났거나 이미 사용되었습니다');
    expect(session.token()).toBeNull();
  });

  it('tells a researcher whose password login is off to use the platform', async () => {
    server.use(http.post('/api/auth/login', () => HttpResponse.json(
      { error: 'password_login_disabled', message: 'x', params: {}, violations: [] }, { status: 403 })));
    renderApp('/login');
    await userEvent.type(screen.getByLabelText('아이디'), 'kim');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('연구자는 플랫폼 계정으로 로그인합니다');
  });
});
