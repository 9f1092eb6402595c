// Hostile input never gets a 500. Walks EVERY operation of /api/openapi.json (read
// at test time, so a new route is covered the day it is added), once signed in as a
// system administrator (access is granted, so the input is what is tested) and once
// anonymous, with requests generated from each operation's JSON schemas
// (fuzz.arbitraries.ts). Every answer must be below 500, and every 4xx must be
// application/problem+json with a detail a person can read. Inputs come from a fixed
// seed and a bounded number of runs per operation, so CI sees the same requests
// every time; FUZZ_SEED and FUZZ_RUNS widen a local hunt.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ENGINES, createTestDb, type TestDb } from '../db/testing.ts';
import { buildServer } from '../http/server.ts';
import { loadConfig } from '../config.ts';
import { systemContext } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createProgramFromTree } from '../../program/tasks/tasks.import.ts';
import { TEST_META, testTree } from '../../program/program.fixtures.ts';
import { cascadeTask } from '../../program/cascade/cascade.service.ts';
import { createTestPeriod } from '../../staffing/staffing.fixtures.ts';
import { allocate, createPeriod } from '../../staffing/quotas/quotas.service.ts';
import { listRuleSets } from '../../staffing/norms/norms.rulesets.ts';
import { examples, type Example, type Seeded } from './fuzz.examples.ts';
// channel: consultations (issue 13)
import { seedMatrixConsultations } from '../../channel/consultations/consultations.fixtures.ts';
import { recordPresent } from '../../staffing/headcount/headcount.service.ts';
import {
  PROTO,
  SWEEP_TEXT,
  encodeText,
  sweepFor,
  places,
  plausible,
  replaceAlong,
  requestValue,
  textValue,
  toJson,
  type Hints,
  type JsonSchema,
} from './fuzz.arbitraries.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20250701);
const RUNS = Number(process.env.FUZZ_RUNS ?? 24); // per operation, signed in
const ANON_RUNS = Math.max(2, Math.round(RUNS / 4)); // per operation, anonymous
const PASSWORD = 'correct horse battery';
const ADMIN_IP = '127.0.0.1',
  FUZZ_IP = '127.0.0.2'; // the fuzzed sign-ins must not rate-limit the administrator's

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema: JsonSchema; required?: boolean }[];
  body: JsonSchema | null;
}
interface Request {
  method: string;
  url: string;
  payload?: string;
}
interface Failure {
  pass: string;
  method: string;
  url: string;
  payload?: string;
  status: number;
  type?: string;
  body: string;
  fullPayload?: string;
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }
    >
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

type Text = string | string[] | undefined;
const paramName = (p: { name: string }) => (p.name === 'id' ? 'pathId' : p.name);

