import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { renderApp } from '@/testing/render';
import { db } from '@/testing/db';
import { error, SERVER_ENGLISH } from '@/testing/handlers';
import { server } from '@/testing/server';

describe('members page', () => {
  it('filters by role through the API', async () => {
    renderApp('/admin/members', { as: 'admin' });
    expect(await screen.findByRole('cell', { name: 'admin@lab.example' })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('역할 필터'), '연구자');
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'admin@lab.example' })).not.toBeInTheDocument());
    expect(screen.getByRole('cell', { name: 'kim' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'lee' })).toBeInTheDocument();
  });

  it('creates a researcher, and puts a duplicate username error on the username field', async () => {
    renderApp('/admin/members', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 회원' }));
    const dialog = screen.getByRole('dialog', { name: '새 회원' });
    await userEvent.type(within(dialog).getByLabelText('아이디'), 'kim');
    await userEvent.type(within(dialog).getByLabelText('이메일'), 'park@lab.example');
    await userEvent.type(within(dialog).getByLabelText('비밀번호'), 'long-enough-pw');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    const username = within(dialog).getByLabelText('아이디');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('이미 사용 중입니다')).toBeInTheDocument();

    await userEvent.clear(username);
    await userEvent.type(username, 'park');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await screen.findByRole('cell', { name: 'park@lab.example' })).toBeInTheDocument();
    const sent = db.requests.filter((r) => r.method === 'POST' && r.path === '/api/admin/members').at(-1)!;
    expect(sent.body).toMatchObject({ username: 'park', email: 'park@lab.example', password: 'long-enough-pw', role: 'researcher' });
  });

  it('imports CSV and shows the temporary passwords once, with a copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/admin/members', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'CSV 가져오기' }));
    const dialog = screen.getByRole('dialog', { name: 'CSV로 회원 가져오기' });
    const text = within(dialog).getByLabelText('CSV 내용');
    await userEvent.clear(text);
    await userEvent.type(text, 'username,email,first_name,last_name{enter}choi,choi@lab.example,Min,Choi{enter}han,han@lab.example,Yu,Han');
    await userEvent.click(within(dialog).getByRole('button', { name: '가져오기' }));

    expect(await within(dialog).findByText('2명을 추가했습니다')).toBeInTheDocument();
    expect(within(dialog).getByText('temp-choi-pw')).toBeInTheDocument();
    expect(within(dialog).getByText('temp-han-pw')).toBeInTheDocument();
    const sent = db.requests.find((r) => r.path === '/api/admin/members/import')!;
    expect(sent.body).toContain('choi,choi@lab.example,Min,Choi');

    await userEvent.click(within(dialog).getByRole('button', { name: '복사' }));
    expect(writeText).toHaveBeenCalledWith('choi,temp-choi-pw\nhan,temp-han-pw');
  });

  it('lists a rejected CSV\'s problems by row and field in Korean, never the server\'s English', async () => {
    server.use(http.post('/api/admin/members/import', () => error(400, 'validation_failed', {}, [
      { field: 'username', code: 'not_unique', params: { row: 2 }, message: SERVER_ENGLISH },
      { field: 'email', code: 'invalid_email', params: { row: 3 }, message: SERVER_ENGLISH },
      { field: 'header', code: 'csv_unknown_column', params: { column: 'shoe_size' }, message: SERVER_ENGLISH },
    ])));
    renderApp('/admin/members', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'CSV 가져오기' }));
    const dialog = screen.getByRole('dialog', { name: 'CSV로 회원 가져오기' });
    await userEvent.click(within(dialog).getByRole('button', { name: '가져오기' }));

    const alert = await within(dialog).findByRole('alert');
    expect(within(alert).getByText('입력한 값을 확인하세요')).toBeInTheDocument();
    expect(within(alert).getByText('2행 username: 이미 사용 중입니다')).toBeInTheDocument();
    expect(within(alert).getByText('3행 email: 올바른 이메일 주소가 아닙니다')).toBeInTheDocument();
    expect(within(alert).getByText('알 수 없는 열입니다: shoe_size')).toBeInTheDocument();
    expect(alert.textContent).not.toContain(SERVER_ENGLISH);
  });

  it('deletes a member after confirmation', async () => {
    renderApp('/admin/members', { as: 'admin' });
    const row = (await screen.findByRole('cell', { name: 'lee' })).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: '삭제' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '삭제' }));
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'lee' })).not.toBeInTheDocument());
    expect(db.requests.some((r) => r.method === 'DELETE' && r.path === '/api/admin/members/6')).toBe(true);
  });

  it('does not offer to delete the account in use', async () => {
    renderApp('/admin/members', { as: 'admin' });
    const own = (await screen.findByRole('cell', { name: 'admin' })).closest('tr')!;
    expect(within(own).getByText('나')).toBeInTheDocument();
    expect(within(own).queryByRole('button', { name: '삭제' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('cell', { name: 'kim' }).closest('tr')!).getByRole('button', { name: '삭제' })).toBeInTheDocument();
  });

  it('confirms a new member with a toast', async () => {
    renderApp('/admin/members', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: '새 회원' }));
    const dialog = screen.getByRole('dialog', { name: '새 회원' });
    await userEvent.type(within(dialog).getByLabelText('아이디'), 'park');
    await userEvent.type(within(dialog).getByLabelText('이메일'), 'park@lab.example');
    await userEvent.type(within(dialog).getByLabelText('비밀번호'), 'long-enough-pw');
    await userEvent.click(within(dialog).getByRole('button', { name: '저장' }));
    expect(await screen.findByText('회원 park을(를) 추가했습니다')).toBeInTheDocument();
  });

  it('explains the import, offers a template and reads a file through a localized button', async () => {
    renderApp('/admin/members', { as: 'admin' });
    await userEvent.click(await screen.findByRole('button', { name: 'CSV 가져오기' }));
    const dialog = screen.getByRole('dialog', { name: 'CSV로 회원 가져오기' });
    expect(dialog).toHaveTextContent('한 행이라도 잘못되면 파일 전체를 가져오지 않습니다');
    expect(dialog).toHaveTextContent("row 1 = 파일의 2번째 줄");
    expect(within(dialog).getByRole('button', { name: '템플릿 내려받기' })).toBeInTheDocument();
    expect(within(dialog).getByText('선택한 파일 없음')).toBeInTheDocument();
    const file = new File(['username,email\nchoi,choi@lab.example\n'], 'members.csv', { type: 'text/csv' });
    await userEvent.upload(within(dialog).getByLabelText(/CSV 파일.*파일 선택/), file);
    expect(await within(dialog).findByText('members.csv')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('CSV 내용')).toHaveValue('username,email\nchoi,choi@lab.example\n');
  });
  it('resets a member\'s password, showing the generated one once, and signs a member out everywhere', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp('/admin/members', { as: 'admin' });
    const kim = (await screen.findByRole('cell', { name: 'kim' })).closest('tr')!;
    await userEvent.click(within(kim).getByRole('button', { name: '비밀번호 재설정' }));
    const confirm = screen.getByRole('dialog', { name: '확인' });
    expect(confirm).toHaveTextContent("'Kim Ji-woo' 회원의 비밀번호를 새로 만들까요? 모든 기기에서 로그아웃됩니다.");
    await userEvent.click(within(confirm).getByRole('button', { name: '비밀번호 재설정' }));
    const shown = await screen.findByRole('dialog', { name: '비밀번호 재설정' });
    expect(within(shown).getByLabelText('임시 비밀번호')).toHaveTextContent('Gen3ratedPassw0rd');
    await userEvent.click(within(shown).getByRole('button', { name: '복사' }));
    expect(writeText).toHaveBeenCalledWith('Gen3ratedPassw0rd');
    await userEvent.click(within(shown).getAllByRole('button', { name: '닫기' }).at(-1)!);
    expect(screen.queryByText('Gen3ratedPassw0rd')).not.toBeInTheDocument();
    expect(db.requests.filter((r) => r.path === '/api/admin/members/5/reset-password')).toHaveLength(1);

    await userEvent.click(within(kim).getByRole('button', { name: '모든 기기에서 로그아웃' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: '확인' })).getByRole('button', { name: '모든 기기에서 로그아웃' }));
    expect(await screen.findByText("'Kim Ji-woo' 회원을 모든 기기에서 로그아웃했습니다")).toBeInTheDocument();
    expect(db.requests.filter((r) => r.path === '/api/admin/members/5/sign-out')).toHaveLength(1);

    // Not offered for the account in use, whose own page changes its password.
    const own = screen.getByRole('cell', { name: 'admin' }).closest('tr')!;
    expect(within(own).queryByRole('button', { name: '비밀번호 재설정' })).not.toBeInTheDocument();
    expect(within(own).queryByRole('button', { name: '모든 기기에서 로그아웃' })).not.toBeInTheDocument();
  });
});
