import { expect, test } from '@playwright/test';
import { admin, login } from './support';

// The host platform's OpenID provider is started by scripts/e2e.sh (backend/src/test/oidc), and LabGate is
// connected to it: groups "labgate-admins" → super-admin, new researchers on the basic plan.
const issuer = process.env.E2E_OIDC_ISSUER;

test.describe('signing in with the platform account', () => {
  test.skip(!issuer, 'needs the OpenID provider that scripts/e2e.sh starts');

  test('a researcher of the platform signs in through it and lands in their own workspace', async ({ page, request, context }) => {
    const account = `plat${Date.now()}`;
    await page.goto('/login');
    await page.getByRole('link', { name: '플랫폼 계정으로 로그인' }).click();

    // The platform's own login page, on the platform's origin.
    await expect(page).toHaveURL(new RegExp(`^${issuer}/interaction/`));
    await page.locator('input[name="login"]').fill(account);
    await page.locator('input[name="password"]').fill('platform-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await expect(page).toHaveURL(/\/me$/);
    await expect(page.getByRole('heading', { name: '내 AI 작업 공간' })).toBeVisible();
    // The one-time code was redeemed and its cookie cleared; the session is LabGate's own.
    expect((await context.cookies()).some((c) => c.name === 'labgate_sign_in' && c.value !== '')).toBe(false);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('labgate.session') ?? 'null'));
    expect(stored.user.username).toBe(account);

    // The super-admin finds the new member, created with the default plan.
    const boss = await login(request, admin);
    const headers = { Authorization: `Bearer ${boss.token}` };
    const members = await (await request.get(`/api/admin/members?q=${account}`, { headers })).json();
    const member = members.items.find((m: { username: string }) => m.username === account);
    expect(member).toMatchObject({ email: `${account}@platform.example`, role: 'researcher', is_active: true });
    const access = await request.get(`/api/admin/user-ai-access/members/${member.id}`, { headers });
    expect(access.status()).toBe(200);
    expect((await access.json()).access.plan.name).toBe('basic');
  });

  test('a member the admin deactivated is told so, and stays signed out', async ({ page, request }) => {
    const account = `plat-off${Date.now()}`;
    // First sign-in creates the member.
    await page.goto('/login');
    await page.getByRole('link', { name: '플랫폼 계정으로 로그인' }).click();
    await page.locator('input[name="login"]').fill(account);
    await page.locator('input[name="password"]').fill('platform-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await expect(page).toHaveURL(/\/me$/);

    const boss = await login(request, admin);
    const headers = { Authorization: `Bearer ${boss.token}` };
    const members = await (await request.get(`/api/admin/members?q=${account}`, { headers })).json();
    const id = members.items.find((m: { username: string }) => m.username === account).id;
    expect((await request.patch(`/api/admin/members/${id}`, { headers, data: { is_active: false } })).status()).toBe(200);

    // Signing in again goes through the platform (its session remembers the account) and is refused here.
    await page.evaluate(() => localStorage.removeItem('labgate.session'));
    await page.goto('/login');
    await page.getByRole('link', { name: '플랫폼 계정으로 로그인' }).click();
    await expect(page).toHaveURL(/\/login\/sso\?error=account_inactive$/);
    await expect(page.getByRole('alert')).toHaveText('계정이 비활성화되어 있습니다');
    await page.getByRole('link', { name: '로그인 화면으로' }).click();
    await expect(page).toHaveURL(/\/login$/);
  });
});
