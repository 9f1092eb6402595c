// Open311 GeoReport v2 conformance (http://wiki.open311.org/GeoReport_v2/, JSON): every call the specification
// defines — GET services, GET service definition, POST service request (form-encoded, as clients send it), GET
// service requests with each filter, GET one service request, GET token — and every field of each answer, with
// its type; errors as the specification's [{ code, description }]; no personal data in anything returned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { CATEGORIES } from '../feedback/feedback.categories.ts';
import { answer } from '../feedback/feedback.officer.ts';
import { close } from '../feedback/feedback.officer.ts';
import { feedbackSettings } from '../feedback/feedback.settings.ts';

const BASE = '/api/open311/v2';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SERVICE_FIELDS = ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'];
const REQUEST_FIELDS = [
  'address',
  'address_id',
  'agency_responsible',
  'description',
  'expected_datetime',
  'lat',
  'long',
  'media_url',
  'requested_datetime',
  'service_code',
  'service_name',
  'service_notice',
  'service_request_id',
  'status',
  'status_notes',
  'updated_datetime',
  'zipcode',
];

describe.each(ENGINES)('Open311 GeoReport v2 on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let u: Awaited<ReturnType<typeof seedMiniRegistry>>;
  beforeAll(async () => {
    t = await createTestDb(engine);
    u = await seedMiniRegistry(t.db);
    // A centre for the new Ba Đình ward, so a point near it is read as Ba Đình.
    await t.db.updateTable('units').set({ lat: 21.0341, lon: 105.8372 }).where('id', '=', u.baDinh).execute();
    await t.db.updateTable('units').set({ lat: 16.55, lon: 107.35 }).where('id', '=', u.hueCommune).execute();
    app = await buildServer(t, loadConfig(), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  const get = (path: string) => app.inject({ method: 'GET', url: `${BASE}${path}` });
  const postForm = (fields: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const expectError = (res: Awaited<ReturnType<typeof get>>, code: number) => {
    expect(res.statusCode, res.body).toBe(code);
    const body = res.json();
    expect(body).toEqual([{ code, description: expect.any(String) }]);
    expect(body[0].description.length).toBeGreaterThan(5);
  };

  it('GET services.json lists every category with every field the specification defines', async () => {
    const res = await get('/services.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const list = res.json();
    expect(list.map((s: { service_code: string }) => s.service_code)).toEqual(CATEGORIES.map((c) => c.code));
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(SERVICE_FIELDS);
      expect(s).toMatchObject({ metadata: false, type: 'realtime' });
      for (const f of ['service_code', 'service_name', 'description', 'keywords', 'group'])
        expect(typeof s[f]).toBe('string');
    }
    expect((await get('/services.json?jurisdiction_id=vn')).statusCode).toBe(200);
    expectError(await get('/services.json?jurisdiction_id=elsewhere'), 404);
  });

  it('GET services/{code}.json gives the definition, and 404 for an unknown code', async () => {
    const res = await get('/services/environment.json?jurisdiction_id=vn');
    expect(res.json()).toEqual({ service_code: 'environment', attributes: [] });
    expectError(await get('/services/nothing.json'), 404);
  });

  it('POST requests.json creates a request from an address id, a point or an address, form-encoded', async () => {
    const byId = await postForm({
      api_key: 'any',
      jurisdiction_id: 'vn',
      service_code: 'environment',
      address_id: '00004',
      description: 'Rác ở đầu ngõ, gọi 0912 345 678.',
      first_name: 'An',
      last_name: 'Nguyễn Văn',
      email: 'an@example.vn',
      phone: '0912345678',
      account_id: 'acct-7',
      device_id: 'device-1',
      media_url: 'https://example.vn/a.jpg',
      'attribute[WHISPER]': 'ignored',
    });
    expect(byId.statusCode, byId.body).toBe(201);
    const [created] = byId.json();
    expect(Object.keys(created).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created).toMatchObject({ account_id: 'acct-7', service_request_id: expect.stringMatching(/^PA-/) });

    const byPoint = await postForm({
      service_code: 'infrastructure',
      lat: '21.035',
      long: '105.838',
      description: 'Đèn đường hỏng cả tuần.',
    });
    expect(byPoint.statusCode, byPoint.body).toBe(201);
    const point = (await get(`/requests/${byPoint.json()[0].service_request_id}.json`)).json()[0];
    expect(point.address_id).toBe('00004');

    const byAddress = await app.inject({
      method: 'POST',
      url: `${BASE}/requests.json`,
      payload: {
        service_code: 'other',
        address_string: 'Phong Điền, Huế',
        description: 'Góp ý giờ làm việc của bộ phận một cửa.',
      },
    });
    expect(byAddress.statusCode, byAddress.body).toBe(201);

    expectError(await postForm({ service_code: 'environment', description: 'Không có vị trí nào cả.' }), 400);
    expectError(await postForm({ address_id: '00004', description: 'Không có mã dịch vụ.' }), 400);
    expectError(await postForm({ service_code: 'nothing', address_id: '00004', description: 'Mã dịch vụ sai.' }), 400);
    expectError(await postForm({ service_code: 'environment', address_id: '00004', description: 'x' }), 400);
    expectError(
      await postForm({
        service_code: 'environment',
        address_id: '00004',
        description: 'Sai nơi.',
        jurisdiction_id: 'x',
      }),
      404,
    );
  });

  it('GET requests.json returns every field, filters by id, code, status and dates, and publishes no personal data', async () => {
    const codes: string[] = [];
    for (const service_code of ['environment', 'land', 'land']) {
      const res = await postForm({
        service_code,
        address_id: '00004',
        description: 'Liên hệ an@example.vn hoặc 0987654321.',
        phone: '0987654321',
      });
      codes.push(res.json()[0].service_request_id);
    }
    const s = feedbackSettings();
    const id = async (code: string) =>
      (await t.db.selectFrom('feedback_items').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    await answer(t.db, systemContext('test'), await id(codes[1]), 'Đã xử lý, liên hệ 0243 999 8888.', s);
    await close(t.db, systemContext('test'), await id(codes[2]), { reason: 'resolved', note: 'Đã xong.' }, s);

    const all = await get('/requests.json');
    expect(all.statusCode).toBe(200);
    const list = all.json();
    expect(list.length).toBeGreaterThanOrEqual(3);
    for (const r of list) {
      expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
      expect(['open', 'closed']).toContain(r.status);
      for (const f of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[f]).toMatch(ISO);
      for (const f of [
        'service_request_id',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'address',
        'address_id',
      ])
        expect(typeof r[f]).toBe('string');
    }
    expect(JSON.stringify(list)).not.toMatch(/0987654321|an@example|0912|0243 999/);
    // Newest first.
    const times = list.map((r: { requested_datetime: string }) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);

    const byIds = (await get(`/requests.json?service_request_id=${codes[0]},${codes[1]}`)).json();
    expect(byIds.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
      [codes[0], codes[1]].sort(),
    );
    const land = (await get('/requests.json?service_code=land')).json();
    expect(land.every((r: { service_code: string }) => r.service_code === 'land')).toBe(true);
    const closed = (await get('/requests.json?status=closed')).json();
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([codes[2]]);
    expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'Đã xong.' });
    const open = (await get('/requests.json?status=open')).json();
    expect(open.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(codes[2]);
    const answered = open.find((r: { service_request_id: string }) => r.service_request_id === codes[1]);
    // Answered is still open in GeoReport's two states: only a closure closes it.
    expect(answered.status).toBe('open');
    expect(answered.status_notes).toContain('[số điện thoại đã ẩn]');
    expect((await get('/requests.json?status=open,closed')).json().length).toBe(list.length);
    const past = (
      await get('/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-12-31T23:59:59%2B07:00')
    ).json();
    expect(past).toEqual([]);
    expectError(await get('/requests.json?status=pending'), 400);
    expectError(await get('/requests.json?start_date=yesterday'), 400);
  });

  it('GET requests/{id}.json and tokens/{token}.json resolve one request', async () => {
    const code = (
      await postForm({ service_code: 'land', address_id: '19900', description: 'Xin trích lục bản đồ địa chính.' })
    ).json()[0].service_request_id;
    const one = await get(`/requests/${code}.json`);
    expect(one.json()).toHaveLength(1);
    expect(one.json()[0]).toMatchObject({
      service_request_id: code,
      status: 'open',
      address_id: '19900',
      lat: 16.55,
      long: 107.35,
    });
    expect((await get(`/tokens/${code}.json`)).json()).toEqual([{ service_request_id: code, token: code }]);
    expectError(await get('/requests/PA-0000-0000-0000.json'), 404);
    expectError(await get('/tokens/PA-0000-0000-0000.json'), 404);
    expectError(await get(`/requests/${code}.json?jurisdiction_id=x`), 404);
  });
});
