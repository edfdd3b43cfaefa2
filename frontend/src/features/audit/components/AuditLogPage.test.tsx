import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { renderApp } from '@/testing/render';
import { auditEntry, db } from '@/testing/db';
import { server } from '@/testing/server';
import { error } from '@/testing/handlers';

const seed = () => {
  db.audit = [
    auditEntry({ id: 3, created_at: '2026-11-25T01:30:00Z',
      before: { model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 1.6, updated_at: '2026-08-21T03:00:00Z' },
      after: { model: 'gpt-4.1-mini', input_per_mtok: 0.4, output_per_mtok: 2, updated_at: '2026-11-25T10:30:00.123456+09:00' } }),
    auditEntry({ id: 2, actor: 'ops_kim', action: 'plan.create', entity_type: 'plan', entity_id: 7, before: null,
      after: { name: 'premium', display_name: '프리미엄 ($30/월)' }, created_at: '2026-11-24T15:10:00Z' }),
    auditEntry({ id: 1, actor: 'admin', action: 'usage_settings.update', entity_type: 'usage_settings', entity_id: null,
      before: { content_retention: 'full' }, after: { content_retention: 'none' }, created_at: '2026-11-20T03:00:00Z' }),
  ];
};
const auditRequests = () => db.requests.filter((r) => r.path.startsWith('/api/admin/audit-log')).map((r) => r.path);

