import { http, HttpResponse } from 'msw';
import type { ContentRetention } from '@/types/api';
import { db } from './db';
import { error, record, SERVER_ENGLISH } from './handlers';

/** GET/PUT /api/admin/usage-settings: full, truncated or none; anything else is refused naming the field. */
export const usageSettingsHandlers = [
  http.get('/api/admin/usage-settings', () => HttpResponse.json(db.usageSettings)),
  http.put('/api/admin/usage-settings', async ({ request }) => {
    await record(request);
    const { content_retention } = (await request.json()) as { content_retention: ContentRetention };
    if (!['full', 'truncated', 'none'].includes(content_retention)) {
      return error(400, 'validation_failed', {}, [{ field: 'content_retention', code: 'not_one_of',
        params: { allowed: ['full', 'truncated', 'none'] }, message: SERVER_ENGLISH }]);
    }
    db.usageSettings = { ...db.usageSettings, content_retention };
    return HttpResponse.json(db.usageSettings);
  }),
];
