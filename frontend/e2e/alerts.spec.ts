import { expect, test } from '@playwright/test';
import { admin, expectNoHorizontalOverflow, login, openAs, researcherOn, send } from './support';

const PHONE = { width: 390, height: 844 };

test('a member crossing a threshold hears it in the open tab, and the Alerts page fits a phone', async ({ page, request, browser }) => {
  const boss = await login(request, admin);
  const headers = { Authorization: `Bearer ${boss.token}` };
  const someone = await researcherOn(request, 'free');
  const plans = await (await request.get('/api/admin/plans', { headers })).json();
  const free = plans.find((p: { name: string }) => p.name === 'free');
  const channel = await request.post('/api/admin/alert-channels', { headers,
    data: { name: `운영 알림 ${Date.now()}`, kind: 'email', recipients: ['ops@lab.example'], language: 'ko' } });
  expect(channel.status()).toBe(201);
  const rule = await request.post('/api/admin/alert-rules', { headers,
    data: { name: `무료 요금제 요청 ${Date.now()}`, metric: 'member_requests', thresholds: [5, 50], plan_id: free.id, channel_ids: [] } });
  expect(rule.status()).toBe(201);

  // The member's tab is open on the workspace; one request of 20 is 5 %.
  await page.setViewportSize(PHONE);
  await openAs(page, await login(request, someone), '/me?tab=chat');
  const bell = page.getByRole('button', { name: /^알림 \(읽지 않음/ });
  await expect(bell).toHaveAccessibleName('알림 (읽지 않음 0개)');
  await send(page, '쌍대비교 행렬의 일관성 비율을 설명해 주세요');
  await expect(bell).toHaveAccessibleName('알림 (읽지 않음 1개)', { timeout: 5000 });
  await bell.click();
  await expect(page.getByText('오늘 요청 한도의 5%를 사용했습니다 (1 / 20회)')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/bell-390.png' });
  await page.getByRole('button', { name: '모두 읽음' }).click();
  await expect(bell).toHaveAccessibleName('알림 (읽지 않음 0개)');

  // The super-admin's Alerts page, on a phone.
  const adminPage = await browser.newPage({ viewport: PHONE });
  await openAs(adminPage, boss, '/admin/alerts');
  await expect(adminPage.getByRole('heading', { level: 1, name: '알림 설정' })).toBeVisible();
  await expect(adminPage.getByText('5%, 50%')).toBeVisible();
  await expectNoHorizontalOverflow(adminPage);
  await adminPage.screenshot({ path: 'e2e/artifacts/screens/alerts-390.png', fullPage: true });
  await adminPage.getByRole('button', { name: '새 채널' }).click();
  await expect(adminPage.getByRole('dialog', { name: '새 채널' })).toBeVisible();
  await expectNoHorizontalOverflow(adminPage);
  await adminPage.close();
});
