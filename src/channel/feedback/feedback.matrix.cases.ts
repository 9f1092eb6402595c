// The access-policy matrix's cases for /api/feedback (see src/platform/policy/policy.matrix.cases.ts): the public
// operations need nobody; the officers' act on the item about Ba Đình (in scope) or Phong Điền (out of scope).
// Route order makes the handling calls meet an item already answered, then closed: those answer 409, never
// 401/403, so the matrix still tells allowed from refused.
import type { Case, Side } from '../../platform/policy/policy.matrix.cases.ts';
import type { World } from '../../platform/policy/policy.matrix.fixture.ts';

const item = (w: World, s: Side) => (s === 'in' ? w.feedback.in : w.feedback.out);
const unit = (w: World, s: Side) => (s === 'in' ? w.units.baDinh : w.units.hueCommune);
const province = (w: World, s: Side) => (s === 'in' ? w.units.hanoi : w.units.hue);
const handle =
  (tail: string, payload?: object): Case =>
  (w, s) => ({
    method: 'POST',
    url: `/api/feedback/items/${item(w, s).id}/${tail}`,
    payload,
    facts: { unit: unit(w, s) },
  });

export const FEEDBACK_CASES: Record<string, Case> = {
  'GET /api/feedback/categories': () => ({ method: 'GET', url: '/api/feedback/categories' }),
  'POST /api/feedback': (w, s) => ({
    method: 'POST',
    url: '/api/feedback',
    payload: {
      category: 'other',
      title: 'Góp ý thử',
      description: 'Góp ý để kiểm tra quyền.',
      unitCode: s === 'in' ? '00004' : '19900',
    },
  }),
  'GET /api/feedback/track/:code': (w, s) => ({ method: 'GET', url: `/api/feedback/track/${item(w, s).code}` }),
  'POST /api/feedback/track/:code/reopen': (w, s) => ({
    method: 'POST',
    url: `/api/feedback/track/${item(w, s).code}/reopen`,
    payload: { reason: 'Kiểm tra quyền mở lại' },
  }),
  'POST /api/feedback/track/:code/rating': (w, s) => ({
    method: 'POST',
    url: `/api/feedback/track/${item(w, s).code}/rating`,
    payload: { rating: 4 },
  }),
  'GET /api/feedback/queue': (w, s) => ({
    method: 'GET',
    url: `/api/feedback/queue?unitCode=${s === 'in' ? '00004' : '19900'}`,
    facts: { unit: unit(w, s) },
  }),
  'GET /api/feedback/stats': (w, s) => ({
    method: 'GET',
    url: `/api/feedback/stats?provinceCode=${s === 'in' ? '01' : '46'}`,
    facts: { unit: province(w, s) },
  }),
  'GET /api/feedback/overdue': (w, s) => ({
    method: 'GET',
    url: `/api/feedback/overdue?provinceCode=${s === 'in' ? '01' : '46'}`,
    facts: { unit: province(w, s) },
  }),
  'GET /api/feedback/items/:id': (w, s) => ({
    method: 'GET',
    url: `/api/feedback/items/${item(w, s).id}`,
    facts: { unit: unit(w, s) },
  }),
  'POST /api/feedback/items/:id/assign': handle('assign', {}),
  'POST /api/feedback/items/:id/start': handle('start'),
  'POST /api/feedback/items/:id/answer': handle('answer', { answer: 'Trả lời để kiểm tra quyền.' }),
  'POST /api/feedback/items/:id/forward': handle('forward', { reason: 'Kiểm tra quyền', toBody: 'Tòa án nhân dân' }),
  'POST /api/feedback/items/:id/close': handle('close', { reason: 'resolved' }),
  // Open311 GeoReport v2 over the same items: public, like the pages.
  'GET /api/open311/v2/services.json': () => ({ method: 'GET', url: '/api/open311/v2/services.json' }),
  'GET /api/open311/v2/services/:service_code.json': () => ({
    method: 'GET',
    url: '/api/open311/v2/services/environment.json',
  }),
  'POST /api/open311/v2/requests.json': (w, s) => ({
    method: 'POST',
    url: '/api/open311/v2/requests.json',
    payload: {
      service_code: 'other',
      address_id: s === 'in' ? '00004' : '19900',
      description: 'Góp ý để kiểm tra quyền.',
    },
  }),
  'GET /api/open311/v2/requests.json': () => ({ method: 'GET', url: '/api/open311/v2/requests.json' }),
  'GET /api/open311/v2/requests/:service_request_id.json': (w, s) => ({
    method: 'GET',
    url: `/api/open311/v2/requests/${item(w, s).code}.json`,
  }),
  'GET /api/open311/v2/tokens/:token.json': (w, s) => ({
    method: 'GET',
    url: `/api/open311/v2/tokens/${item(w, s).code}.json`,
  }),
};
