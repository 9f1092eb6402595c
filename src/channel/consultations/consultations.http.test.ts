// The public side over HTTP, as a phone would use it: no sign-in to read, take part, see results and download
// the report; a closed consultation refuses with problem+json in Vietnamese and English; the confirmation code
// never comes back in the answer (only the e-mail carries it); managing needs a sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../../platform/db/testing.ts';
import { buildServer } from '../../platform/http/server.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createConsultation } from './consultations.service.ts';

describe.each(ENGINES)('consultations over HTTP on %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let open: { id: number; section: number };
  let closed: number;

  beforeAll(async () => {
    t = await createTestDb(engine);
    const units = await seedMiniRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
    const make = (closesOn: string) =>
      createConsultation(t.db, systemContext('test'), {
        title: 'Dự thảo Nghị quyết sắp xếp',
        kind: 'regulation',
        summary: '',
        unitId: units.hanoi,
        opensOn: '2026-01-01',
        closesOn,
        sections: [{ heading: 'Điều 1', body: '' }],
      });
    const o = await make('2099-12-31');
    open = { id: o.id, section: o.sections[0].id };
    closed = (await make('2026-01-31')).id;
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lets a visitor read, take part, see the results and download the report', async () => {
    const list = await app.inject({ url: '/api/consultations' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: number; open: boolean }) => [c.id, c.open])).toEqual([
      [closed, false],
      [open.id, true],
    ]);
    const took = await app.inject({
      method: 'POST',
      url: `/api/consultations/${open.id}/participations`,
      payload: {
        email: 'dan@example.vn',
        residenceCode: '00004',
        overall: 'agree',
        votes: [{ sectionId: open.section, choice: 'agree' }],
        comments: [{ sectionId: open.section, text: 'Đồng ý. SĐT 0987654321' }],
      },
    });
    expect(took.statusCode, took.body).toBe(202);
    expect(Object.keys(took.json()).sort()).toEqual(['email', 'id', 'message', 'status']);
    expect(took.json()).toMatchObject({ status: 'pending', email: 'disabled' });
    const results = await app.inject({ url: `/api/consultations/${open.id}/results` });
    expect(results.json()).toMatchObject({ participants: 0, unconfirmed: 1 });
    const report = await app.inject({ url: `/api/consultations/${open.id}/report.docx` });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toContain('wordprocessingml');
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a closed consultation, a malformed commune code and an anonymous drafting body', async () => {
    const late = await app.inject({
      method: 'POST',
      url: `/api/consultations/${closed}/participations`,
      payload: { email: 'dan@example.vn', residenceCode: '00004', overall: 'agree' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.headers['content-type']).toContain('application/problem+json');
    expect(late.json().detail).toContain('31/01/2026');
    const badCode = await app.inject({
      method: 'POST',
      url: `/api/consultations/${open.id}/participations`,
      payload: { email: 'dan@example.vn', residenceCode: '01', overall: 'agree' },
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.body).toContain('5 chữ số');
    const anon = await app.inject({
      method: 'POST',
      url: '/api/consultations',
      payload: {
        title: 'x',
        kind: 'other',
        unitId: 1,
        opensOn: '2026-01-01',
        closesOn: '2026-01-02',
        sections: [{ heading: 'x' }],
      },
    });
    expect(anon.statusCode).toBe(401);
  });
});
