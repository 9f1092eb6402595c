// Every operation of /api/openapi.json says what it answers: a 2xx response with a schema (JSON) or a content
// type (a download), and problem+json for refusals. The web app takes its types from the same zod schemas, so an
// operation without one is a type the web would have to copy by hand. There is no exemption: every operation does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../db/testing.ts';
import { loadConfig } from '../config.ts';
import { buildServer } from './server.ts';
import { droppedPaths } from './serialize.ts';

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

function undeclared(doc: { paths: Record<string, Record<string, Operation>> }): string[] {
  const out: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const ok = Object.entries(op.responses ?? {}).some(
        ([status, r]) =>
          /^2\d\d$/.test(status) &&
          (status === '204' || Object.values(r.content ?? {}).some((c) => c.schema !== undefined)),
      );
      if (!ok) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out.sort();
}

describe('OpenAPI: every operation declares its answer', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await buildServer(t, loadConfig(), { logger: false });
    doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('lists no operation without a 2xx response schema', () => {
    expect(undeclared(doc), 'operations without a response schema').toEqual([]);
  });

  it('declares problem+json for refusals on every operation', () => {
    const without = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => !op.responses?.['4XX'])
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(without).toEqual([]);
  });
});

describe('strict responses under test', () => {
  it('names a field the schema would drop', () => {
    expect(
      droppedPaths({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] }, { a: 1, b: { c: 2 }, e: [{ f: 1 }] }),
    ).toEqual(['b.d', 'e[0].g']);
    expect(droppedPaths({ a: 1 }, { a: 1 })).toEqual([]);
  });
});
