import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { SERVER_ENGLISH } from '@/testing/handlers';
import { server } from '@/testing/server';

async function openAddForm() {
  renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
  await userEvent.click(await screen.findByRole('button', { name: '새 AI 설정 추가' }));
  return screen.getByRole('dialog', { name: '새 AI 설정 추가' });
}

describe('AI settings tab', () => {
  it('shows cards with provider, model, limits and only the key hint', async () => {
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    const card = (await screen.findByRole('heading', { name: 'OpenAI main' })).closest('li')!;
    expect(within(card).getByText('OpenAI – gpt-4.1-mini')).toBeInTheDocument();
    expect(within(card).getByText('1,000회')).toBeInTheDocument();
    expect(within(card).getByText('sk-…abcd')).toBeInTheDocument();
    expect(within(card).getByText('활성')).toBeInTheDocument();
  });

  it('warns on the card when the provider rejected the key during members\' calls', async () => {
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    db.settings[0]!.last_error = 'HTTP 401: the provider rejected the platform\'s key';
    db.settings[0]!.last_error_at = '2026-11-25T11:00:00+09:00';
    const card = (await screen.findByRole('heading', { name: 'OpenAI main' })).closest('li')!;
    expect(within(card).getByRole('alert')).toHaveTextContent('제공자가 이 설정의 키를 거부했습니다');
  });

  it('validates temperature and the base URL of OpenAI-compatible servers before sending', async () => {
    const dialog = await openAddForm();
    await userEvent.type(within(dialog).getByLabelText('이름'), 'Lab vLLM');
    await userEvent.selectOptions(within(dialog).getByLabelText('제공자'), 'openai_compatible');
    const temperature = within(dialog).getByLabelText('온도 (0–2)');
    await userEvent.clear(temperature);
    await userEvent.type(temperature, '2.5');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText('0에서 2 사이여야 합니다')).toBeInTheDocument();
    expect(within(dialog).getByText('OpenAI 호환 서버는 기본 URL이 필요합니다')).toBeInTheDocument();
    expect(db.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('requires a key for OpenAI and sends a valid form; the key is never shown afterwards', async () => {
    const dialog = await openAddForm();
    await userEvent.type(within(dialog).getByLabelText('이름'), 'Second key');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText('이 제공자는 API 키가 필요합니다')).toBeInTheDocument();

    await userEvent.type(within(dialog).getByLabelText('API 키'), 'sk-test-secret-9876');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(await screen.findByRole('heading', { name: 'Second key' })).toBeInTheDocument();
    const sent = db.requests.find((r) => r.method === 'POST' && r.path === '/api/admin/ai-settings')!;
    expect(sent.body).toMatchObject({ name: 'Second key', provider: 'openai', api_key: 'sk-test-secret-9876', temperature: 0.7 });
    expect(document.body.textContent).not.toContain('sk-test-secret-9876');
    expect(screen.getByText('sk-…9876')).toBeInTheDocument();
  });

  it('puts the server field errors on the right field', async () => {
    const dialog = await openAddForm();
    await userEvent.type(within(dialog).getByLabelText('이름'), 'OpenAI main');
    await userEvent.type(within(dialog).getByLabelText('API 키'), 'sk-anything-1234');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    const name = within(dialog).getByLabelText('이름');
    expect(await within(dialog).findByText('이미 사용 중입니다')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(dialog.textContent).not.toContain(SERVER_ENGLISH);
  });

  it('tests a connection and words what it found, with the latency', async () => {
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '연결 테스트' }));
    expect(await screen.findByText('연결 성공: 모델 12개 사용 가능, model-10 포함 (42 ms)')).toBeInTheDocument();
  });

  it('words a failed connection test from its code, never the server\'s English', async () => {
    server.use(http.post('/api/admin/ai-settings/:id/test-connection', () => HttpResponse.json({ success: false, is_valid: false,
      code: 'key_rejected', params: { status: 401 }, message: 'HTTP 401: invalid API key: the provider rejected it', latency_ms: 80 })));
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '연결 테스트' }));
    expect(await screen.findByText('연결 실패: HTTP 401: 제공자가 API 키를 거부했습니다 (80 ms)')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('invalid API key');
  });

  it('says a short key is stored without showing any of it, with when it was saved', async () => {
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    db.settings[0]!.api_key_hint = '…****';
    const card = (await screen.findByRole('heading', { name: 'OpenAI main' })).closest('li')!;
    expect(await within(card).findByText('짧은 키라 문자를 표시하지 않음 · 2026. 11. 25. 10:00 저장')).toBeInTheDocument();
    expect(within(card).queryByText('…****')).not.toBeInTheDocument();
  });

  it('opens usage monitoring filtered to the card\'s setting', async () => {
    renderApp('/admin/ai-service?tab=settings', { as: 'admin' });
    const card = (await screen.findByRole('heading', { name: 'OpenAI main' })).closest('li')!;
    await userEvent.click(within(card).getByRole('button', { name: '사용량 확인' }));
    expect(await screen.findByText('AI 설정: OpenAI main')).toBeInTheDocument();
    await screen.findByRole('table', { name: '호출 로그' });
    expect(db.requests.some((r) => r.path.startsWith('/api/admin/ai-usage-logs?') && r.path.includes('ai_settings_id=10'))).toBe(true);
    expect(db.requests.some((r) => r.path.includes('usage-statistics') && r.path.includes('ai_settings_id=10'))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: '전체 보기' }));
    expect(screen.queryByText('AI 설정: OpenAI main')).not.toBeInTheDocument();
  });
});
