import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { server } from '@/testing/server';
import { error, SERVER_ENGLISH } from '@/testing/handlers';

const row = async (model: string) => (await screen.findByText(model, { selector: 'strong' })).closest('tr')!;
const sent = (method: string) => db.requests.filter((r) => r.method === method && r.path.startsWith('/api/admin/model-prices'));

describe('the model prices page', () => {
  it('lists each model\'s prices per 1M tokens with its source, and — where a price is not given', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    const haiku = await row('claude-haiku-4-5');
    expect(within(haiku).getByText('Anthropic')).toBeInTheDocument();
    expect(within(haiku).getByText('US$1.00')).toBeInTheDocument();
    expect(within(haiku).getByText('US$0.10')).toBeInTheDocument();
    expect(within(haiku).getByText('US$5.00')).toBeInTheDocument();
    expect(within(haiku).getByText('US$1.25')).toBeInTheDocument();
    const mini = await row('gpt-4.1-mini');
    expect(within(mini).getByText('US$0.40')).toBeInTheDocument();
    expect(within(mini).getByText('—')).toBeInTheDocument();
    expect(within(mini).getByText('LiteLLM model_prices_and_context_window.json')).toBeInTheDocument();
    expect(within(mini).getByText('2026. 8. 21.')).toBeInTheDocument();
  });

  it('filters by the model and provider in the URL', async () => {
    renderApp('/admin/pricing?q=HAIKU', { as: 'admin' });
    expect(await screen.findByText('claude-haiku-4-5')).toBeInTheDocument();
    expect(screen.queryByText('gpt-4.1-mini')).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: '모델 검색' })).toHaveValue('HAIKU');
    await userEvent.clear(screen.getByRole('searchbox', { name: '모델 검색' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '제공자' }), 'openai');
    expect(await screen.findByText('gpt-4.1-mini')).toBeInTheDocument();
    expect(screen.queryByText('claude-haiku-4-5')).not.toBeInTheDocument();
  });

  it('edits a price and the table shows what was saved', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    await userEvent.click(within(await row('gpt-4.1-mini')).getByRole('button', { name: 'gpt-4.1-mini 가격 수정' }));
    const dialog = screen.getByRole('dialog', { name: '가격 수정' });
    expect(within(dialog).getByLabelText('모델')).toHaveValue('gpt-4.1-mini');
    const output = within(dialog).getByLabelText('출력');
    await userEvent.clear(output);
    await userEvent.type(output, '2.25');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));

    expect(await screen.findByText('저장되었습니다')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(await row('gpt-4.1-mini')).getByText('US$2.25')).toBeInTheDocument();
    expect(sent('PUT')).toEqual([expect.objectContaining({ path: '/api/admin/model-prices/1', body: {
      provider: 'openai', model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 2.25, cached_input_per_mtok: 0.1,
      source: 'LiteLLM model_prices_and_context_window.json' } })]);
  });

  it('says what is wrong with each field before sending anything', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 가격' }));
    const dialog = screen.getByRole('dialog', { name: '새 가격' });
    await userEvent.type(within(dialog).getByLabelText('모델'), 'gpt 4o');
    await userEvent.type(within(dialog).getByLabelText('출력'), '-1');
    await userEvent.type(within(dialog).getByLabelText('캐시 입력'), '0.1234567');
    await userEvent.type(within(dialog).getByLabelText('캐시 쓰기'), '200000');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));

    expect(await within(dialog).findByText('영문, 숫자와 . _ : / @ + - 만 쓸 수 있고, 영문이나 숫자로 시작해야 합니다')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('입력')).toHaveAccessibleDescription('필수 항목입니다');
    expect(within(dialog).getByLabelText('출력')).toHaveAccessibleDescription('0 이상이어야 합니다');
    expect(within(dialog).getByLabelText('캐시 입력')).toHaveAccessibleDescription('소수점 아래 6자리까지 가능합니다');
    expect(within(dialog).getByLabelText('캐시 쓰기')).toHaveAccessibleDescription('100,000 이하여야 합니다');
    expect(within(dialog).getByLabelText('모델')).toHaveAttribute('aria-invalid', 'true');
    expect(sent('POST')).toEqual([]);
  });

  it('puts the server\'s field errors on their fields, and a second price for a model on the model', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    server.use(http.put('/api/admin/model-prices/:id', () => error(400, 'validation_failed', {}, [
      { field: 'input_per_mtok', code: 'too_many_decimals', params: { max: 6 }, message: SERVER_ENGLISH }])));
    await userEvent.click(within(await row('claude-haiku-4-5')).getByRole('button', { name: 'claude-haiku-4-5 가격 수정' }));
    let dialog = screen.getByRole('dialog', { name: '가격 수정' });
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText('소수점 아래 6자리까지 가능합니다')).toBeInTheDocument();
    expect(screen.queryByText(SERVER_ENGLISH)).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: '취소' }));

    await userEvent.click(screen.getByRole('button', { name: '새 가격' }));
    dialog = screen.getByRole('dialog', { name: '새 가격' });
    await userEvent.selectOptions(within(dialog).getByLabelText('제공자'), 'anthropic');
    await userEvent.type(within(dialog).getByLabelText('모델'), 'Claude-Haiku-4-5');
    await userEvent.type(within(dialog).getByLabelText('입력'), '1');
    await userEvent.type(within(dialog).getByLabelText('출력'), '5');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await within(dialog).findByText('이 제공자의 이 모델은 이미 가격이 있습니다')).toBeInTheDocument();
    expect(db.prices).toHaveLength(2);
  });

  it('names the models AI settings call without a price and prices one from there', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    db.unpriced = [{ provider: 'openai_compatible', model: 'llama-3.1-8b', settings: [
      { id: 12, name: 'Lab vLLM', is_active: true, members: 3 }, { id: 13, name: 'Old vLLM', is_active: false, members: 0 }] }];
    const banner = await screen.findByRole('region', { name: '가격이 없는 모델 1개' });
    expect(within(banner).getByText('Lab vLLM (회원 3명) · Old vLLM (비활성, 회원 0명)')).toBeInTheDocument();
    await userEvent.click(within(banner).getByRole('button', { name: 'llama-3.1-8b 가격 추가' }));
    const dialog = screen.getByRole('dialog', { name: '새 가격' });
    expect(within(dialog).getByLabelText('제공자')).toHaveValue('openai_compatible');
    expect(within(dialog).getByLabelText('모델')).toHaveValue('llama-3.1-8b');
    await userEvent.type(within(dialog).getByLabelText('입력'), '0.05');
    await userEvent.type(within(dialog).getByLabelText('출력'), '0.1');
    await userEvent.type(within(dialog).getByLabelText('출처'), '  GPU 원가 기준  ');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));

    expect(await screen.findByText('llama-3.1-8b', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /가격이 없는 모델/ })).not.toBeInTheDocument();
    expect(sent('POST')[0]!.body).toEqual({ provider: 'openai_compatible', model: 'llama-3.1-8b', input_per_mtok: 0.05,
      output_per_mtok: 0.1, source: 'GPU 원가 기준' });
    expect(within(await row('llama-3.1-8b')).getByText('US$0.05')).toBeInTheDocument();
  });

  it('deletes a price once confirmed', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    await userEvent.click(within(await row('claude-haiku-4-5')).getByRole('button', { name: 'claude-haiku-4-5 가격 삭제' }));
    const confirm = screen.getByRole('dialog', { name: '확인' });
    expect(within(confirm).getByText('Anthropic의 claude-haiku-4-5 가격을 삭제할까요? 이후 이 모델의 호출은 비용이 기록되지 않습니다.')).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: '삭제' }));
    expect(await screen.findByText('삭제되었습니다')).toBeInTheDocument();
    expect(screen.queryByText('claude-haiku-4-5')).not.toBeInTheDocument();
    expect(sent('DELETE').map((r) => r.path)).toEqual(['/api/admin/model-prices/2']);
  });

  it('says so when there are no prices', async () => {
    renderApp('/admin/pricing', { as: 'admin' });
    db.prices = [];
    expect(await screen.findByText('등록된 가격이 없습니다. 가격이 없는 모델의 호출은 비용이 기록되지 않습니다.')).toBeInTheDocument();
  });

  it('offers to try again when the prices cannot be read', async () => {
    server.use(http.get('/api/admin/model-prices', () => error(500, 'internal_error')));
    renderApp('/admin/pricing', { as: 'admin' });
    expect(await screen.findByRole('alert')).toHaveTextContent('서버');
    expect(screen.getByRole('button', { name: '다시 시도' })).toBeInTheDocument();
  });
});
