import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const admin = { username: process.env.E2E_ADMIN_USERNAME ?? 'admin', password: process.env.E2E_ADMIN_PASSWORD ?? 'admin-password-123' };

export interface Session {
  token: string;
  user: { id: number; username: string; role: string };
}

export async function login(request: APIRequestContext, credentials: { username: string; password: string }): Promise<Session> {
  const response = await request.post('/api/auth/login', { data: credentials });
  expect(response.status()).toBe(200);
  const body = await response.json();
  return { token: body.access_token, user: body.user };
}

const auth = (s: Session) => ({ Authorization: `Bearer ${s.token}` });

/** A researcher on the named plan with an offline sandbox provider, set up as a super-admin would. */
export async function researcherOn(request: APIRequestContext, plan: string, first_name = '지우', last_name = '김') {
  const boss = await login(request, admin);
  const stamp = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const username = `r${stamp}`;
  const member = await (await request.post('/api/admin/members', { headers: auth(boss),
    data: { username, email: `${username}@lab.example`, password: 'researcher-password', role: 'researcher', first_name, last_name } })).json();
  const setting = await (await request.post('/api/admin/ai-settings', { headers: auth(boss),
    data: { name: `Sandbox ${stamp}`, provider: 'sandbox', model_name: 'sandbox-echo', max_tokens: 300, temperature: 0.7, hourly_limit: 0, daily_limit: 0, monthly_limit: 0 } })).json();
  const plans = await (await request.get('/api/admin/plans', { headers: auth(boss) })).json();
  const planId = plans.find((p: { name: string }) => p.name === plan).id;
  expect((await request.post('/api/admin/user-ai-access', { headers: auth(boss), data: { user_id: member.id, ai_plan_id: planId, ai_settings_id: setting.id } })).status()).toBe(201);
  return { username, password: 'researcher-password', id: member.id as number, settingId: setting.id as number };
}

/** Starts the SPA already logged in (the session the login page would store). */
export async function openAs(page: Page, session: Session, path: string) {
  await page.goto('/login');
  await page.evaluate((s) => {
    localStorage.setItem('labgate.session', JSON.stringify({ token: s.token, user: s.user, expiresAt: Date.now() + 3_600_000 }));
    localStorage.setItem('labgate.lang', 'ko');
  }, session);
  await page.goto(path);
}

/** The page is no wider than the viewport: nothing forces sideways scrolling of the whole page. */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `document ${scrollWidth}px wide in a ${innerWidth}px viewport at ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

export async function send(page: Page, text: string) {
  await page.getByLabel('메시지').fill(text);
  await page.getByRole('button', { name: '보내기' }).click();
  await expect(page.getByLabel('메시지')).toHaveValue('');
  await expect(page.getByRole('button', { name: '중지' })).toHaveCount(0);
}

/** What the browser refused under the Content-Security-Policy while a test ran: there must be nothing. */
export function cspViolations(page: Page): string[] {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refused.push(message.text());
  });
  return refused;
}
