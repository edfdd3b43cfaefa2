import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { admin, cspViolations, expectNoHorizontalOverflow, login, openAs } from './support';

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/screens/${name}.png`, fullPage: true });

/** Opens a page of the platform settings from the header's menu, as a phone shows it, and then its tab. */
async function goTo(page: Page, tab: string, heading: string) {
  await page.getByRole('button', { name: '메뉴' }).click();
  await page.getByRole('link', { name: '플랫폼 설정' }).click();
  await page.getByRole('navigation', { name: '플랫폼 설정' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '불러오는 중' })).toHaveCount(0);
}

test('on a phone, in Korean, a super-admin edits a price, finds it in the audit log, downloads the CSV and changes retention', async ({ page, request }) => {
  const boss = await login(request, admin);
  const headers = { Authorization: `Bearer ${boss.token}` };
  const refused = cspViolations(page);
  const stamp = `${Date.now()}`;
  const model = `e2e-llm-${stamp}`;
  const created = await request.post('/api/admin/model-prices', { headers,
    data: { provider: 'openai_compatible', model, input_per_mtok: 0.5, output_per_mtok: 1.5 } });
  expect(created.status()).toBe(201);
  const priceId: number = (await created.json()).id;
  // An AI setting that calls a model nobody has priced (inactive: no spec routes calls to it).
  expect((await request.post('/api/admin/ai-settings', { headers, data: { name: `Lab vLLM ${stamp}`, provider: 'openai_compatible',
    base_url: 'http://vllm.lab.example:8000/v1', model_name: `unpriced-${stamp}`, is_active: false } })).status()).toBe(201);

  try {
    await page.setViewportSize(PHONE);
    await openAs(page, boss, '/admin/plans');
    await goTo(page, '모델 가격', '모델 가격');
    await expect(page.getByRole('region', { name: /가격이 없는 모델/ }).getByText(`unpriced-${stamp}`)).toBeVisible();
    await page.getByRole('searchbox', { name: '모델 검색' }).fill(model);
    await expect(page.getByRole('row')).toHaveCount(2);
    await expectNoHorizontalOverflow(page);
    await shot(page, 'pricing-390');

    // An output price with seven decimals is refused on its field; a good one is saved.
    await page.getByRole('button', { name: `${model} 가격 수정` }).click();
    const dialog = page.getByRole('dialog', { name: '가격 수정' });
    await expect(dialog.getByLabel('출처')).toHaveValue('');
    await dialog.getByLabel('출력').fill('0.6500001');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog.getByLabel('출력')).toHaveAccessibleDescription('소수점 아래 6자리까지 가능합니다');
    await expectNoHorizontalOverflow(page);
    await shot(page, 'pricing-edit-390');
    await dialog.getByLabel('출력').fill('0.65');
    await dialog.getByRole('button', { name: '저장' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('저장되었습니다')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: model })).toContainText('US$0.65');

    // The change, in the audit log filtered by the entity.
    await goTo(page, '감사 로그', '감사 로그');
    await page.getByLabel('대상 종류').selectOption('model_price');
    await page.getByLabel('대상 ID').fill(String(priceId));
    await expect(page.getByText('2건')).toBeVisible();
    const rows = page.getByRole('table', { name: '감사 로그' }).getByRole('row');
    await expect(rows.nth(1)).toContainText('가격 변경');
    await expect(rows.nth(2)).toContainText('가격 추가');
    expect(new URL(page.url()).searchParams.get('entity_id')).toBe(String(priceId));
    await expectNoHorizontalOverflow(page);
    await shot(page, 'audit-390');
    await rows.nth(1).getByRole('button', { name: /가격 변경 상세/ }).click();
    const detail = page.getByRole('dialog', { name: '기록 상세' });
    // The price and the time it was set.
    await expect(detail.getByText('2개 항목이 바뀌었습니다')).toBeVisible();
    const changed = detail.getByRole('row').filter({ hasText: 'output_per_mtok' });
    await expect(changed).toContainText('변경');
    await expect(changed).toContainText('1.5');
    await expect(changed).toContainText('0.65');
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: 'e2e/artifacts/screens/audit-detail-390.png' });
    await detail.getByRole('button', { name: '닫기' }).last().click();

    // The CSV of that filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV 다운로드' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^labgate-audit-log-\d{8}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,created_at,actor,action,entity_type,entity_id,before,after');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['model_price.update', 'model_price.create']);
    expect(lines[1]).toContain(`,model_price,${priceId},`);
    expect(lines[1]).toMatch(/\+09:00,admin,/);

    // Content retention on the platform settings page, then back as it was for the other specs.
    await goTo(page, '일반', '플랫폼 설정');
    await expect(page.getByRole('radio', { name: '전체 보관' })).toBeChecked();
    await page.getByRole('radio', { name: '앞부분만 보관' }).check();
    await page.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('보관 방식을 바꿨습니다: 앞부분만 보관')).toBeVisible();
    await expect(page.getByRole('radio', { name: '앞부분만 보관' })).toHaveAccessibleDescription(/^현재 앞 500자만/);
    await expectNoHorizontalOverflow(page);
    await shot(page, 'settings-390');
    const retention = await (await request.get('/api/admin/usage-settings', { headers })).json();
    expect(retention.content_retention).toBe('truncated');
    await page.getByRole('radio', { name: '전체 보관' }).check();
    await page.getByRole('button', { name: '저장' }).click();
    await expect(page.getByText('보관 방식을 바꿨습니다: 전체 보관')).toBeVisible();

    await goTo(page, '감사 로그', '감사 로그');
    await page.getByLabel('대상 종류').selectOption('usage_settings');
    await expect(page.getByRole('table', { name: '감사 로그' }).getByRole('row').nth(1)).toContainText('내용 보관 변경');

    await page.getByRole('button', { name: '메뉴' }).click();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: 'e2e/artifacts/screens/admin-menu-390.png' });
    await page.keyboard.press('Escape');
    expect(refused, 'nothing the pages need is refused by the Content-Security-Policy').toEqual([]);
  } finally {
    await request.put('/api/admin/usage-settings', { headers, data: { content_retention: 'full' } });
  }
});

test('the new admin pages fit a desktop and a tablet with the header in one piece', async ({ page, request }) => {
  await openAs(page, await login(request, admin), '/admin/pricing');
  for (const [width, height] of [[1440, 900], [1280, 800], [1024, 768], [800, 1000]] as const) {
    await page.setViewportSize({ width, height });
    for (const [name, path, heading] of [['pricing', '/admin/pricing', '모델 가격'], ['audit', '/admin/audit', '감사 로그'],
      ['settings', '/admin/settings', '플랫폼 설정']] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '불러오는 중' })).toHaveCount(0);
      // Wide enough for every link in one row, or folded into the menu; never wrapped over several rows.
      const menu = page.getByRole('button', { name: '메뉴' });
      if (width > 1200) {
        await expect(menu).toBeHidden();
        await expect(page.getByRole('button', { name: '로그아웃' })).toBeInViewport();
        const nav = await page.getByRole('navigation', { name: '주 메뉴' }).boundingBox();
        expect(nav!.height, `links in one row at ${width}px`).toBeLessThan(60);
      } else {
        await menu.click();
        await expect(page.getByRole('link', { name: '플랫폼 설정' })).toBeInViewport();
        await expect(page.getByRole('button', { name: '로그아웃' })).toBeInViewport();
        await page.keyboard.press('Escape');
      }
      await expectNoHorizontalOverflow(page);
      await shot(page, `${name}-${width}`);
    }
  }
});
