import { http, HttpResponse } from 'msw';
import type { ModelPriceInput } from '@/types/api';
import { db, modelPrice } from './db';
import { error, record, SERVER_ENGLISH } from './handlers';

/** /api/admin/model-prices as the server answers: one row per provider and model (any case), 404 for an unknown id. */
export const pricingHandlers = [
  http.get('/api/admin/model-prices', () => HttpResponse.json(db.prices)),
  http.get('/api/admin/model-prices/unpriced', () => HttpResponse.json(db.unpriced)),
  http.post('/api/admin/model-prices', async ({ request }) => {
    await record(request);
    const input = (await request.json()) as ModelPriceInput;
    if (db.prices.some((p) => p.provider === input.provider && p.model.toLowerCase() === input.model.toLowerCase())) {
      return error(409, 'duplicate', {}, [{ field: 'model', code: 'not_unique', params: {}, message: SERVER_ENGLISH }]);
    }
    const created = modelPrice({ cached_input_per_mtok: null, cache_write_per_mtok: null, source: 'set by the administrator',
      source_date: '2026-11-25', ...input, id: 100 + db.prices.length });
    db.prices.push(created);
    db.unpriced = db.unpriced.filter((u) => !(u.provider === input.provider && u.model.toLowerCase() === input.model.toLowerCase()));
    return HttpResponse.json(created, { status: 201 });
  }),
  http.put('/api/admin/model-prices/:id', async ({ request, params }) => {
    await record(request);
    const i = db.prices.findIndex((p) => p.id === Number(params.id));
    if (i < 0) return error(404, 'not_found', { resource: 'model_price', id: Number(params.id) });
    const input = (await request.json()) as ModelPriceInput;
    db.prices[i] = { ...db.prices[i]!, cached_input_per_mtok: null, cache_write_per_mtok: null, source: 'set by the administrator', ...input };
    return HttpResponse.json(db.prices[i]);
  }),
  http.delete('/api/admin/model-prices/:id', async ({ request, params }) => {
    await record(request);
    if (!db.prices.some((p) => p.id === Number(params.id))) return error(404, 'not_found', { resource: 'model_price', id: Number(params.id) });
    db.prices = db.prices.filter((p) => p.id !== Number(params.id));
    return new HttpResponse(null, { status: 204 });
  }),
];
