import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';

const analyticsRequests = () => db.requests.filter((r) => r.path.startsWith('/api/admin/analytics')).map((r) => r.path);

describe('analytics view', () => {
  it('draws the charts, the totals and the members by cost', async () => {
    renderApp('/admin/analytics', { as: 'admin' });
    expect(await screen.findByRole('heading', { name: '사용량 분석' })).toBeInTheDocument();
    expect(await screen.findByRole('img', { name: '모델별 비용' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '기능별 토큰' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '응답 시간 (p50)' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: '회원 × 모델 비용' })).toBeInTheDocument();
    expect(screen.getByText('거절 2 · 오류 1')).toBeInTheDocument();
    expect(screen.getByText('입력 2,000 · 출력 1,000 · 캐시 300 · 추론 40')).toBeInTheDocument();
    expect(screen.getByText('가격 미등록 모델 호출 1건 제외')).toBeInTheDocument();
    const members = screen.getByRole('table', { name: '비용 상위 회원' });
    const rows = within(members).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('김지우')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('US$1.50')).toBeInTheDocument();
    expect(within(screen.getByRole('img', { name: '모델별 비용' })).getByText('gpt-5-mini')).toBeInTheDocument();
    // Tokens are read by feature whatever the breakdown: a second report.
    expect(analyticsRequests()).toEqual(expect.arrayContaining(['/api/admin/analytics', '/api/admin/analytics?group_by=feature']));
  });

  it('reads its filters from the URL and writes every change back to it', async () => {
    renderApp('/admin/analytics?group_by=member&channel=api&from=2026-11-24&to=2026-11-25', { as: 'admin' });
    expect(await screen.findByRole('img', { name: '회원별 비용' })).toBeInTheDocument();
    expect(screen.getByLabelText('나눠 보기')).toHaveValue('member');
    expect(screen.getByLabelText('채널')).toHaveValue('api');
    expect(analyticsRequests()).toContain('/api/admin/analytics?from=2026-11-24&to=2026-11-25&group_by=member&channel=api');

    await userEvent.selectOptions(screen.getByLabelText('나눠 보기'), '기능');
    await userEvent.selectOptions(screen.getByLabelText('단위'), '월별');
    await waitFor(() => expect(analyticsRequests()).toContain(
      '/api/admin/analytics?from=2026-11-24&to=2026-11-25&granularity=month&group_by=feature&channel=api'));
    expect(await screen.findByRole('img', { name: '기능별 비용' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '김지우 님만 보기' }));
    expect(await screen.findByText('김지우 님의 사용량만 보는 중')).toBeInTheDocument();
    await waitFor(() => expect(analyticsRequests().at(-1)).toContain('member_id=5'));
    await userEvent.click(screen.getByRole('button', { name: '모든 회원 보기' }));
    await waitFor(() => expect(screen.queryByText('김지우 님의 사용량만 보는 중')).not.toBeInTheDocument());
  });

  it('says so when nothing was called in the range', async () => {
    renderApp('/admin/analytics?from=2020-01-01&to=2020-01-31', { as: 'admin' });
    expect(await screen.findByText('호출이 없습니다')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: '모델별 비용' })).not.toBeInTheDocument();
  });

  it('words a rejected range and offers to try again', async () => {
    renderApp('/admin/analytics?from=2030-01-02&to=2030-01-01', { as: 'admin' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('입력한 값을 확인하세요');
    expect(within(alert).getByRole('button', { name: '다시 시도' })).toBeInTheDocument();
    expect(screen.getByText('종료일: 시작일보다 앞설 수 없습니다')).toBeInTheDocument();
  });

  it('downloads a table as CSV from the server', async () => {
    const saved: string[] = [];
    URL.createObjectURL = () => 'blob:analytics';
    URL.revokeObjectURL = () => undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) { saved.push(this.download); };
    try {
      renderApp('/admin/analytics', { as: 'admin' });
      await userEvent.click(await screen.findByRole('button', { name: '회원별 합계' }));
      await waitFor(() => expect(saved).toEqual(['labgate-analytics-members-2026-11-24-2026-11-25.csv']));
      expect(analyticsRequests()).toContain('/api/admin/analytics?format=csv&table=members');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });

  it('is only for the super-admin', async () => {
    renderApp('/admin/analytics', { as: 'researcher' });
    await waitFor(() => expect(screen.queryByRole('heading', { name: '사용량 분석' })).not.toBeInTheDocument());
    expect(analyticsRequests()).toEqual([]);
  });
});
