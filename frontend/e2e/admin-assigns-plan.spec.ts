import { expect, test } from '@playwright/test';

const admin = { username: process.env.E2E_ADMIN_USERNAME ?? 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'admin-password-123' };

test('a super-admin adds a provider setting and assigns a plan to a new researcher', async ({ page }) => {
  const stamp = Date.now();
  const researcher = `e2e${stamp}`;
  const settingName = `Sandbox ${stamp}`;

  await page.goto('/');
  await page.getByLabel('아이디').fill(admin.username);
  await page.getByLabel('비밀번호').fill(admin.password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page.getByRole('heading', { name: 'AI 서비스 관리' })).toBeVisible();

  // A researcher, created through the Members page.
  await page.getByRole('link', { name: '회원' }).click();
  await page.getByRole('button', { name: '새 회원' }).click();
  const memberDialog = page.getByRole('dialog', { name: '새 회원' });
  await memberDialog.getByLabel('아이디').fill(researcher);
  await memberDialog.getByLabel('이메일').fill(`${researcher}@lab.example`);
  await memberDialog.getByLabel('성').fill('Kim');
  await memberDialog.getByLabel('이름').fill(`E2E ${stamp}`);
  await memberDialog.getByLabel('비밀번호').fill('researcher-password');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(memberDialog).toBeHidden();
  await expect(page.getByRole('cell', { name: researcher, exact: true })).toBeVisible();

  // A provider setting (the offline sandbox).
  await page.getByRole('link', { name: 'AI 서비스 관리' }).click();
  await page.getByRole('button', { name: '새 AI 설정 추가' }).click();
  const settingDialog = page.getByRole('dialog', { name: '새 AI 설정 추가' });
  await settingDialog.getByLabel('이름').fill(settingName);
  await settingDialog.getByLabel('제공자').selectOption('sandbox');
  await page.getByRole('button', { name: '저장' }).click();
  await expect(settingDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: settingName })).toBeVisible();
  await page.getByRole('listitem').filter({ hasText: settingName }).getByRole('button', { name: '연결 테스트' }).click();
  await expect(page.getByText(/연결 성공/)).toBeVisible();

  // Assign the basic plan with that setting.
  await page.getByRole('tab', { name: '사용자 관리' }).click();
  await page.getByRole('button', { name: 'AI 기능 할당' }).click();
  const assignDialog = page.getByRole('dialog', { name: 'AI 기능 할당' });
  await assignDialog.getByLabel('회원 검색').fill(researcher);
  await assignDialog.getByRole('checkbox', { name: new RegExp(researcher) }).check();
  await assignDialog.getByLabel('요금제').selectOption({ label: '기본형 ($10/월)' });
  await assignDialog.getByLabel('AI 설정').selectOption({ label: `${settingName} (sandbox-echo)` });
  await assignDialog.getByRole('button', { name: '할당' }).click();
  await expect(page.getByText('1명의 사용자에게 AI 기능이 할당되었습니다')).toBeVisible();

  const row = page.getByTestId(`access-row-${researcher}`);
  await expect(row).toBeVisible();
  await expect(row.getByText('기본형 ($10/월)')).toBeVisible();
  await expect(row.getByText('0 / 1,000,000 토큰')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/users-tab.png', fullPage: true });
});
