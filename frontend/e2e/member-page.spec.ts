import { expect, test } from '@playwright/test';
import { admin, expectNoHorizontalOverflow, login, openAs } from './support';

const PHONE = { width: 390, height: 844 };

test('one person in one place, on a phone in Korean: assigned from the AI-access list, managed on their page', async ({ page, request }) => {
  const boss = await login(request, admin);
  const headers = { Authorization: `Bearer ${boss.token}` };
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const username = `p${stamp}`;
  const member = await (await request.post('/api/admin/members', { headers,
    data: { username, email: `${username}@a-rather-long-research-institute-domain.example`, password: 'researcher-password', role: 'researcher', first_name: '서연', last_name: '이' } })).json();
  const settingName = `Sandbox ${stamp}`;
  expect((await request.post('/api/admin/ai-settings', { headers,
    data: { name: settingName, provider: 'sandbox', model_name: 'sandbox-echo', hourly_limit: 0, daily_limit: 0, monthly_limit: 0 } })).status()).toBe(201);

  await page.setViewportSize(PHONE);
  await openAs(page, boss, `/admin/ai-service?tab=users&q=${username}`);

  // A researcher without a plan is in the AI-access list, unassigned, and is assigned from the row.
  const row = page.getByTestId(`access-row-${username}`);
  await expect(row.getByText('할당 안 됨')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await row.getByRole('button', { name: '할당' }).click();
  const assign = page.getByRole('dialog', { name: 'AI 기능 할당' });
  await expect(assign).toContainText('이서연님에게 할당합니다.');
  await assign.getByLabel('요금제').selectOption({ label: '기본형 ($10/월)' });
  await assign.getByLabel('AI 설정').selectOption({ label: `${settingName} (sandbox-echo)` });
  await assign.getByRole('button', { name: '할당' }).click();
  await expect(page.getByText('1명의 사용자에게 AI 기능이 할당되었습니다')).toBeVisible();
  await expect(row.getByText('기본형 ($10/월)')).toBeVisible();

  // The member uses it once.
  const them = await login(request, { username, password: 'researcher-password' });
  expect((await request.post('/api/ai/chat', { headers: { Authorization: `Bearer ${them.token}` },
    data: { messages: [{ role: 'user', content: '쌍대비교 행렬의 일관성 비율은?' }] } })).status()).toBe(200);
  // Its usage row is written a flush later (≤ 250 ms): the call log shows what is written.
  await expect.poll(async () => (await (await request.get(`/api/admin/ai-usage-logs?member_id=${member.id}`,
    { headers: { Authorization: `Bearer ${boss.token}` } })).json()).total).toBe(1);

  // Their page, from the name: account and AI access together, limits with their resets, the call.
  await row.getByRole('link', { name: '이서연' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/members/${member.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: '이서연' })).toBeVisible();
  const account = page.getByRole('region', { name: '계정' });
  const ai = page.getByRole('region', { name: 'AI 이용' });
  await expect(account.getByText(username, { exact: true })).toBeVisible();
  await expect(ai.getByText('기본형 ($10/월)')).toBeVisible();
  await expect(ai.getByText(`${settingName} (sandbox-echo)`)).toBeVisible();
  await expect(ai.getByText('1 / 200 회')).toBeVisible();
  await expect(ai.getByText(/초기화$/).first()).toBeVisible();
  await expect(page.getByRole('table', { name: '호출 로그' }).getByText('sandbox-echo')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '불러오는 중' })).toHaveCount(0);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/member-page-390.png', fullPage: true });

  // Reset the usage, disable AI, edit the account — all here.
  await ai.getByRole('button', { name: '사용량 초기화' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '사용량 초기화' }).click();
  await expect(ai.getByText('0 / 200 회')).toBeVisible();
  await ai.getByRole('button', { name: '기능 비활성화' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '기능 비활성화' }).click();
  await expect(ai.getByText('비활성', { exact: true })).toBeVisible();
  await expect(ai.getByRole('button', { name: '기능 활성화' })).toBeVisible();
  await account.getByRole('button', { name: '계정 수정' }).click();
  const edit = page.getByRole('dialog', { name: '회원 수정' });
  await expectNoHorizontalOverflow(page);
  await edit.getByLabel('이름').fill('서윤');
  await edit.getByRole('button', { name: '저장' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: '이서윤' })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The same page from the account list.
  await page.getByRole('link', { name: '← 회원' }).click();
  await page.getByRole('searchbox', { name: '검색' }).fill(username);
  await page.getByRole('link', { name: '이서윤' }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/members/${member.id}$`));
  await expect(page.getByRole('region', { name: 'AI 이용' }).getByText('비활성', { exact: true })).toBeVisible();
});
