import { http, HttpResponse } from 'msw';
import { db } from './db';
import { error, record, SERVER_ENGLISH } from './handlers';

/** The day of a moment in Asia/Seoul, the test platform's zone. */
const seoulDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date(iso));

/** GET /api/admin/audit-log as the server filters it (newest first as stored), paged, or as CSV with format=csv. */
export const auditHandlers = [
  http.get('/api/admin/audit-log', async ({ request }) => {
    await record(request);
    const q = new URL(request.url).searchParams;
    const get = (k: string) => q.get(k) ?? '';
    if (get('entity_id') && !/^\d+$/.test(get('entity_id'))) {
      return error(400, 'validation_failed', {}, [{ field: 'entity_id', code: 'wrong_type', params: {}, message: SERVER_ENGLISH }]);
    }
    const items = db.audit.filter((e) => (!get('actor') || e.actor.toLowerCase().includes(get('actor').toLowerCase()))
      && (!get('action') || e.action === get('action')) && (!get('entity_type') || e.entity_type === get('entity_type'))
      && (!get('entity_id') || e.entity_id === Number(get('entity_id')))
      && (!get('start_date') || seoulDay(e.created_at) >= get('start_date')) && (!get('end_date') || seoulDay(e.created_at) <= get('end_date')));
    if (get('format') === 'csv') {
      const rows = items.map((e) => [e.id, e.created_at, e.actor, e.action, e.entity_type, e.entity_id ?? ''].join(','));
      return new HttpResponse(`\uFEFFid,created_at,actor,action,entity_type,entity_id\n${rows.join('\n')}\n`, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="labgate-audit-log-20261125.csv"' },
      });
    }
    const page = Number(q.get('page') ?? 0);
    const size = Number(q.get('size') ?? 20);
    return HttpResponse.json({ items: items.slice(page * size, page * size + size), total: items.length, page, size });
  }),
];
