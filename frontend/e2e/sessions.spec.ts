import { expect, test, type Page } from '@playwright/test';
import { admin, login, researcherOn } from './support';

async function logIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '내 AI 작업 공간' })).toBeVisible();
}

async function promptsOf(request: import('@playwright/test').APIRequestContext, token: string): Promise<string[]> {
  const page = await (await request.get('/api/prompt-logs?size=100', { headers: { Authorization: `Bearer ${token}` } })).json();
  return page.items.map((e: { user_prompt: string }) => e.user_prompt);
}

test('two members in one browser: an entry queued offline waits for its own member and goes with their session', async ({ page, request }) => {
  const kim = await researcherOn(request, 'basic', '지우', '김');
  const lee = await researcherOn(request, 'basic', '서연', '이');
  const note = `김지우의 오프라인 메모 ${Date.now()}`;

  await logIn(page, kim.username, kim.password);
  await page.getByRole('link', { name: '프롬프트 로그' }).click();
  await page.route('**/api/prompt-logs', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await page.getByLabel('프롬프트', { exact: true }).fill(note);
  await page.getByRole('button', { name: '기록 저장' }).click();
  await expect(page.getByText('서버에 연결할 수 없어 1개가 대기 중입니다')).toBeVisible();
  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page.getByRole('button', { name: '로그인' })).toBeVisible();
  await page.unroute('**/api/prompt-logs');

  // Lee logs in on the same browser: Kim's entry is neither sent under Lee nor shown as Lee's.
  const sentAsLee: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/prompt-logs')) sentAsLee.push(r.postData() ?? ''); });
  await logIn(page, lee.username, lee.password);
  await page.getByRole('link', { name: '프롬프트 로그' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '프롬프트 로그' })).toBeVisible();
  await expect(page.getByText(/개가 대기 중입니다/)).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(sentAsLee.join('\n')).not.toContain(note);
  const leeSession = await login(request, lee);
  expect(await promptsOf(request, leeSession.token)).not.toContain(note);
  const held = await page.evaluate((id) => localStorage.getItem(`labgate.promptQueue.${id}`), kim.id);
  expect(held).toContain(note);
  await page.getByRole('button', { name: '로그아웃' }).click();

  // Kim's next session sends it, as Kim.
  await logIn(page, kim.username, kim.password);
  const kimSession = await login(request, kim);
  await expect.poll(() => promptsOf(request, kimSession.token)).toContain(note);
  expect(await promptsOf(request, (await login(request, lee)).token)).not.toContain(note);
  expect(await page.evaluate((id) => localStorage.getItem(`labgate.promptQueue.${id}`), kim.id)).toBeNull();
});

test('a member changes their password; the admin signs a member out everywhere and it takes effect at once', async ({ page, request }) => {
  const kim = await researcherOn(request, 'basic', '지우', '김');
  await logIn(page, kim.username, kim.password);
  const elsewhere = await login(request, kim);

  await page.getByRole('link', { name: '내 계정' }).click();
  await page.getByLabel('현재 비밀번호').fill(kim.password);
  await page.getByLabel('새 비밀번호', { exact: true }).fill('a-brand-new-password');
  await page.getByLabel('새 비밀번호 확인').fill('a-brand-new-password');
  await page.getByRole('button', { name: '비밀번호 변경' }).click();
  await expect(page.getByText('비밀번호를 바꿨습니다. 다른 기기에서는 모두 로그아웃되었습니다.')).toBeVisible();
  // The other device's session ended; this one goes on.
  expect((await request.get('/api/auth/me', { headers: { Authorization: `Bearer ${elsewhere.token}` } })).status()).toBe(401);
  await page.getByRole('link', { name: '내 AI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '내 AI 작업 공간' })).toBeVisible();
  expect((await request.post('/api/auth/login', { data: { username: kim.username, password: kim.password } })).status()).toBe(401);

  const boss = await login(request, admin);
  expect((await request.post(`/api/admin/members/${kim.id}/sign-out`, { headers: { Authorization: `Bearer ${boss.token}` } })).status()).toBe(204);
  await page.getByRole('link', { name: '프롬프트 로그' }).click();
  await expect(page.getByText('세션이 만료되었습니다. 다시 로그인하세요.')).toBeVisible();
  await logIn(page, kim.username, 'a-brand-new-password');
});
