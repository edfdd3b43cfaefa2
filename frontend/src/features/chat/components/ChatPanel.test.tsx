import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import i18n from '@/lib/i18n';
import type { ApiErrorBody } from '@/types/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

/** The next midnight in Seoul, as the server would name it. */
function nextSeoulMidnight() {
  const seoul = new Date(Date.now() + 9 * 3_600_000);
  return new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth(), seoul.getUTCDate() + 1) - 9 * 3_600_000).toISOString();
}

// What the server says to API clients; the screen must word the code instead.
const ENGLISH = "Your plan's daily request limit (20) has been reached (resets at 2026-11-26T00:00+09:00)";

function refuseForToday() {
  server.use(http.post('/api/ai/chat', () => HttpResponse.json<ApiErrorBody>({ error: 'daily_request_limit', message: ENGLISH,
    params: { limit: 1000, reset_at: nextSeoulMidnight(), time_zone: 'Asia/Seoul', retry_after_seconds: 3600 }, violations: [] }, { status: 429 })));
}

async function ask(label: string, send: string) {
  await userEvent.type(await screen.findByLabelText(label), 'hello');
  await userEvent.click(screen.getByRole('button', { name: send }));
}

describe('chat refusals', () => {
  it('read in Korean with the reset time in the platform\'s zone, and no English', async () => {
    refuseForToday();
    renderApp('/me', { as: 'researcher' });
    await ask('메시지', '보내기');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('오늘 요청 한도(1,000회)에 도달했습니다. 내일 오전 0시에 초기화됩니다');
    expect(document.body.textContent).not.toContain('daily request limit');
  });

  it('read in English when the reader chose English', async () => {
    await i18n.changeLanguage('en');
    refuseForToday();
    renderApp('/me', { as: 'researcher' });
    await ask('Message', 'Send');
    expect(await screen.findByRole('alert')).toHaveTextContent("You have reached today's request limit (1,000 requests). It resets tomorrow at 12 AM");
    expect(document.body.textContent).not.toContain(ENGLISH);
  });
});