describe('the audit log page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists who did what to which entity, newest first, in the platform\'s time', async () => {
    renderApp('/admin/audit', { as: 'admin' });
    seed();
    const table = await screen.findByRole('table', { name: '감사 로그' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(1, 4).map((c) => c.textContent))).toEqual([
      ['admin', '가격 변경', '모델 가격 #1'],
      ['ops_kim', '요금제 추가', '요금제 #7'],
      ['admin', '내용 보관 변경', '내용 보관 설정'],
    ]);
    // 15:10 UTC on the 24th is 00:10 on the 25th in Seoul.
    expect(within(rows[1]!).getByText("2026. 11. 25. 00:10")).toBeInTheDocument();
    expect(screen.getByText('3건')).toBeInTheDocument();
  });

  it('reads its filter from the URL and sends it', async () => {
    renderApp('/admin/audit?entity_type=model_price&entity_id=1&start_date=2026-11-25', { as: 'admin' });
    seed();
    expect(await screen.findByText('1건')).toBeInTheDocument();
    expect(screen.getByLabelText('대상 종류')).toHaveValue('model_price');
    expect(screen.getByLabelText('대상 ID')).toHaveValue('1');
    expect(screen.getByLabelText('시작일')).toHaveValue('2026-11-25');
    expect(auditRequests()).toContain('/api/admin/audit-log?entity_type=model_price&entity_id=1&start_date=2026-11-25&page=0&size=25');
  });

  it('narrows by actor, entity type and action, offering the actions of the chosen type', async () => {
    renderApp('/admin/audit', { as: 'admin' });
    seed();
    await screen.findByText('3건');
    await userEvent.type(screen.getByLabelText('수행자'), 'KIM');
    expect(await screen.findByText('1건')).toBeInTheDocument();
    expect(auditRequests().at(-1)).toBe('/api/admin/audit-log?actor=KIM&page=0&size=25');

    await userEvent.clear(screen.getByLabelText('수행자'));
    await userEvent.selectOptions(screen.getByLabelText('대상 종류'), 'model_price');
    const actions = within(screen.getByLabelText('작업')).getAllByRole('option').map((o) => o.textContent);
    expect(actions).toEqual(['전체', '가격 추가', '가격 변경', '가격 삭제']);
    await userEvent.selectOptions(screen.getByLabelText('작업'), 'model_price.update');
    expect(await screen.findByText('1건')).toBeInTheDocument();
    expect(auditRequests().at(-1)).toBe('/api/admin/audit-log?action=model_price.update&entity_type=model_price&page=0&size=25');

    // Another type drops an action it does not have.
    await userEvent.selectOptions(screen.getByLabelText('대상 종류'), 'plan');
    expect(screen.getByLabelText('작업')).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: '필터 지우기' }));
    expect(await screen.findByText('3건')).toBeInTheDocument();
  });

  it('says what is wrong with an entity id or a range before asking the server', async () => {
    renderApp('/admin/audit?entity_id=abc', { as: 'admin' });
    seed();
    expect(await screen.findByLabelText('대상 ID')).toHaveAccessibleDescription('값의 형식이 맞지 않습니다');
    expect(screen.getByText('필터를 고치면 기록을 보여 드립니다')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'CSV 다운로드' })).toBeDisabled();
    await userEvent.clear(screen.getByLabelText('대상 ID'));
    await userEvent.type(screen.getByLabelText('시작일'), '2026-11-25');
    await userEvent.type(screen.getByLabelText('종료일'), '2026-11-01');
    expect(screen.getByLabelText('종료일')).toHaveAccessibleDescription('시작일보다 앞설 수 없습니다');
    expect(auditRequests().some((p) => p.includes('entity_id=abc') || p.includes('end_date=2026-11-01'))).toBe(false);
  });

  it('shows an entry\'s fields before and after, changed ones first, and that entity\'s history', async () => {
    renderApp('/admin/audit', { as: 'admin' });
    seed();
    const table = await screen.findByRole('table', { name: '감사 로그' });
    await userEvent.click(within(within(table).getAllByRole('row')[1]!).getByRole('button', { name: /가격 변경 상세/ }));
    const dialog = screen.getByRole('dialog', { name: '기록 상세' });
    expect(within(dialog).getByText('2개 항목이 바뀌었습니다')).toBeInTheDocument();
    const fields = within(within(dialog).getByRole('table', { name: '바뀐 항목' })).getAllByRole('row').slice(1)
      .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(fields).toEqual([
      ['output_per_mtok 변경', '1.6', '2'],
      ['updated_at 변경', '2026. 8. 21. 12:00:00', '2026. 11. 25. 10:30:00'],
      ['model', 'gpt-4.1-mini', 'gpt-4.1-mini'],
      ['input_per_mtok', '0.4', '0.4'],
    ]);
    await userEvent.click(within(dialog).getByRole('button', { name: '이 대상의 기록만 보기' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await screen.findByText('1건')).toBeInTheDocument();
    expect(screen.getByLabelText('대상 종류')).toHaveValue('model_price');
    expect(auditRequests().at(-1)).toBe('/api/admin/audit-log?entity_type=model_price&entity_id=1&page=0&size=25');
  });

  it('downloads the current filter as CSV under the server\'s file name', async () => {
    const createObjectURL = vi.fn(() => 'blob:audit');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this.download); });
    renderApp('/admin/audit?entity_type=model_price', { as: 'admin' });
    seed();
    await screen.findByText('1건');
    await userEvent.click(screen.getByRole('button', { name: 'CSV 다운로드' }));
    await vi.waitFor(() => expect(clicked).toEqual(['labgate-audit-log-20261125.csv']));
    expect(auditRequests().at(-1)).toBe('/api/admin/audit-log?entity_type=model_price&format=csv');
    const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
    expect(await blob.text()).toContain('model_price.update');
  });

  it('pages through a long log', async () => {
    renderApp('/admin/audit', { as: 'admin' });
    db.audit = Array.from({ length: 30 }, (_, i) => auditEntry({ id: 30 - i, entity_id: 30 - i }));
    expect(await screen.findByText('30건')).toBeInTheDocument();
    expect(screen.getByText('1 / 2 페이지')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '다음' }));
    expect(await screen.findByText('모델 가격 #5')).toBeInTheDocument();
    expect(auditRequests().at(-1)).toBe('/api/admin/audit-log?page=1&size=25');
  });

  it('says when nothing is recorded or nothing matches, and when the log cannot be read', async () => {
    renderApp('/admin/audit', { as: 'admin' });
    expect(await screen.findByText('아직 기록이 없습니다')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('수행자'), 'nobody');
    expect(await screen.findByText('조건에 맞는 기록이 없습니다')).toBeInTheDocument();
    server.use(http.get('/api/admin/audit-log', () => error(500, 'internal_error')));
    await userEvent.type(screen.getByLabelText('수행자'), 'x');
    expect(await screen.findByRole('button', { name: '다시 시도' })).toBeInTheDocument();
  });
});
