import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { renderApp } from '@/testing/render';
import { db, statement } from '@/testing/db';
import { server } from '@/testing/server';
import { error } from '@/testing/handlers';
import i18n from '@/lib/i18n';

const saved: string[] = [];

describe('내 청구서', () => {
  beforeEach(() => {
    saved.length = 0;
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:statement'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { saved.push(this.download); });
  });
  afterEach(() => vi.restoreAllMocks());

  it('is in the researcher’s navigation and lists their own months, the newest opened', async () => {
    renderApp('/me', { as: 'researcher' });
    db.statements.unshift(statement({ month: '2026-11', current: true, state: 'open', plans: [statement().plans[1]!], total_usd: 25, total_krw: null }));
    await userEvent.click(await screen.findByRole('link', { name: '내 청구서' }));
    const list = await screen.findByRole('table', { name: '월별 청구서' });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['2026년 11월', '2026년 10월']);
    expect(within(rows[0]!).getByText('진행 중 (현재까지)')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('₩30,481')).toBeInTheDocument();
    // Only their own: lee's statement is not asked for and not shown.
    expect(screen.queryByText('Lee Seo-yeon')).not.toBeInTheDocument();
    expect(db.requests.find((r) => r.path === '/api/me/statements')?.authorization).toBe('Bearer token-kim');
    const detail = await screen.findByRole('region', { name: '2026년 11월' });
    expect(await within(detail).findByText('프리미엄 ($30/월)')).toBeInTheDocument();
  });

  it('opens another month and downloads its PDF', async () => {
    renderApp('/me/statements', { as: 'researcher' });
    await userEvent.click(await screen.findByRole('button', { name: '보기: 2026년 10월' }));
    const detail = await screen.findByRole('region', { name: '2026년 10월' });
    expect(await within(detail).findAllByText('15/30일')).toHaveLength(2);
    await userEvent.click(screen.getByRole('button', { name: 'PDF 내려받기' }));
    await waitFor(() => expect(saved).toEqual(['2026-10_kim_5.pdf']));
    expect(db.requests.some((r) => r.path === '/api/me/statements/2026-10?format=pdf')).toBe(true);
  });

  it('says when there is nothing yet, and when the list fails, in English too', async () => {
    await i18n.changeLanguage('en');
    const view = renderApp('/me/statements', { as: 'researcher' });
    db.statements = [];
    expect(await screen.findByText(/No statements yet/)).toBeInTheDocument();
    view.unmount();
    server.use(http.get('/api/me/statements', () => error(500, 'internal_error')));
    renderApp('/me/statements', { as: 'researcher' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on the server');
  });
});
