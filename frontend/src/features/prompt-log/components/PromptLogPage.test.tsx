import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

describe('prompt log page', () => {
  it('lists sessions and previews the development log of the picked one', async () => {
    renderApp('/prompt-logs', { as: 'researcher' });
    await userEvent.click(await screen.findByRole('button', { name: 'thesis-1' }));
    const preview = await screen.findByRole('article', { name: '개발일지 미리보기' });
    expect(within(preview).getByRole('heading', { level: 1, name: '개발일지 - 프롬프트 로그' })).toBeInTheDocument();
    expect(within(preview).getByText('개발일지_20261125_프롬프트_로그.md')).toBeInTheDocument();
    expect(within(preview).getByRole('button', { name: 'Markdown 내려받기' })).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/prompt-logs/export?session_id=thesis-1&lang=ko')).toBe(true);
  });

  it('lets a researcher record an entry by hand', async () => {
    renderApp('/prompt-logs', { as: 'researcher' });
    await userEvent.type(await screen.findByLabelText('프롬프트'), 'ChatGPT에 물어본 질문');
    await userEvent.click(screen.getByRole('button', { name: '기록 저장' }));
    await waitFor(() => expect(db.requests.find((r) => r.path === '/api/prompt-logs')?.body)
      .toMatchObject({ user_prompt: 'ChatGPT에 물어본 질문', context: 'general' }));
    expect(screen.getByLabelText('프롬프트')).toHaveValue('');
  });

  it('points at the session list where it is: beside the preview, or above it on a phone', async () => {
    renderApp('/prompt-logs', { as: 'researcher' });
    expect(await screen.findByText('왼쪽에서 세션을 고르면 개발일지 미리보기가 나타납니다.')).toBeInTheDocument();
  });

  it('says "above" when the columns are stacked', async () => {
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({ matches: query.includes('max-width'), media: query, addEventListener: () => {}, removeEventListener: () => {} })) as unknown as typeof window.matchMedia;
    try {
      renderApp('/prompt-logs', { as: 'researcher' });
      expect(await screen.findByText('위 목록에서 세션을 고르면 개발일지 미리보기가 나타납니다.')).toBeInTheDocument();
    } finally {
      window.matchMedia = original;
    }
  });
});
