import { expect, test, type Page } from '@playwright/test';
import { admin, cspViolations, expectNoHorizontalOverflow, login, openAs, researcherOn, send } from './support';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const ADMIN_PAGES = [
  ['ai-settings', '/admin/ai-service?tab=settings', 'AI 서비스 관리'],
  ['ai-users', '/admin/ai-service?tab=users', 'AI 서비스 관리'],
  ['ai-usage', '/admin/ai-service?tab=usage', 'AI 서비스 관리'],
  ['ai-billing', '/admin/ai-service?tab=billing', 'AI 서비스 관리'],
  ['analytics', '/admin/analytics', '사용량 분석'],
  ['plans', '/admin/plans', '요금제'],
  ['members', '/admin/members', '회원'],
  ['admin-prompt-log', '/prompt-logs', '프롬프트 로그'],
  ['admin-account', '/account', '내 계정'],
] as const;

const RESEARCHER_PAGES = [
  ['workspace-chat', '/me?tab=chat', '내 AI 작업 공간'],
  ['workspace-analysis', '/me?tab=analysis', '내 AI 작업 공간'],
  ['workspace-generation', '/me?tab=generation', '내 AI 작업 공간'],
  ['workspace-api-keys', '/me?tab=api-keys', '내 AI 작업 공간'],
  ['prompt-log', '/prompt-logs', '프롬프트 로그'],
  ['account', '/account', '내 계정'],
  ['my-statements', '/me/statements', '내 청구서'],
] as const;

async function visit(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '불러오는 중' })).toHaveCount(0);
}

/** The header's menu on a phone: a button that opens the links, and Escape that closes it. */
async function expectHeaderMenuWorks(page: Page, link: string) {
  const toggle = page.getByRole('button', { name: '메뉴' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: link })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('link', { name: link })).toBeVisible();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeInViewport();
  await expectNoHorizontalOverflow(page);
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
}

test('every admin page fits a phone in Korean, with a working header menu; screenshots at phone and desktop size', async ({ page, request }) => {
  const someone = await researcherOn(request, 'basic');
  const them = await login(request, someone);
  const refused = cspViolations(page);
  await request.post('/api/ai/chat', { headers: { Authorization: `Bearer ${them.token}` }, data: { messages: [{ role: 'user', content: '쌍대비교 행렬의 일관성 비율을 초기화하려면?' }] } });
  await openAs(page, await login(request, admin), '/admin/ai-service');

  await page.setViewportSize(PHONE);
  for (const [name, path, heading] of ADMIN_PAGES) {
    await visit(page, path, heading);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `e2e/artifacts/screens/${name}-390.png`, fullPage: true });
  }
  await expectHeaderMenuWorks(page, '요금제');
  await page.getByRole('button', { name: '메뉴' }).click();
  await page.screenshot({ path: 'e2e/artifacts/screens/header-menu-390.png' });
  await page.getByRole('link', { name: '회원' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '회원' })).toBeVisible();
  await expect(page.getByRole('button', { name: '메뉴' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'CSV 가져오기' }).click();
  const importer = page.getByRole('dialog', { name: 'CSV로 회원 가져오기' });
  await expect(importer.getByText('파일 선택', { exact: true })).toBeVisible();
  await expect(importer.getByText('선택한 파일 없음')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/members-import-390.png', fullPage: true });
  await importer.getByRole('button', { name: '닫기' }).first().click();

  await page.setViewportSize(DESKTOP);
  for (const [name, path, heading] of ADMIN_PAGES) {
    await visit(page, path, heading);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `e2e/artifacts/screens/${name}-1440.png`, fullPage: true });
  }
  await expect(page.getByRole('button', { name: '메뉴' })).toBeHidden();
  await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
  expect(refused, 'nothing the pages need is refused by the Content-Security-Policy').toEqual([]);
});

test('every researcher page fits a phone in Korean, with a working header menu; screenshots at phone and desktop size', async ({ page, request }) => {
  const researcher = await researcherOn(request, 'premium');
  const session = await login(request, researcher);
  const refused = cspViolations(page);
  await request.post('/api/me/api-keys', { headers: { Authorization: `Bearer ${session.token}` }, data: { name: 'jupyter' } });
  await openAs(page, session, '/me');
  await page.setViewportSize(PHONE);
  await send(page, 'AHP에서 일관성 비율이 0.1을 넘으면 어떻게 하나요?');
  await expect(page.getByText(/토큰 · sandbox-echo/)).toBeVisible();

  for (const [name, path, heading] of RESEARCHER_PAGES) {
    await visit(page, path, heading);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `e2e/artifacts/screens/${name}-390.png`, fullPage: true });
  }
  await expectHeaderMenuWorks(page, '내 AI');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await visit(page, '/me?tab=api-keys', '내 AI 작업 공간');
  await page.getByLabel('키 이름').fill('notebook');
  await page.getByRole('button', { name: '키 만들기' }).click();
  await page.getByRole('button', { name: '코드 복사' }).click();
  await expect(page.getByRole('button', { name: '복사됨' })).toBeVisible();
  const snippet = page.locator('pre.snippet');
  expect(await snippet.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/workspace-new-key-390.png', fullPage: true });

  await page.setViewportSize(DESKTOP);
  for (const [name, path, heading] of RESEARCHER_PAGES) {
    await visit(page, path, heading);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `e2e/artifacts/screens/${name}-1440.png`, fullPage: true });
  }
  expect(refused, 'nothing the pages need is refused by the Content-Security-Policy').toEqual([]);
});

test('the page says its language, English counts in the singular and plural, and the app has an icon', async ({ page, request }) => {
  await researcherOn(request, 'basic');
  const missing: string[] = [];
  page.on('response', (r) => { if (r.status() === 404) missing.push(r.url()); });
  await openAs(page, await login(request, admin), '/admin/plans');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.getByLabel('언어').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plans' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'AI service' }).click();
  await expect(page.getByText('1 member', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('1 members')).toHaveCount(0);
  await page.screenshot({ path: 'e2e/artifacts/screens/ai-settings-en-1280.png', fullPage: true });
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await request.get(icon!)).status()).toBe(200);
  expect(missing).toEqual([]);
  await page.getByLabel('Language').selectOption('ko');
});
