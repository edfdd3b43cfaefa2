import { expect, test } from '@playwright/test';
import { login, openAs, researcherOn, send } from './support';

test.use({ viewport: { width: 390, height: 844 } });

test('a conversation survives switching tabs and a reload, and the newest message stays in view', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'basic');
  await openAs(page, await login(request, researcher), '/me');
  const log = page.getByRole('list', { name: '대화' });

  for (let i = 1; i <= 6; i++) {
    await send(page, `질문 ${i}: 기준 ${i}개의 쌍대비교는 몇 번 해야 하나요?`);
    await expect(log.getByText(`You asked: "질문 ${i}:`, { exact: false })).toBeVisible();
  }
  const newest = log.getByRole('listitem').last();
  await expect(newest).toContainText('질문 6');
  await expect(newest).toBeInViewport();
  const scroll = await log.evaluate((el) => ({ top: el.scrollTop, max: el.scrollHeight - el.clientHeight }));
  expect(scroll.max).toBeGreaterThan(0);
  expect(scroll.max - scroll.top).toBeLessThan(2);
  await page.screenshot({ path: 'e2e/artifacts/screens/workspace-long-chat-390.png' });

  await page.getByRole('tab', { name: 'API 키' }).click();
  await expect(log).toBeHidden();
  await page.getByRole('tab', { name: '채팅' }).click();
  await expect(log.getByText('질문 1:', { exact: false })).toHaveCount(2);
  await expect(log.getByRole('listitem').last()).toBeInViewport();

  await page.reload();
  await expect(log.getByRole('listitem')).toHaveCount(12);
  await expect(log.getByRole('listitem').last()).toBeInViewport();
});

test('a free-plan member sees analysis and generation locked, with the plans that include them', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'free');
  await openAs(page, await login(request, researcher), '/me');
  await expect(page.getByRole('tab', { name: '채팅' })).toBeVisible();
  await page.getByRole('tab', { name: /분석.*잠김/ }).click();
  const locked = page.getByRole('region', { name: '분석 기능은 잠겨 있습니다' });
  await expect(locked).toContainText('지금 요금제(무료 (제한적))에는 분석 기능이 포함되어 있지 않습니다.');
  await expect(locked.getByText('기본형 ($10/월)')).toBeVisible();
  await expect(page.getByLabel('메시지')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/screens/workspace-locked-390.png', fullPage: true });
  await page.getByRole('tab', { name: /생성.*잠김/ }).click();
  await expect(page.getByRole('region', { name: '생성 기능은 잠겨 있습니다' }).getByText('프리미엄 ($30/월)')).toBeVisible();
});

test('a disabled member is told why and cannot type', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'basic');
  const boss = await login(request, { username: process.env.E2E_ADMIN_USERNAME ?? 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'admin-password-123' });
  const list = await (await request.get(`/api/admin/user-ai-access?q=${researcher.username}`, { headers: { Authorization: `Bearer ${boss.token}` } })).json();
  await request.patch(`/api/admin/user-ai-access/${list.items[0].access.id}`, { headers: { Authorization: `Bearer ${boss.token}` }, data: { is_enabled: false } });
  await openAs(page, await login(request, researcher), '/me');
  await expect(page.getByText('관리자가 AI 기능을 비활성화했습니다')).toBeVisible();
  await expect(page.getByLabel('메시지')).toBeDisabled();
  await page.screenshot({ path: 'e2e/artifacts/screens/workspace-disabled-390.png', fullPage: true });
});

test('a quota refusal reads in Korean, with its number and a Korean reset time', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'free');
  const session = await login(request, researcher);
  await openAs(page, session, '/me');
  await expect(page.getByLabel('메시지')).toBeEnabled();
  // The free plan's 20 requests of the day are spent elsewhere (a notebook) while the page is open.
  for (let i = 0; i < 20; i++) {
    const answer = await request.post('/api/ai/chat', { headers: { Authorization: `Bearer ${session.token}` },
      data: { messages: [{ role: 'user', content: `노트북 질문 ${i}` }] } });
    expect(answer.status()).toBe(200);
  }
  await send(page, '하나 더 물어봐도 될까요?');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('오늘 요청 한도(20회)에 도달했습니다. 내일 오전 0시에 초기화됩니다');
  await page.screenshot({ path: 'e2e/artifacts/screens/workspace-quota-refused-390.png', fullPage: true });
});