function toRequest(op: Operation, path: Text[], query: Text[], body: unknown): Request {
  let url = op.path;
  op.params
    .filter((p) => p.in === 'path')
    .forEach((p, i) => {
      const v = path[i] ?? '';
      url = url.replace(`{${p.name}}`, encodeText(Array.isArray(v) ? v.join(',') : v));
    });
  const qs = op.params
    .filter((p) => p.in === 'query')
    .flatMap((p, i) => {
      const v = query[i];
      if (v === undefined) return [];
      return (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(p.name)}=${encodeText(x)}`);
    });
  return {
    method: op.method,
    url: qs.length ? `${url}?${qs.join('&')}` : url,
    ...(body === undefined ? {} : { payload: toJson(body) }),
  };
}

/** Random requests: each parameter and field plausible or hostile (fuzz.arbitraries.ts). */
function requestArb(op: Operation, hints: Hints): fc.Arbitrary<Request> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  return fc
    .record({
      path: fc.tuple(...pathParams.map((p) => textValue(p.schema, hints, paramName(p)))),
      query: fc.tuple(
        ...queryParams.map((p) =>
          fc.option(textValue(p.schema, hints, p.name), { nil: undefined, freq: p.required ? 8 : 2 }),
        ),
      ),
      body: op.body ? requestValue(op.body, hints) : fc.constant(undefined),
    })
    .map(({ path, query, body }) => toRequest(op, path, query, body));
}

/**
 * The sweep: a plausible request with every optional part present and one with only the required
 * ones, then each kind of hostile value (sweepFor, SWEEP_TEXT) in each path parameter, query field and
 * body place in turn (an optional body field alone beside the required ones), the rest left
 * plausible. Deterministic for a seed, and no field is left out.
 */
function sweepRequests(op: Operation, hints: Hints, seed: number, example: Example | undefined): Request[] {
  const one = <T>(arb: fc.Arbitrary<T>) => fc.sample(arb, { seed, numRuns: 1 })[0];
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const path = pathParams.map((p) =>
    String(example?.path?.[p.name] ?? one(plausible(p.schema, hints, paramName(p), true))),
  );
  const query = queryParams.map((p) => {
    const v = example ? example.query?.[p.name] : one(plausible(p.schema, hints, p.name, true));
    return v === undefined ? undefined : String(v);
  });
  const body = op.body ? one(plausible(op.body, hints, '', true)) : undefined;
  const minimal = op.body
    ? (example?.body ??
      one(
        plausible(
          {
            ...op.body,
            properties: Object.fromEntries(
              Object.entries(op.body.properties ?? {}).filter(([k]) => op.body!.required?.includes(k)),
            ),
          },
          hints,
          '',
          true,
        ),
      ))
    : undefined;
  const out: Request[] = [...(op.body ? [toRequest(op, path, query, minimal)] : []), toRequest(op, path, query, body)];
  pathParams.forEach((_p, i) => {
    for (const h of SWEEP_TEXT)
      out.push(
        toRequest(
          op,
          path.map((v, j) => (i === j ? h : v)),
          query,
          body,
        ),
      );
  });
  queryParams.forEach((_p, i) => {
    for (const h of [...SWEEP_TEXT, ['1', '2']])
      out.push(
        toRequest(
          op,
          path,
          query.map((v, j) => (i === j ? h : v)),
          body,
        ),
      );
  });
  if (op.body) {
    for (const place of places(body)) {
      const here = place.reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        body,
      );
      for (const h of sweepFor(here, place.at(-1) === PROTO))
        out.push(toRequest(op, path, query, replaceAlong(minimal, body, place, h)));
    }
  }
  return out;
}

describe.each(ENGINES)('hostile input on every API operation, %s', (engine) => {
  let t: TestDb;
  let app: FastifyInstance;
  let ops: Operation[];
  let hints: Hints;
  let valid: Record<string, Example>;
  let session = { cookie: '', csrf: '' };
  let admins = 0;

  async function signIn() {
    for (;;) {
      const username = admins === 0 ? 'fuzz-admin' : `fuzz-admin-${admins}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: PASSWORD },
        remoteAddress: ADMIN_IP,
      });
      if (res.statusCode === 200) {
        session = {
          cookie: `apparatus_session=${res.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
          csrf: res.json().csrfToken,
        };
        return;
      }
      // The fuzz may have changed or disabled this administrator: make another one.
      admins++;
      await createUser(t.db, systemContext('fuzz'), {
        username: `fuzz-admin-${admins}`,
        displayName: 'Fuzz',
        password: PASSWORD,
        grants: [{ role: 'system_admin', unitCode: 'VN' }],
      });
    }
  }

  beforeAll(async () => {
    t = await createTestDb(engine);
    const u = await seedMiniRegistry(t.db);
    const sys = systemContext('fuzz');
    await createUser(t.db, sys, {
      username: 'fuzz-admin',
      displayName: 'Fuzz',
      password: PASSWORD,
      grants: [{ role: 'system_admin', unitCode: 'VN' }],
    });
    const program = await createProgramFromTree(t.db, sys, TEST_META, testTree(), {
      language: 'vi',
      effectiveDate: '2026-01-15',
    });
    const task = await t.db.selectFrom('tasks').select('id').where('code', '=', 'II.1.a.1').executeTakeFirstOrThrow();
    await cascadeTask(t.db, sys, task.id, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
    await createTestPeriod(t.db);
    await allocate(t.db, sys, { period: '2022-2026', category: 'commune_cadre', unitId: u.vn, quota: 200 });
    await allocate(t.db, sys, { period: '2022-2026', category: 'commune_cadre', unitId: u.hanoi, quota: 100 });
    app = await buildServer(t, loadConfig(), { logger: false });
    await signIn();
    // A report with evidence, a headcount and a task list, so that each operation has something real to act on (fuzz.examples.ts).
    await recordPresent(t.db, sys, {
      period: '2022-2026',
      category: 'commune_cadre',
      unitId: u.hanoi,
      asOf: '2022-01-01',
      present: 95,
    });
    const code = (c: string) =>
      t.db
        .selectFrom('tasks')
        .select('id')
        .where('code', '=', c)
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const provinceTaskId = await code('II.1.a.1@01');
    await createPeriod(t.db, sys, {
      code: '2026-2031',
      name: 'Thời kỳ 2026–2031',
      startDate: '2026-01-01',
      endDate: '2031-07-01',
    });
    // A report by the administrator (to edit) and one by each province's officer (to accept and to return: nobody reviews their own).
    const report = async (username: string | null, unitCode: string, taskId: number) => {
      let headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
      if (username) {
        await createUser(t.db, sys, {
          username,
          displayName: username,
          password: PASSWORD,
          grants: [{ role: 'province_officer', unitCode }],
        });
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: PASSWORD },
          remoteAddress: ADMIN_IP,
        });
        headers = {
          cookie: `apparatus_session=${login.cookies.find((c) => c.name === 'apparatus_session')!.value}`,
          'x-csrf-token': login.json().csrfToken,
        };
      }
      const evidence = {
        fileName: 'bien-ban.txt',
        mediaType: 'text/plain',
        contentBase64: Buffer.from(`Biên bản ${unitCode}`).toString('base64'),
      };
      const res = await app.inject({
        method: 'POST',
        url: `/api/tasks/${taskId}/reports`,
        headers,
        payload: { reportDate: '2026-03-01', progress: 40, status: 'in_progress', evidence: [evidence] },
      });
      return res.statusCode === 201
        ? { id: Number(res.json().id), sha: String(res.json().evidence?.[0]?.sha256 ?? '') }
        : { id: 1, sha: '' };
    };
    const centralLeafId = await code('II.2.1');
    const ownReport = await report(null, 'VN', centralLeafId);
    const hanoiReport = await report('fuzz-hanoi', '01', provinceTaskId);
    const hueReport = await report('fuzz-hue', '46', await code('II.1.a.1@46'));
    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/programs/${program.program.id}/tasklist.xlsx`,
      headers: { cookie: session.cookie },
    });
    const first = async (table: 'program_warnings' | 'notifications') =>
      (await t.db.selectFrom(table).select('id').orderBy('id').executeTakeFirst())?.id ?? 1;
    const seeded: Seeded = {
      units: u,
      programId: program.program.id,
      rootTaskId: await code('II'),
      centralTaskId: task.id,
      provinceTaskId,
      leafTaskId: await code('II.1.a.2'),
      reportTaskId: centralLeafId,
      reportId: ownReport.id,
      acceptReportId: hanoiReport.id,
      returnReportId: hueReport.id,
      evidenceSha: ownReport.sha || 'a'.repeat(64),
      warningId: await first('program_warnings'),
      inboxId: await first('notifications'),
      tasklistBase64: xlsx.rawPayload.toString('base64'),
      // channel: consultations (issue 13)
      consultation: (await seedMatrixConsultations(t.db, u)).in,
    };
    valid = examples(seeded);
    const unitIds = Object.values(u);
    const ids = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(...unitIds));
    hints = {
      pathId: ids,
      unitId: ids,
      parentId: ids,
      provinceId: fc.constantFrom(u.hanoi, u.hue),
      successorUnitId: ids,
      unitIds: ids,
      agencyId: fc.integer({ min: 1, max: 5 }),
      leadAgencyId: fc.integer({ min: 1, max: 5 }),
      coordinatingAgencyIds: fc.integer({ min: 1, max: 5 }),
      dependsOn: ids,
      version: fc.constantFrom(1, 1, 2),
      period: fc.constantFrom('2022-2026', '2026-2031', '2026-2030'),
      comparePeriod: fc.constantFrom('2022-2026'),
      unitCode: fc.constantFrom('VN', '01', '46', '00004', '19900'),
      ruleSet: fc.constantFrom(...listRuleSets().map((r) => r.id)),
      sha256: fc.constantFrom(seeded.evidenceSha, 'a'.repeat(64)),
      username: fc.constantFrom('fuzz-admin', 'nobody', 'can-bo.01'),
      password: fc.constantFrom(PASSWORD, 'wrong password'),
      q: fc.constantFrom('ba dinh', 'Phường Ba Đình', 'phong dien', 'Hà Nội'),
      text: fc.constantFrom(
        'CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. MỤC TIÊU\n1. Hoàn thiện thể chế\n- Số hóa hồ sơ, hoàn thành trong quý IV/2026.',
        'II. NHIỆM VỤ\n1. Sắp xếp bộ máy năm 2027',
      ),
      fileName: fc.constantFrom('bang.csv', 'bang.xlsx', 'tasks.xlsx', 'a.txt'),
      contentBase64: fc.constantFrom(
        Buffer.from('STT,Tên đơn vị,Biên chế\n1,Hà Nội,100\n').toString('base64'),
        'UEsDBA==',
        '!!!notbase64',
      ),
    };
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    ops = operationsOf(doc);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  async function send(req: Request, signedIn: boolean) {
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (req.payload !== undefined) headers['content-type'] = 'application/json';
    if (signedIn) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
    return app.inject({
      method: req.method as 'GET',
      url: req.url,
      payload: req.payload,
      headers,
      remoteAddress: FUZZ_IP,
    });
  }

  function judge(pass: string, req: Request, res: Awaited<ReturnType<typeof send>>): Failure | null {
    const contentType = String(res.headers['content-type'] ?? '');
    let body: { type?: string; detail?: unknown } = {};
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON: judged below */
    }
    // Open311 GeoReport v2 (src/channel/open311) answers refusals as its specification says: [{ code, description }];
    // what the router refuses before reaching its routes (a bad %-escape, a path too long) stays problem+json.
    const georeportError =
      req.url.startsWith('/api/open311/') &&
      /^application\/json/.test(contentType) &&
      Array.isArray(body) &&
      body.length > 0 &&
      body.every(
        (e: { code?: unknown; description?: unknown }) =>
          e?.code === res.statusCode && typeof e?.description === 'string' && e.description.trim() !== '',
      );
    const problem =
      res.statusCode >= 400 &&
      !georeportError &&
      (!/^application\/problem\+json/.test(contentType) ||
        typeof body.detail !== 'string' ||
        body.detail.trim() === '');
    // A database refusal answered by the safety net (http-problem.ts) means a validation is missing: fix the schema.
    const netted = res.statusCode >= 400 && /\/database-/.test(body.type ?? '');
    if (res.statusCode < 500 && !problem && !netted) return null;
    return {
      pass,
      method: req.method,
      url: req.url.slice(0, 300),
      payload: req.payload?.slice(0, 300),
      status: res.statusCode,
      type: body.type,
      body: res.body.slice(0, 300),
      ...(req.payload && req.payload.length > 300 && req.payload.length < 20_000 ? { fullPayload: req.payload } : {}),
    };
  }

  async function runPass(pass: 'admin' | 'anonymous', runs: number) {
    const failures: Failure[] = [];
    const succeeded = new Set<string>();
    const firstAnswer = new Map<string, string>();
    let requests = 0,
      granted = 0;
    const timeByOp = new Map<string, [number, number]>();
    // The sweeps of every operation first, then the random requests: a random request that changes a
    // row (a version, a report's state) then cannot make another operation's example stale.
    const phases = [
      ...(pass === 'admin'
        ? [(op: Operation, i: number) => sweepRequests(op, hints, SEED + i, valid[`${op.method} ${op.path}`])]
        : []),
      // An operation that takes no input gets the same request every run: once is enough.
      (op: Operation, i: number) =>
        fc.sample(requestArb(op, hints), { seed: SEED + i, numRuns: op.params.length === 0 && !op.body ? 1 : runs }),
    ];
    for (const casesOf of phases) {
      for (const [i, op] of ops.entries()) {
        const key = `${op.method} ${op.path}`;
        const started = performance.now();
        const cases = casesOf(op, i);
        for (const req of cases) {
          const res = await send(req, pass === 'admin');
          requests++;
          if (res.statusCode !== 401 && res.statusCode !== 403) granted++;
          if (res.statusCode < 300) succeeded.add(key);
          if (!firstAnswer.has(key)) firstAnswer.set(key, `${res.statusCode} ${res.body.slice(0, 160)}`);
          const f = judge(pass, req, res);
          if (f) failures.push(f);
          // Logging out, or changing the administrator, must not turn the rest of the pass anonymous.
          if (pass === 'admin' && (res.statusCode === 401 || /\/auth\/|\/users/.test(op.path))) {
            const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
            if (me.statusCode !== 200) await signIn();
          }
        }
        const [ms, n] = timeByOp.get(key) ?? [0, 0];
        timeByOp.set(key, [ms + performance.now() - started, n + cases.length]);
      }
    }
    // FUZZ_OUT=file: every failure as one JSON line, to work through a long list.
    if (process.env.FUZZ_OUT)
      for (const f of failures) fs.appendFileSync(process.env.FUZZ_OUT, JSON.stringify({ engine, ...f }) + '\n');
    if (process.env.FUZZ_PROFILE)
      console.info(
        [...timeByOp]
          .sort((a, b) => b[1][0] - a[1][0])
          .slice(0, 15)
          .map(([k, [ms, n]]) => `${k}: ${Math.round(ms)} ms, ${n} requests`)
          .join('\n'),
      );
    const never = ops
      .map((o) => `${o.method} ${o.path}`)
      .filter((k) => !succeeded.has(k))
      .map((k) => `${k} (first answer: ${firstAnswer.get(k)})`);
    return { failures: failures.map(({ fullPayload: _, ...f }) => f), requests, granted, never };
  }

  it('signed in as a system administrator: every answer is below 500, every 4xx a problem+json with a detail', async () => {
    expect(ops.length).toBeGreaterThan(60);
    // An example for an operation that no longer exists is stale: keep fuzz.examples.ts in step with the routes.
    expect(Object.keys(valid).filter((k) => !ops.some((o) => `${o.method} ${o.path}` === k))).toEqual([]);
    const { failures, requests, granted, never } = await runPass('admin', RUNS);
    console.info(
      `fuzz ${engine} admin: ${ops.length} operations, ${requests} requests, ${granted} past the access check; never a 2xx: ${never.join('; ') || 'none'}`,
    );
    expect(failures).toEqual([]);
    // Access was granted to almost everything, so the input is what was tested.
    expect(granted / requests).toBeGreaterThan(0.9);
  }, 600_000);

  it('anonymous: every answer is below 500, every 4xx a problem+json with a detail', async () => {
    const { failures, requests } = await runPass('anonymous', ANON_RUNS);
    console.info(`fuzz ${engine} anonymous: ${requests} requests`);
    expect(failures).toEqual([]);
  }, 600_000);
});
