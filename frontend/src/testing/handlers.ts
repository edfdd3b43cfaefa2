import { http, HttpResponse } from 'msw';
import type { Access, AiSettingInput, AlertChannel, AlertRule, ApiErrorBody, ErrorCode, Member, Plan, Violation } from '@/types/api';
import { access, alertChannel, alertRule, billingMonth, db, member, plan, setting, summaryOf, usage } from './db';
import { analyticsReport } from './analytics';

/** The server's error shape. Its English message is a fallback for API clients: the SPA must never show it. */
export const SERVER_ENGLISH = 'Server English fallback';

export const error = (status: number, code: ErrorCode, params: Record<string, unknown> = {}, violations: Violation[] = []) =>
  HttpResponse.json<ApiErrorBody>({ error: code, message: SERVER_ENGLISH, params, violations }, { status });

const notUnique = (field: string): Violation => ({ field, code: 'not_unique', params: {}, message: SERVER_ENGLISH });

/** Remembers what the SPA sent, for the tests to check. */
export async function record(request: Request) {
  const url = new URL(request.url);
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  let body: unknown = text;
  try { body = text ? JSON.parse(text) : undefined; } catch { /* csv */ }
  db.requests.push({ method: request.method, path: url.pathname + url.search, body, authorization: request.headers.get('Authorization') });
}

