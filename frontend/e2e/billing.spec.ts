import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { runSql } from './database';
import { admin, expectNoHorizontalOverflow, login, openAs, researcherOn } from './support';

const PHONE = { width: 390, height: 844 };

/** The month before this one in the platform's zone, and its length. */
function lastMonth() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 2, 1));
  const month = `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`;
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const thisMonth = `${y}-${String(m).padStart(2, '0')}`;
  return { month, days, thisMonth, label: `${first.getUTCFullYear()}년 ${first.getUTCMonth() + 1}월` };
}

async function saved(page: Page, click: () => Promise<void>, url: RegExp): Promise<{ download: Download; bytes: Buffer; type: string }> {
  const [download, response] = await Promise.all([page.waitForEvent('download'), page.waitForResponse((r) => url.test(r.url())), click()]);
  const file = await download.path();
  return { download, bytes: readFileSync(file!), type: response.headers()['content-type'] ?? '' };
}

test('a super-admin closes last month and downloads a statement PDF and the CSV; the researcher downloads theirs (Korean, 390 px)', async ({ page, request, browser }) => {
  const { month, days, thisMonth, label } = lastMonth();
  // Last month's history, which only time could write: basic from the 1st, premium from the 16th, three calls.
  const researcher = await researcherOn(request, 'basic');
  runSql(`
    INSERT INTO plan_assignments (member_id, username, first_name, last_name, email, plan_id, plan_name, plan_display_name, monthly_fee, started_at, ended_at)
    SELECT m.id, m.username, m.first_name, m.last_name, m.email, p.id, p.name, p.display_name, p.monthly_cost, s, e
      FROM members m, plans p,
           (VALUES ('basic', TIMESTAMPTZ '${month}-01 09:00:00+09', TIMESTAMPTZ '${month}-16 10:00:00+09'),
                   ('premium', TIMESTAMPTZ '${month}-16 10:00:00+09', TIMESTAMPTZ '${thisMonth}-01 00:00:00+09')) AS h(plan, s, e)
     WHERE m.id = ${researcher.id} AND p.name = h.plan;
    INSERT INTO usage_logs (created_at, member_id, provider, model, request_type, channel, status, prompt_tokens, completion_tokens, total_tokens, cost, latency_ms)
    VALUES ('${month}-10 14:00:00+09', ${researcher.id}, 'openai', 'gpt-4o', 'chatbot', 'app', 'ok', 1000, 100, 1100, 0.0035, 900),
           ('${month}-11 15:00:00+09', ${researcher.id}, 'openai', 'gpt-4o', 'chatbot', 'app', 'ok', 1000, 100, 1100, 0.0035, 800),
           ('${month}-20 11:00:00+09', ${researcher.id}, 'openai', 'my-own-model', 'analysis', 'app', 'ok', 300, 50, 350, NULL, 700);`);
  const cents = (x: number) => Math.round(x * 100) / 100;
  const fees = cents(10 * 15 / days) + cents(30 * (days - 15) / days);
  const totalKrw = Math.round(fees * 1385.5) + Math.floor(Math.round(fees * 1385.5) / 10);

  await page.setViewportSize(PHONE);
  await openAs(page, await login(request, admin), `/admin/ai-service?tab=billing&month=${month}`);
  await expect(page.getByLabel('월')).toHaveValue(month);
  await expect(page.getByText('진행 중', { exact: true })).toBeVisible();

  // The month's rate and VAT, then the close (confirmed, audited by the server).
  await page.getByLabel('환율 (1 USD당 원)').fill('1385.5');
  await page.getByLabel('부가세 10% 추가').check();
  await page.getByRole('button', { name: '저장' }).click();
  await expect(page.getByText('환율을 저장했습니다')).toBeVisible();
  await page.getByRole('button', { name: '이 달 마감' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '이 달 마감' }).click();
  await expect(page.getByText(`${label}을(를) 마감했습니다`)).toBeVisible();
  await expect(page.getByText('마감', { exact: true })).toBeVisible();
  await expect(page.getByLabel('환율 (1 USD당 원)')).toBeDisabled();

  await page.getByRole('searchbox', { name: '검색' }).fill(researcher.username);
  const row = page.getByRole('row').filter({ hasText: researcher.username });
  await expect(row).toHaveCount(1);
  await expect(row.getByText(`₩${totalKrw.toLocaleString('en-US')}`)).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/billing-closed-390.png', fullPage: true });

  // The statement, its PDF, and the month's CSV.
  await row.getByRole('button', { name: /보기/ }).click();
  const dialog = page.getByRole('dialog');
  // Basic for the first 15 days, premium for the rest (also 15 in a 30-day month: then both lines read 15/30).
  const planLines = dialog.getByRole('table', { name: '요금제' });
  await expect(planLines.getByText(`15/${days}일`).first()).toBeVisible();
  await expect(planLines.getByText(`${days - 15}/${days}일`).last()).toBeVisible();
  await expect(dialog.getByText('가격 미등록 호출 1건은 비용에 포함되지 않습니다.')).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'e2e/artifacts/screens/billing-statement-390.png', fullPage: true });
  const pdf = await saved(page, () => dialog.getByRole('button', { name: 'PDF 내려받기' }).click(), /format=pdf/);
  expect(pdf.type).toBe('application/pdf');
  expect(pdf.download.suggestedFilename()).toBe(`${month}_${researcher.username}_${researcher.id}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(10_000);
  writeFileSync('e2e/artifacts/screens/statement.pdf', pdf.bytes);
  await dialog.getByRole('button', { name: '닫기' }).click();

  const csv = await saved(page, () => page.getByRole('button', { name: 'CSV 내려받기' }).click(), /format=csv/);
  expect(csv.type).toBe('text/csv; charset=utf-8');
  expect(csv.download.suggestedFilename()).toBe(`statements-${month}.csv`);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF월,상태,회원 ID,아이디')).toBe(true);
  expect(text).toContain(`${month},closed,${researcher.id},${researcher.username},김지우`);
  expect(text).toContain(`,${totalKrw}\r\n`);

  // The researcher finds 내 청구서 in their menu and downloads last month's.
  const phone = await browser.newContext({ viewport: PHONE, locale: 'ko-KR' });
  const theirs = await phone.newPage();
  await openAs(theirs, await login(request, researcher), '/me');
  await theirs.getByRole('button', { name: '메뉴' }).click();
  await theirs.getByRole('link', { name: '내 청구서' }).click();
  await expect(theirs.getByRole('heading', { level: 1, name: '내 청구서' })).toBeVisible();
  const mine = theirs.getByRole('row').filter({ hasText: label });
  await expect(mine.getByText('마감')).toBeVisible();
  await mine.getByRole('button', { name: /보기/ }).click();
  await expect(theirs.getByRole('region', { name: label }).getByText('프리미엄 ($30/월)')).toBeVisible();
  await expectNoHorizontalOverflow(theirs);
  await theirs.screenshot({ path: 'e2e/artifacts/screens/my-statements-390.png', fullPage: true });
  const own = await saved(theirs, () => mine.getByRole('button', { name: 'PDF 내려받기' }).click(), /\/api\/me\/statements\/.*format=pdf/);
  expect(own.type).toBe('application/pdf');
  expect(own.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(own.bytes.length).toBeGreaterThan(10_000);
  await phone.close();
});
