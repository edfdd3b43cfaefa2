import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const ask = async (text: string) => {
  await userEvent.type(await screen.findByLabelText('메시지'), text);
  await userEvent.click(screen.getByRole('button', { name: '보내기' }));
};

/** An answer that sends `first` (if any) and then waits until the request is aborted. */
const hangingAnswer = (first?: string) =>
  http.post('/api/ai/:feature', ({ request }) => {
    const stream = new ReadableStream({
      start(controller) {
        if (first) controller.enqueue(new TextEncoder().encode(`event: delta\ndata: {"text":"${first}"}\n\n`));
        request.signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
  });

describe('conversations in the workspace', () => {
  it('survive switching to API keys and back', async () => {
    renderApp('/me', { as: 'researcher' });
    await ask('일관성 비율이란?');
    const log = screen.getByRole('list', { name: '대화' });
    expect(await within(log).findByText(/29 토큰/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'API 키' }));
    expect(screen.queryByRole('list', { name: '대화' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '채팅' }));
    const again = screen.getByRole('list', { name: '대화' });
    expect(within(again).getByText('일관성 비율이란?')).toBeInTheDocument();
    expect(within(again).getByText(/29 토큰/)).toBeInTheDocument();
  });

  it('keeps each feature its own conversation, for this member, in the tab\'s session storage', async () => {
    renderApp('/me', { as: 'researcher' });
    await ask('채팅 질문');
    await screen.findByText(/29 토큰/);
    await userEvent.click(screen.getByRole('tab', { name: '분석' }));
    expect(within(screen.getByRole('list', { name: '대화' })).queryByText('채팅 질문')).not.toBeInTheDocument();
    const stored = JSON.parse(sessionStorage.getItem('labgate.chat.5.chat') ?? '{}');
    expect(stored.turns.map((t: { content: string }) => t.content)).toEqual(['채팅 질문', '**CR** is 0.08, acceptable.']);
    expect(stored.session_id).toMatch(/^chat-[0-9a-f]{8}$/);
  });

  it('keeps what arrived of a stopped answer and says it was stopped', async () => {
    server.use(hangingAnswer('AHP의 일관성 비율은 '));
    renderApp('/me', { as: 'researcher' });
    await ask('설명해 줘');
    const log = screen.getByRole('list', { name: '대화' });
    expect(await within(log).findByText('AHP의 일관성 비율은')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '중지' }));
    expect(await within(log).findByText('응답을 중지했습니다 (생성된 부분만 과금됩니다)')).toBeInTheDocument();
    expect(within(log).getByText('AHP의 일관성 비율은')).toBeInTheDocument();
    expect(log).not.toHaveTextContent('…');
  });

  it('says so when an answer is stopped before anything arrived', async () => {
    server.use(hangingAnswer());
    renderApp('/me', { as: 'researcher' });
    await ask('설명해 줘');
    const log = screen.getByRole('list', { name: '대화' });
    expect(await within(log).findByText('답변을 기다리는 중…')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '중지' }));
    expect(await within(log).findByText('답변이 시작되기 전에 중지했습니다.')).toBeInTheDocument();
  });
});
