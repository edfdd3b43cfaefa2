import { expect, test } from '@playwright/test';
import { admin, cspViolations, expectNoHorizontalOverflow, login, openAs, researcherOn } from './support';

test('the analytics view draws its charts from calls made through the sandbox provider, in Korean on a phone', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'premium');
  const session = await login(request, researcher);
  const headers = { Authorization: `Bearer ${session.token}` };
  const refused = cspViolations(page);
  // Three features in the web app and one call from a notebook through /v1.
  for (const [path, content] of [['/api/ai/chat', 'AHP가 뭔가요?'], ['/api/ai/analysis', 'CR 0.12를 해석해 주세요'],
    ['/api/ai/generation', '대안 세 가지를 제안해 주세요']] as const) {
    expect((await request.post(path, { headers, data: { messages: [{ role: 'user', content }] } })).status()).toBe(200);
  }
  const key = (await (await request.post('/api/me/api-keys', { headers, data: { name: 'notebook' } })).json()).key as string;
  expect((await request.post('/v1/chat/completions', { headers: { Authorization: `Bearer ${key}` },
    data: { model: 'sandbox-echo', messages: [{ role: 'user', content: 'hello' }] } })).status()).toBe(200);

  // The roll-ups are written with the usage rows, a flush after the answers: wait for them, never sleep.
  const boss = await login(request, admin);
  await expect.poll(async () => {
    const report = await (await request.get(`/api/admin/analytics?member_id=${researcher.id}`,
      { headers: { Authorization: `Bearer ${boss.token}` } })).json();
    return report.totals.requests;
  }).toBe(4);

  await page.setViewportSize({ width: 390, height: 844 });
  await openAs(page, boss, `/admin/analytics?member_id=${researcher.id}`);
  await expect(page.getByRole('heading', { level: 1, name: '사용량 분석' })).toBeVisible();
  await expect(page.getByText('김지우 님의 사용량만 보는 중')).toBeVisible();
  for (const name of ['모델별 비용', '기능별 토큰', '응답 시간 (p50)', '회원 × 모델 비용']) {
    const drawing = page.getByRole('img', { name }).locator('svg').first();
    await expect(drawing).toBeVisible();
    const box = (await drawing.boundingBox())!;
    expect(box.width, `${name} is drawn across the card`).toBeGreaterThan(250);
    expect(box.height, `${name} has height`).toBeGreaterThan(150);
  }
  const tokens = page.getByRole('img', { name: '기능별 토큰' });
  for (const feature of ['챗봇', '분석', '생성']) await expect(tokens.getByText(feature, { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: '모델별 비용' }).getByText('sandbox-echo')).toBeVisible();
  await expect(page.getByRole('img', { name: '응답 시간 (p50)' }).getByText('응답 p95')).toBeVisible();
  await expect(page.getByRole('table', { name: '비용 상위 회원' }).getByText('김지우')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/analytics-charts-390.png', fullPage: true });

  // Filters live in the URL: the breakdown by channel shows the web app and the notebook's /v1 calls.
  await page.getByLabel('나눠 보기').selectOption('channel');
  await expect(page).toHaveURL(/group_by=channel/);
  const byChannel = page.getByRole('img', { name: '채널별 비용' });
  await expect(byChannel.getByText('웹 앱')).toBeVisible();
  await expect(byChannel.getByText('API (/v1)')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('나눠 보기')).toHaveValue('channel');
  expect(refused, 'the charts need nothing the Content-Security-Policy refuses').toEqual([]);
});
