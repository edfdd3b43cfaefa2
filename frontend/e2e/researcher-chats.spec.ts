import { expect, test } from '@playwright/test';

const admin = { username: process.env.E2E_ADMIN_USERNAME ?? 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'admin-password-123' };

test('a researcher chats with a streamed answer and sees the usage counted', async ({ page, request }) => {
  const stamp = Date.now();
  const login = await request.post('/api/auth/login', { data: admin });
  const headers = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const username = `chat${stamp}`;
  const member = await (await request.post('/api/admin/members', { headers, data: { username, email: `${username}@lab.example`, password: 'researcher-password', role: 'researcher', first_name: '연구', last_name: '박' } })).json();
  const setting = await (await request.post('/api/admin/ai-settings', { headers, data: { name: `Chat sandbox ${stamp}`, provider: 'sandbox', model_name: 'sandbox-echo', max_tokens: 300, temperature: 0.7, hourly_limit: 0, daily_limit: 0, monthly_limit: 0 } })).json();
  const plans = await (await request.get('/api/admin/plans', { headers })).json();
  const basic = plans.find((p: { name: string }) => p.name === 'basic');
  expect((await request.post('/api/admin/user-ai-access', { headers, data: { user_id: member.id, ai_plan_id: basic.id, ai_settings_id: setting.id } })).status()).toBe(201);

  await page.goto('/');
  await page.getByLabel('아이디').fill(username);
  await page.getByLabel('비밀번호').fill('researcher-password');
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: '내 AI 작업 공간' })).toBeVisible();
  await expect(page.getByText('0 / 200 회')).toBeVisible();

  await page.getByLabel('메시지').fill('AHP에서 일관성 비율이 0.1을 넘으면 어떻게 하나요?');
  await page.getByRole('button', { name: '보내기' }).click();
  const log = page.getByRole('list', { name: '대화' });
  await expect(log.getByText(/Sandbox answer/)).toBeVisible();
  await expect(log.getByText(/토큰 · sandbox-echo/)).toBeVisible();
  await expect(page.getByText('1 / 200 회')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/researcher-chat.png', fullPage: true });

  // A new conversation is a new prompt-log session.
  await page.getByRole('button', { name: '새 대화' }).click();
  await page.getByLabel('메시지').fill('평가 기준을 다시 정리해 주세요');
  await page.getByRole('button', { name: '보내기' }).click();
  await expect(log.getByText(/토큰 · sandbox-echo/)).toBeVisible();
  // Counted means written: the usage card waits for the member's own calls, and the prompt-log entry is in the same batch.
  await expect(page.getByText('2 / 200 회')).toBeVisible();

  // Both chats are in the prompt log without any extra step, each its own session, and export as development logs.
  await page.getByRole('link', { name: '프롬프트 로그' }).click();
  const sessions = page.getByRole('navigation', { name: '세션' }).getByRole('button', { name: /^chat-[0-9a-f]{8}$/ });
  await expect(sessions).toHaveCount(2);
  const preview = page.getByRole('article', { name: '개발일지 미리보기' });
  const names: string[] = [];
  for (const [i, prompt] of ['평가 기준을 다시 정리해 주세요', 'AHP에서 일관성 비율이 0.1을 넘으면 어떻게 하나요?'].entries()) {
    await sessions.nth(i).click();
    await expect(preview.getByRole('heading', { name: '개발일지 - 프롬프트 로그' })).toBeVisible();
    await expect(preview.getByText(prompt, { exact: true })).toBeVisible();
    await expect(preview.getByRole('heading', { name: /^1\. 챗봇 \(/ })).toBeVisible();
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: 'Markdown 내려받기' }).click();
    names.push((await download).suggestedFilename());
  }
  for (const name of names) expect(name).toMatch(/^개발일지_\d{8}_chat-[0-9a-f]{8}_프롬프트_로그\.md$/);
  expect(names[0]).not.toBe(names[1]);
  await page.screenshot({ path: 'e2e/artifacts/prompt-log.png', fullPage: true });

  // The super-admin sees the call in usage monitoring.
  await page.getByRole('button', { name: '로그아웃' }).click();
  await page.getByLabel('아이디').fill(admin.username);
  await page.getByLabel('비밀번호').fill(admin.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await page.getByRole('tab', { name: '사용량 모니터링' }).click();
  const callLog = page.getByRole('table', { name: '호출 로그' });
  await expect(callLog.getByRole('row').filter({ hasText: username }).first()).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/usage-monitoring.png', fullPage: true });
});