export const handlers = [
  http.post('/api/auth/login', async ({ request }) => {
    await record(request);
    const { username, password } = (await request.json()) as { username: string; password: string };
    const user = db.members.find((m) => m.username === username);
    if (!user || password !== 'right-password') return error(401, 'invalid_credentials');
    return HttpResponse.json({ access_token: `token-${user.username}`, token_type: 'Bearer', expires_in: 3600, user });
  }),
  http.get('/api/auth/me', () => HttpResponse.json(db.members[0])),
  http.get('/api/auth/options', () => HttpResponse.json({ platform_sign_in: false, researcher_password_login: true })),
  http.post('/api/auth/oidc/session', () => error(401, 'sign_in_expired')),
  http.post('/api/auth/logout', async ({ request }) => {
    await record(request);
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('/api/auth/password', async ({ request }) => {
    await record(request);
    const { current_password } = (await request.json()) as { current_password: string };
    if (current_password !== 'right-password') {
      return error(400, 'validation_failed', {}, [{ field: 'current_password', code: 'wrong_password', params: {}, message: SERVER_ENGLISH }]);
    }
    const user = db.members.find((m) => `Bearer token-${m.username}` === request.headers.get('Authorization')) ?? db.members[0]!;
    return HttpResponse.json({ access_token: `token-${user.username}-renewed`, token_type: 'Bearer', expires_in: 3600, user });
  }),
  http.post('/api/admin/members/:id/reset-password', async ({ request }) => {
    await record(request);
    return HttpResponse.json({ temporary_password: 'Gen3ratedPassw0rd' });
  }),
  http.post('/api/admin/members/:id/sign-out', async ({ request }) => {
    await record(request);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('/api/admin/plans', () => HttpResponse.json(db.plans)),
  http.post('/api/admin/plans', async ({ request }) => {
    await record(request);
    const created = plan({ ...((await request.json()) as Partial<Plan>), id: 20 + db.plans.length, members_count: 0 });
    db.plans.push(created);
    return HttpResponse.json(created, { status: 201 });
  }),
  http.put('/api/admin/plans/:id', async ({ request, params }) => {
    await record(request);
    const i = db.plans.findIndex((p) => p.id === Number(params.id));
    if (i < 0) return error(404, 'not_found', { resource: 'plan', id: Number(params.id) });
    db.plans[i] = { ...db.plans[i]!, ...((await request.json()) as Partial<Plan>) };
    return HttpResponse.json(db.plans[i]);
  }),
  http.delete('/api/admin/plans/:id', async ({ request, params }) => {
    await record(request);
    const found = db.plans.find((p) => p.id === Number(params.id));
    if (!found) return error(404, 'not_found', { resource: 'plan', id: Number(params.id) });
    if (found.members_count > 0) {
      return error(409, 'plan_in_use', { members: found.members_count });
    }
    db.plans = db.plans.filter((p) => p !== found);
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('/api/admin/ai-settings', () => HttpResponse.json(db.settings)),
  http.post('/api/admin/ai-settings', async ({ request }) => {
    await record(request);
    const input = (await request.json()) as AiSettingInput;
    if (db.settings.some((s) => s.name === input.name)) {
      return error(409, 'duplicate', {}, [notUnique('name')]);
    }
    const created = setting({ ...input, id: 10 + db.settings.length + 1, base_url: input.base_url ?? '', api_key_hint: input.api_key ? 'sk-…' + input.api_key.slice(-4) : null, has_api_key: Boolean(input.api_key) });
    db.settings.push(created);
    return HttpResponse.json(created, { status: 201 });
  }),
  http.post('/api/admin/ai-settings/:id/test-connection', ({ params }) =>
    HttpResponse.json({ success: true, is_valid: true, code: 'model_listed', params: { models: 12, model: `model-${params.id}` },
      message: SERVER_ENGLISH, latency_ms: 42 })),

  http.get('/api/admin/user-ai-access', async ({ request }) => {
    await record(request);
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const assigned = url.searchParams.get('assigned');
    const planId = url.searchParams.get('plan_id');
    const items = db.members
      .map((m) => ({ member: m, access: db.access.find((a) => a.user.id === m.id) ?? null }))
      .filter(({ member, access }) => (member.role === 'researcher' || access) && (!q || member.username.includes(q))
        && (assigned === null || String(access !== null) === assigned) && (!planId || access?.plan.id === Number(planId)));
    return HttpResponse.json({ items, total: items.length, page: 0, size: 20 });
  }),
  http.get('/api/admin/user-ai-access/members/:id', ({ params }) => {
    const found = db.access.find((a) => a.user.id === Number(params.id)) ?? null;
    return HttpResponse.json({ access: found, windows: found ? usage().windows : [] });
  }),
  http.patch('/api/admin/user-ai-access/:id', async ({ request, params }) => {
    await record(request);
    const a = db.access.find((x) => x.id === Number(params.id));
    if (!a) return error(404, 'not_found', { resource: 'access', id: Number(params.id) });
    Object.assign(a, (await request.json()) as Partial<Access>);
    return HttpResponse.json(a);
  }),
  http.post('/api/admin/user-ai-access/:id/reset-usage', async ({ request, params }) => {
    await record(request);
    const a = db.access.find((x) => x.id === Number(params.id));
    if (!a) return error(404, 'not_found', { resource: 'access', id: Number(params.id) });
    Object.assign(a, { tokens_used_today: 0, tokens_used_month: 0, requests_today: 0 });
    return HttpResponse.json(a);
  }),
  http.post('/api/admin/user-ai-access/bulk-assign', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as { user_ids: number[]; ai_plan_id: number };
    const plan = db.plans.find((p) => p.id === body.ai_plan_id)!;
    const created = body.user_ids.filter((id) => !db.access.some((a) => a.user.id === id));
    for (const id of created) {
      const m = db.members.find((x) => x.id === id)!;
      db.access.push(access({ id: 200 + id, user: { id, username: m.username, email: m.email, first_name: m.first_name, last_name: m.last_name },
        plan: { id: plan.id, name: plan.name, display_name: plan.display_name, monthly_token_limit: plan.monthly_token_limit,
          daily_request_limit: plan.daily_request_limit, features: plan.features, monthly_budget_usd: plan.monthly_budget_usd,
          budget_soft_percent: plan.budget_soft_percent }, ai_settings: null, tokens_used_today: 0, tokens_used_month: 0, requests_today: 0 }));
    }
    return HttpResponse.json({ assigned: body.user_ids.length, created: created.length, updated: body.user_ids.length - created.length });
  }),

  http.get('/api/admin/members', ({ request }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const role = url.searchParams.get('role');
    const items = db.members.filter((m) => (!q || m.username.includes(q)) && (!role || m.role === role));
    return HttpResponse.json({ items, total: items.length, page: 0, size: 20 });
  }),
  http.post('/api/admin/members', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as Partial<Member>;
    if (db.members.some((m) => m.username === body.username)) {
      return error(409, 'duplicate', {}, [notUnique('username')]);
    }
    const created = member({ ...body, id: 50 + db.members.length });
    db.members.push(created);
    return HttpResponse.json(created, { status: 201 });
  }),

  http.get('/api/admin/members/:id', ({ params }) => {
    const found = db.members.find((m) => m.id === Number(params.id));
    return found ? HttpResponse.json(found) : error(404, 'not_found', { resource: 'member', id: Number(params.id) });
  }),
  http.patch('/api/admin/members/:id', async ({ request, params }) => {
    await record(request);
    const i = db.members.findIndex((m) => m.id === Number(params.id));
    if (i < 0) return error(404, 'not_found', { resource: 'member', id: Number(params.id) });
    const { password: _secret, ...changes } = (await request.json()) as Partial<Member> & { password?: string };
    db.members[i] = { ...db.members[i]!, ...changes };
    return HttpResponse.json(db.members[i]);
  }),
  http.delete('/api/admin/members/:id', async ({ request, params }) => {
    await record(request);
    if (Number(params.id) === 1) return error(409, 'self_deletion');
    db.members = db.members.filter((m) => m.id !== Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('/api/admin/members/import', async ({ request }) => {
    await record(request);
    const [header, ...rows] = (await request.text()).trim().split('\n').map((l) => l.split(','));
    const created = rows.map((cells, i) => {
      const row = Object.fromEntries(header!.map((h, j) => [h.trim(), cells[j]?.trim() ?? '']));
      const m = member({ id: 70 + i, username: row.username, email: row.email, first_name: row.first_name, last_name: row.last_name, role: 'researcher' });
      db.members.push(m);
      return { member: m, temporary_password: row.password ? null : `temp-${row.username}-pw` };
    });
    return HttpResponse.json({ created: created.length, members: created }, { status: 201 });
  }),

  http.get('/api/time-zone', () => HttpResponse.json({ time_zone: 'Asia/Seoul' })),
  http.get('/api/me/plans', () => HttpResponse.json(db.plans.filter((p) => p.is_active).sort((a, b) => a.monthly_cost - b.monthly_cost)
    .map(({ name, display_name, monthly_cost, monthly_token_limit, daily_request_limit, features }) => ({ name, display_name, monthly_cost, monthly_token_limit, daily_request_limit, features })))),
  http.get('/api/me/usage', () => (db.usage ? HttpResponse.json(db.usage) : error(404, 'not_found', { resource: 'access' }))),

  http.post('/api/ai/:feature', async ({ request, params }) => {
    await record(request);
    const encoder = new TextEncoder();
    const frames = [
      'event: delta\ndata: {"text":"**CR** is "}\n\n',
      'event: delta\ndata: {"text":"0.08, acceptable."}\n\n',
      `event: done\ndata: {"id":"chat-1","model":"gpt-4.1-mini","usage":{"prompt_tokens":20,"completion_tokens":9,"total_tokens":29},"cost":0.00002,"finish_reason":"stop","request_type":"${String(params.feature)}"}\n\n`,
    ];
    const stream = new ReadableStream({
      start(controller) {
        frames.forEach((f) => controller.enqueue(encoder.encode(f)));
        controller.close();
      },
    });
    return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
  }),

  http.get('/api/admin/ai-usage-logs/usage-statistics', async ({ request }) => {
    await record(request);
    const days = Number(new URL(request.url).searchParams.get('days'));
    const daily = Array.from({ length: days }, (_, i) => ({ date: `2026-11-${String(25 - days + 1 + i).padStart(2, '0')}`, total_tokens: i === days - 1 ? 1500 : 0,
      total_cost: i === days - 1 ? 0.0123 : 0, request_count: i === days - 1 ? 3 : 0, refused_count: i === days - 1 ? 1 : 0, error_count: 0, average_response_time_ms: i === days - 1 ? 812.5 : null }));
    return HttpResponse.json({ time_zone: 'Asia/Seoul', from: daily[0]!.date, to: '2026-11-25', daily,
      top_users: [{ member_id: 5, username: 'kim', total_tokens: 1500, total_cost: 0.0123, request_count: 3 }],
      total_tokens: 1500, total_cost: 0.0123, request_count: 3, unpriced_requests: 1 });
  }),
  http.get('/api/admin/analytics', async ({ request }) => {
    await record(request);
    const params = new URL(request.url).searchParams;
    if (params.get('from') === '2030-01-02' && params.get('to') === '2030-01-01') {
      return error(400, 'validation_failed', {}, [{ field: 'to', code: 'before_start', params: { start: 'from' }, message: SERVER_ENGLISH }]);
    }
    if (params.get('format') === 'csv') {
      return new HttpResponse(`\uFEFFmember_id,username\r\n5,kim\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="labgate-analytics-${params.get('table')}-2026-11-24-2026-11-25.csv"` } });
    }
    return HttpResponse.json(analyticsReport(params));
  }),
  http.get('/api/admin/ai-usage-logs', async ({ request }) => {
    await record(request);
    const status = new URL(request.url).searchParams.get('status');
    const items = [
      { id: 2, created_at: '2026-11-25T05:00:00Z', member_id: 5, username: 'kim', provider: 'openai', model: 'gpt-4.1-mini', request_type: 'chatbot', channel: 'api', status: 'ok', stream: true, prompt: 'hi', total_tokens: 1500, cost: 0.0123, latency_ms: 812, error: null },
      { id: 1, created_at: '2026-11-25T04:00:00Z', member_id: 5, username: 'kim', provider: 'openai', model: 'gpt-4.1-mini', request_type: 'analysis', channel: 'app', status: 'refused', stream: false, prompt: 'x', total_tokens: 0, cost: null, latency_ms: null, error: 'daily_request_limit' },
    ].filter((l) => !status || l.status === status);
    return HttpResponse.json({ items, total: items.length, page: 0, size: 25 });
  }),
  // Billing: months, statements and their downloads (db.billingMonths, db.statements).
  http.get('/api/admin/billing/months/:month', async ({ request, params }) => {
    await record(request);
    const month = String(params.month);
    return HttpResponse.json(db.billingMonths[month] ?? billingMonth({ month, current: month === '2026-11', ended: month < '2026-11', krw_per_usd: null,
      apply_vat: false, totals: { statements: 0, plan_fees_usd: 0, usage_cost_usd: 0, unattributed_usage_usd: 0, unattributed_calls: 0, vat_usd: 0, total_usd: 0,
        total_krw: null, margin_usd: 0 } }));
  }),
  http.put('/api/admin/billing/months/:month/exchange-rate', async ({ request, params }) => {
    await record(request);
    const month = db.billingMonths[String(params.month)] ?? billingMonth({ month: String(params.month) });
    if (month.state === 'closed') return error(409, 'month_closed', { month: month.month, closed_at: month.closed_at });
    const input = (await request.json()) as { krw_per_usd: number; apply_vat?: boolean };
    db.billingMonths[month.month] = { ...month, krw_per_usd: input.krw_per_usd, apply_vat: input.apply_vat ?? false };
    return HttpResponse.json(db.billingMonths[month.month]);
  }),
  http.post('/api/admin/billing/months/:month/close', async ({ request, params }) => {
    await record(request);
    const month = db.billingMonths[String(params.month)] ?? billingMonth({ month: String(params.month), krw_per_usd: null });
    if (month.state === 'closed') return error(409, 'month_closed', { month: month.month, closed_at: month.closed_at });
    if (month.krw_per_usd === null) return error(409, 'exchange_rate_missing', { month: month.month });
    db.billingMonths[month.month] = { ...month, state: 'closed', closed_at: '2026-11-25T10:00:00+09:00', closed_by: 'admin',
      history: [...month.history, { action: 'closed', at: '2026-11-25T10:00:00+09:00', by: 'admin', reason: null }] };
    return HttpResponse.json(db.billingMonths[month.month]);
  }),
  http.post('/api/admin/billing/months/:month/reopen', async ({ request, params }) => {
    await record(request);
    const month = db.billingMonths[String(params.month)];
    if (!month || month.state !== 'closed') return error(409, 'month_not_closed', { month: String(params.month) });
    const { reason } = (await request.json()) as { reason: string };
    db.billingMonths[month.month] = { ...month, state: 'open', closed_at: null, closed_by: null,
      history: [...month.history, { action: 'reopened', at: '2026-11-25T11:00:00+09:00', by: 'admin', reason }] };
    return HttpResponse.json(db.billingMonths[month.month]);
  }),
  http.get('/api/admin/billing/statements/:month/pdf.zip', async ({ request }) => {
    await record(request);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 3, 4]), { headers: { 'Content-Type': 'application/zip',
      'Content-Disposition': "attachment; filename=\"statements-2026-10.zip\"; filename*=UTF-8''statements-2026-10.zip" } });
  }),
  http.get('/api/admin/billing/statements/:memberId/:month', async ({ request, params }) => {
    await record(request);
    const found = db.statements.find((s) => s.member.id === Number(params.memberId) && s.month === params.month);
    if (!found) return error(404, 'not_found', { resource: 'statement' });
    if (new URL(request.url).searchParams.get('format') === 'pdf') {
      return new HttpResponse('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${found.month}_${found.member.username}_${found.member.id}.pdf"` } });
    }
    return HttpResponse.json(found);
  }),
  http.get('/api/admin/billing/statements', async ({ request }) => {
    await record(request);
    const url = new URL(request.url);
    const month = url.searchParams.get('month');
    const rows = db.statements.filter((s) => s.month === month).map(summaryOf);
    if (url.searchParams.get('format') === 'csv') {
      return new HttpResponse('\uFEFFmonth,username\n', { headers: { 'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="statements-${month}.csv"; filename*=UTF-8''statements-${month}.csv` } });
    }
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const items = rows.filter((s) => !q || s.member.username.includes(q) || `${s.member.last_name}${s.member.first_name}`.toLowerCase().includes(q));
    return HttpResponse.json({ items, total: items.length, page: Number(url.searchParams.get('page') ?? 0), size: Number(url.searchParams.get('size') ?? 20) });
  }),
  http.get('/api/me/statements', async ({ request }) => {
    await record(request);
    const me = db.members.find((m) => `Bearer token-${m.username}` === request.headers.get('Authorization'));
    return HttpResponse.json(db.statements.filter((s) => s.member.id === me?.id).map(summaryOf));
  }),
  http.get('/api/me/statements/:month', async ({ request, params }) => {
    await record(request);
    const me = db.members.find((m) => `Bearer token-${m.username}` === request.headers.get('Authorization'));
    const found = db.statements.find((s) => s.member.id === me?.id && s.month === params.month);
    if (!found) return error(404, 'not_found', { resource: 'statement' });
    if (new URL(request.url).searchParams.get('format') === 'pdf') {
      return new HttpResponse('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${found.month}_${found.member.username}_${found.member.id}.pdf"` } });
    }
    return HttpResponse.json(found);
  }),
  http.get('/api/prompt-logs/sessions', () => HttpResponse.json([
    { member_id: 5, session_id: 'thesis-1', count: 2, start: '2026-11-25T14:01:05+09:00', end: '2026-11-25T14:20:00+09:00' },
  ])),
  http.get('/api/prompt-logs/export', ({ request }) => {
    const url = new URL(request.url);
    db.requests.push({ method: 'GET', path: url.pathname + url.search, body: undefined });
    return new HttpResponse('# 개발일지 - 프롬프트 로그\n\n## AI 협업 세션 기록\n\n### 1. analysis (14:01:05)\n', {
      headers: { 'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': "attachment; filename=\"_20261125_.md\"; filename*=UTF-8''%EA%B0%9C%EB%B0%9C%EC%9D%BC%EC%A7%80_20261125_%ED%94%84%EB%A1%AC%ED%94%84%ED%8A%B8_%EB%A1%9C%EA%B7%B8.md" },
    });
  }),
  http.post('/api/prompt-logs', async ({ request }) => {
    if (db.promptLogDown) return HttpResponse.error();
    await record(request);
    return HttpResponse.json({ id: db.requests.length }, { status: 201 });
  }),

  http.get('/api/me/budget', () => (db.budget ? HttpResponse.json(db.budget) : error(404, 'not_found', { resource: 'access' }))),
  http.put('/api/me/language', async ({ request }) => {
    await record(request);
    return HttpResponse.json({ ...db.members[0], ...((await request.json()) as object) });
  }),

  http.get('/api/notifications', () => HttpResponse.json({ items: db.notifications, total: db.notifications.length, page: 0, size: 30,
    unread: db.notifications.filter((n) => !n.read_at).length })),
  // The stream says it is ready and ends; the SPA reopens it later (not within a test).
  http.get('/api/notifications/stream', () => new HttpResponse('event: ready\ndata: {}\n\n', { headers: { 'Content-Type': 'text/event-stream' } })),
  http.post('/api/notifications/read-all', async ({ request }) => {
    await record(request);
    const marked = db.notifications.filter((n) => !n.read_at).length;
    db.notifications.forEach((n) => { n.read_at ??= '2026-11-25T10:05:00+09:00'; });
    return HttpResponse.json({ marked });
  }),
  http.post('/api/notifications/:id/read', async ({ request, params }) => {
    await record(request);
    const n = db.notifications.find((x) => x.id === Number(params.id));
    if (!n) return error(404, 'not_found', { resource: 'notification', id: Number(params.id) });
    n.read_at = '2026-11-25T10:05:00+09:00';
    return HttpResponse.json(n);
  }),

  http.get('/api/admin/alert-rules', () => HttpResponse.json(db.rules)),
  http.post('/api/admin/alert-rules', async ({ request }) => {
    await record(request);
    const body = (await request.json()) as Partial<AlertRule>;
    const bad = body.thresholds?.findIndex((x) => x < 1 || x > 100) ?? -1;
    if (bad >= 0) return error(400, 'validation_failed', {}, [{ field: `thresholds[${bad}]`, code: 'too_large', params: { max: 100 }, message: SERVER_ENGLISH }]);
    const created = alertRule({ ...body, id: 70 + db.rules.length });
    db.rules.push(created);
    return HttpResponse.json(created, { status: 201 });
  }),
  http.delete('/api/admin/alert-rules/:id', async ({ request, params }) => {
    await record(request);
    db.rules = db.rules.filter((r) => r.id !== Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('/api/admin/alert-channels', () => HttpResponse.json(db.channels)),
  http.post('/api/admin/alert-channels', async ({ request }) => {
    await record(request);
    const { secret, ...body } = (await request.json()) as Partial<AlertChannel> & { secret?: string };
    if (body.kind === 'webhook' && body.url && !/^https?:\/\//.test(body.url)) {
      return error(400, 'validation_failed', {}, [{ field: 'url', code: 'invalid_url', params: {}, message: SERVER_ENGLISH }]);
    }
    const created = alertChannel({ ...body, id: 40 + db.channels.length, has_secret: Boolean(secret) });
    db.channels.push(created);
    return HttpResponse.json(created, { status: 201 });
  }),
  http.post('/api/admin/alert-channels/:id/test', async ({ request, params }) => {
    await record(request);
    const c = db.channels.find((x) => x.id === Number(params.id))!;
    return HttpResponse.json([{ id: 99, channel_id: c.id, channel_name: c.name, channel_kind: c.kind, recipient: null, is_test: true,
      status: 'failed', attempts: 1, last_error: 'HTTP 500', last_status: 500, rule_id: null, rule_name: null, metric: null, threshold: null,
      subject_name: null, created_at: '2026-11-25T10:00:00+09:00', sent_at: null, next_attempt_at: null }]);
  }),
  http.get('/api/admin/alert-deliveries', ({ request }) => {
    const status = new URL(request.url).searchParams.get('status');
    const items = db.deliveries.filter((d) => !status || d.status === status);
    return HttpResponse.json({ items, total: items.length, page: 0, size: 20 });
  }),

  http.get('/api/me/api-keys', () => HttpResponse.json(db.apiKeys)),
  http.post('/api/me/api-keys', async ({ request }) => {
    await record(request);
    const { name } = (await request.json()) as { name: string };
    const created = { id: db.apiKeys.length + 1, name, prefix: 'lg-AbCdEfG', key: 'lg-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd', created_at: '2026-11-25T10:00:00+09:00' };
    db.apiKeys.push({ id: created.id, name, prefix: created.prefix, created_at: created.created_at, last_used_at: null });
    return HttpResponse.json(created, { status: 201 });
  }),
];
