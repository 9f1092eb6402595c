// Validation errors read as a Vietnamese official would write them, naming the field (issue 10, item 7): before,
// a too-long lookup answered "q: Too big: expected string to have <=200 characters" in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from './server.ts';
import { loadConfig } from '../config.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { fieldProblems, issueMessage, validationDetail } from './validation.ts';

/** The items fastify-type-provider-zod builds from a zod error, built the same way. */
function itemsOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return result.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join('/')}`,
    message,
    params,
  }));
}

describe('validation messages', () => {
  it('say what is wrong in Vietnamese and in English, with the figures in each language', () => {
    const schema = z.object({
      q: z.string().max(200),
      name: z.string().min(1),
      funding: z.number().max(1_000_000),
      weight: z.number().int(),
      kind: z.enum(['task', 'section']),
      tags: z.array(z.string()).max(2),
      period: z.string().regex(/^\d{4}$/, 'năm dạng NNNN / a year as YYYY'),
    });
    const problems = fieldProblems(
      itemsOf(schema, {
        q: 'x'.repeat(201),
        name: '',
        funding: 2_000_000,
        weight: 1.5,
        kind: 'poem',
        tags: ['a', 'b', 'c'],
        period: '26',
      }),
      'body',
    );
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    expect(byField.q).toEqual({ vi: 'dài quá 200 ký tự', en: 'longer than 200 characters' });
    expect(byField.name).toEqual({ vi: 'không được để trống', en: 'must not be empty' });
    expect(byField.funding).toEqual({ vi: 'không được lớn hơn 1.000.000', en: 'must be at most 1,000,000' });
    expect(byField.weight.vi).toBe('phải là một số nguyên');
    expect(byField.kind.vi).toBe('phải là một trong: task, section');
    expect(byField.tags.vi).toBe('nhiều hơn 2 mục');
    expect(byField.period).toEqual({ vi: 'năm dạng NNNN', en: 'a year as YYYY' }); // the schema's own words, split
    for (const p of problems) expect(p.message.vi).not.toMatch(/Too big|Too small|Invalid|expected/);
  });

  it('name a missing field as required and an element of a list by its position counted from 1', () => {
    const problems = fieldProblems(
      itemsOf(z.object({ rows: z.array(z.object({ title: z.string() })) }), { rows: [{ title: 'a' }, {}] }),
      'body',
    );
    expect(problems).toEqual([
      {
        field: 'rows.1.title',
        label: 'rows[2].title',
        message: { vi: 'bắt buộc, chưa có giá trị', en: 'is required' },
      },
    ]);
    expect(validationDetail(problems).vi).toBe('Vui lòng sửa: «rows[2].title» bắt buộc, chưa có giá trị.');
  });

  it('keep an unknown code readable rather than inventing words for it', () => {
    expect(issueMessage({ keyword: 'something_new', message: 'Odd input' })).toEqual({
      vi: 'không hợp lệ',
      en: 'Odd input',
    });
  });
});

describe('a refused request over HTTP', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    await seedMiniRegistry(t.db);
    app = await buildServer(t, loadConfig(), { logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('answers in Vietnamese by default, naming the field, and in English when asked', async () => {
    const url = `/api/public/lookup?q=${'a'.repeat(201)}`;
    const vi = await app.inject({ url });
    expect(vi.statusCode).toBe(400);
    expect(vi.headers['content-type']).toContain('application/problem+json');
    expect(vi.json().detail).toBe('Vui lòng sửa: «q» dài quá 200 ký tự.');
    expect(vi.json().errors).toEqual([{ field: 'q', label: 'q', message: 'dài quá 200 ký tự' }]);
    const en = await app.inject({ url, headers: { 'accept-language': 'en' } });
    expect(en.json().detail).toBe('Please correct: "q" longer than 200 characters.');
  });
});
