import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { server } from '@/testing/server';
import { error } from '@/testing/handlers';
import i18n from '@/lib/i18n';

const saved: string[] = [];

describe('billing tab', () => {
  // 2026-11-25 in Seoul: November is open so far, October has ended.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-25T01:00:00Z'));
    saved.length = 0;
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:statement'), revokeObjectURL: vi.fn() }));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { saved.push(this.download); });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('opens on this month, open so far, and shows the month of the URL with its totals and statements', async () => {
    renderApp('/admin/ai-service?tab=billing', { as: 'admin' });
    expect(await screen.findByText('진행 중 (현재까지)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '이 달 마감' })).toBeDisabled();
    expect(await screen.findByText('이 달에 요금제나 사용 기록이 있는 회원이 없습니다.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '이전 달' }));
    expect(await screen.findByText('진행 중')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '회원별 명세서' });
    const kim = within(table).getByRole('row', { name: /김지우/ });
    expect(within(kim).getByText('기본형 ($10/월), 프리미엄 ($30/월)')).toBeInTheDocument();
    expect(within(kim).getByText('US$22.00')).toBeInTheDocument();
    expect(within(kim).getByText('₩30,481')).toBeInTheDocument();
    expect(within(kim).getByText('(가격 미등록 1건)')).toBeInTheDocument();
    expect(screen.getByText('US$33.00')).toBeInTheDocument();
    expect(db.requests.some((r) => r.path === '/api/admin/billing/statements?month=2026-10&sort=total&order=desc&page=0&size=20')).toBe(true);
  });

  it('sorts by a column and searches on the server, keeping both in the URL', async () => {
    renderApp('/admin/ai-service?tab=billing&month=2026-10', { as: 'admin' });
    await screen.findByRole('table', { name: '회원별 명세서' });
    const member = screen.getByRole('button', { name: '회원 기준 정렬' });
    await userEvent.click(member);
    await waitFor(() => expect(db.requests.some((r) => r.path.includes('sort=member&order=asc'))).toBe(true));
    expect(member.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(member);
    await waitFor(() => expect(db.requests.some((r) => r.path.includes('sort=member&order=desc'))).toBe(true));
    await userEvent.type(screen.getByRole('searchbox', { name: '검색' }), 'lee');
    await waitFor(() => expect(db.requests.some((r) => r.path.endsWith('&q=lee'))).toBe(true));
    expect(await screen.findByRole('row', { name: /Lee Seo-yeon/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('row', { name: /김지우/ })).not.toBeInTheDocument());
  });

  it('closes an ended month after confirmation; the closed month refuses a new rate until it is reopened with a reason', async () => {
    renderApp('/admin/ai-service?tab=billing&month=2026-10', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '이 달 마감' }));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText(/2026년 10월을\(를\) 마감할까요/)).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: '이 달 마감' }));
    expect(await screen.findByText('마감')).toBeInTheDocument();
    expect(db.requests.some((r) => r.method === 'POST' && r.path === '/api/admin/billing/months/2026-10/close')).toBe(true);
    expect(screen.getByText('2026년 10월을(를) 마감했습니다')).toBeInTheDocument();
    expect(screen.getByLabelText('환율 (1 USD당 원)')).toBeDisabled();
    expect(screen.getByText(/admin 마감/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '다시 열기' }));
    const reopen = await screen.findByRole('dialog', { name: '2026년 10월 다시 열기' });
    await userEvent.click(within(reopen).getByRole('button', { name: '다시 열기' }));
    expect(within(reopen).getByText('필수 항목입니다')).toBeInTheDocument();
    await userEvent.type(within(reopen).getByLabelText('사유'), '환율 정정');
    await userEvent.click(within(reopen).getByRole('button', { name: '다시 열기' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(db.requests.find((r) => r.path === '/api/admin/billing/months/2026-10/reopen')?.body).toEqual({ reason: '환율 정정' });
    expect(await screen.findByText(/admin 다시 열기: 환율 정정/)).toBeInTheDocument();
    expect(screen.getByLabelText('환율 (1 USD당 원)')).toBeEnabled();
  });

  it('words a refused close by its code, and saves the rate and VAT', async () => {
    db.billingMonths = {};
    renderApp('/admin/ai-service?tab=billing&month=2026-09', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '이 달 마감' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '이 달 마감' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('2026-09의 환율을 먼저 입력하세요');
    await userEvent.click(screen.getByRole('button', { name: '취소' }));

    const rate = screen.getByLabelText('환율 (1 USD당 원)');
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    expect(screen.getByText('0보다 큰 숫자를 입력하세요')).toBeInTheDocument();
    await userEvent.type(rate, '1400.25');
    await userEvent.click(screen.getByLabelText('부가세 10% 추가'));
    await userEvent.click(screen.getByRole('button', { name: '저장' }));
    await waitFor(() => expect(db.requests.find((r) => r.method === 'PUT')?.body).toEqual({ krw_per_usd: 1400.25, apply_vat: true }));
    expect(await screen.findByText('환율을 저장했습니다')).toBeInTheDocument();
  });

  it('shows a statement with its proration and downloads its PDF, the CSV and the ZIP', async () => {
    renderApp('/admin/ai-service?tab=billing&month=2026-10', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '보기: 김지우' }));
    const dialog = await screen.findByRole('dialog', { name: '김지우 · 2026년 10월 명세서' });
    const plans = await within(dialog).findByRole('table', { name: '요금제' });
    expect(within(plans).getAllByText('15/30일')).toHaveLength(2);
    expect(within(plans).getByText('US$5.00')).toBeInTheDocument();
    expect(within(plans).getByText('US$15.00')).toBeInTheDocument();
    expect(within(dialog).getByText('가격 미등록 호출 1건은 비용에 포함되지 않습니다.')).toBeInTheDocument();
    expect(within(dialog).getByText(/₩30,481/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'PDF 내려받기' }));
    await waitFor(() => expect(saved).toEqual(['2026-10_kim_5.pdf']));
    expect(db.requests.some((r) => r.path === '/api/admin/billing/statements/5/2026-10?format=pdf' && r.authorization === 'Bearer token-admin')).toBe(true);
    await userEvent.click(within(dialog).getByRole('button', { name: '닫기' }));

    await userEvent.click(screen.getByRole('button', { name: 'CSV 내려받기' }));
    await userEvent.click(screen.getByRole('button', { name: 'PDF 모두 (ZIP)' }));
    await waitFor(() => expect(saved).toEqual(['2026-10_kim_5.pdf', 'statements-2026-10.csv', 'statements-2026-10.zip']));
    expect(db.requests.some((r) => r.path === '/api/admin/billing/statements?month=2026-10&format=csv&lang=ko')).toBe(true);
  });

  it('says so when a download or the month fails, and reads in English', async () => {
    server.use(
      http.get('/api/admin/billing/statements/:month/pdf.zip', () => error(500, 'internal_error')),
      http.get('/api/admin/billing/months/2026-08', () => HttpResponse.error()),
    );
    await i18n.changeLanguage('en');
    renderApp('/admin/ai-service?tab=billing&month=2026-10', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'All PDFs (ZIP)' }));
    expect(await screen.findByText(/Download failed/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Statements by member' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Month'), '2026-08');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
