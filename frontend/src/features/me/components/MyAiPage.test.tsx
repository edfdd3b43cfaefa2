import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '@/testing/server';
import { renderApp } from '@/testing/render';

describe('my AI page', () => {
  it('shows the plan, provider and usage against the limits', async () => {
    renderApp('/me', { as: 'researcher' });
    expect(await screen.findByText('기본형 ($10/월)')).toBeInTheDocument();
    expect(screen.getByText('OpenAI main – gpt-4.1-mini')).toBeInTheDocument();
    expect(screen.getByText('250,000 / 1,000,000')).toBeInTheDocument();
    expect(screen.getByText('3 / 200')).toBeInTheDocument();
  });

  it('says that nothing is assigned yet when the API answers 404', async () => {
    server.use(http.get('/api/me/access', () => HttpResponse.json({ error: 'not_found', message: 'none', violations: [] }, { status: 404 })));
    renderApp('/me', { as: 'researcher' });
    expect(await screen.findByText('아직 AI 기능이 할당되지 않았습니다 — 관리자에게 문의하세요')).toBeInTheDocument();
  });

  it('keeps a researcher out of admin pages', async () => {
    renderApp('/admin/members', { as: 'researcher' });
    expect(await screen.findByRole('heading', { name: '내 AI' })).toBeInTheDocument();
  });
});
