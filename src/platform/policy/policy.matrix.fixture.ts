// The world the access-policy matrix runs in: a small registry (the country; Hà Nội with Ba Đình; Huế with
// Phong Điền), one user per role placed on the Hà Nội side, a program cascaded down to both communes with a
// report and a warning on each commune's task, and staffing figures on both sides. "In scope" resources are
// Hà Nội's, "out of scope" Huế's; the national roles hold both.
import type { FastifyInstance } from 'fastify';
import type { TestDb } from '../db/testing.ts';
import { systemContext, type Role } from '../context.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { createApiToken } from '../../accounts/tokens/tokens.service.ts';
import { insertJob, markDone } from '../jobs/jobs.store.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { loadNational } from '../../indicators/targets/targets.service.ts';
import { recordValue } from '../../indicators/values/values.service.ts';
import { createProgramFromTree } from '../../program/tasks/tasks.import.ts';
import { TEST_META, testTree } from '../../program/program.fixtures.ts';
import { cascadeTask } from '../../program/cascade/cascade.service.ts';
import { reevaluateAll } from '../../program/warnings/warnings.service.ts';
import { notifyUser } from '../../program/events/events.inbox.ts';
import { exportTaskList } from '../../program/tasklist/tasklist.service.ts';
import { createPeriod, allocate } from '../../staffing/quotas/quotas.service.ts';
import { recordPresent } from '../../staffing/headcount/headcount.service.ts';
import { exportXlsx, tableRows } from '../../staffing/tables/tables.export.ts';
// channel: consultations (issue 13)
import { seedMatrixConsultations } from '../../channel/consultations/consultations.fixtures.ts';
import { personCells, registerWorkbook } from '../../people/people.testing.ts';
import { readRegisterFile } from '../../people/register/register.sheet.ts';
import { importRegister } from '../../people/register/register.service.ts';
import { handoverMatrixWorld } from '../../handover/handover.fixtures.ts';
import { seedFeedbackPair } from '../../channel/feedback/feedback.fixtures.ts';
import { seedQuestionPair } from '../../channel/questions/questions.fixtures.ts';

export const PASSWORD = 'correct horse battery';
export const PERIOD = '2022-2026';

/** The matrix's rows: one user per role, plus a visitor. Grants on the Hà Nội side or the whole country. */
export const USERS: { name: string; role: Role | null; unit: 'vn' | 'hanoi' | 'baDinh' | null }[] = [
  { name: 'admin', role: 'system_admin', unit: 'vn' },
  { name: 'central', role: 'central_officer', unit: 'vn' },
  { name: 'hanoi', role: 'province_officer', unit: 'hanoi' },
  { name: 'badinh', role: 'commune_officer', unit: 'baDinh' },
  { name: 'viewer', role: 'viewer', unit: 'hanoi' },
  { name: 'hr', role: 'hr_officer', unit: 'hanoi' },
  { name: 'anonymous', role: null, unit: null },
];

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld(t: TestDb, app: FastifyInstance) {
  const ctx = systemContext('test');
  const units = await seedMiniRegistry(t.db);
  const codes: Record<string, string> = { vn: 'VN', hanoi: '01', baDinh: '00004' };
  const userIds: Record<string, number> = {};
  for (const u of USERS.filter((x) => x.role)) {
    userIds[u.name] = (
      await createUser(t.db, ctx, {
        username: u.name,
        displayName: u.name,
        password: PASSWORD,
        grants: [{ role: u.role!, unitCode: codes[u.unit!] }],
      })
    ).id;
  }
  // Huế's commune officer: the author of the out-of-scope report.
  userIds.phongdien = (
    await createUser(t.db, ctx, {
      username: 'phongdien',
      displayName: 'phongdien',
      password: PASSWORD,
      grants: [{ role: 'commune_officer', unitCode: '19900' }],
    })
  ).id;
  userIds.loginonly = (
    await createUser(t.db, ctx, {
      username: 'loginonly',
      displayName: 'loginonly',
      password: PASSWORD,
      grants: [{ role: 'viewer', unitCode: 'VN' }],
    })
  ).id;

  const program = (
    await createProgramFromTree(t.db, ctx, TEST_META, testTree(), { language: 'vi', effectiveDate: '2026-01-15' })
  ).program;
  const code = (c: string) =>
    t.db
      .selectFrom('tasks')
      .select('id')
      .where('code', '=', c)
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const central = await code('II.1.a.1');
  await cascadeTask(t.db, ctx, central, { target: { kind: 'all_provinces' }, asOf: '2026-02-01' });
  const hanoiTask = await code('II.1.a.1@01'),
    hueTask = await code('II.1.a.1@46');
  await cascadeTask(t.db, ctx, hanoiTask, {
    target: { kind: 'communes_of', provinceId: units.hanoi },
    asOf: '2026-02-01',
  });
  await cascadeTask(t.db, ctx, hueTask, { target: { kind: 'communes_of', provinceId: units.hue }, asOf: '2026-02-01' });
  const baDinhTask = await code('II.1.a.1@01@00004'),
    phongDienTask = await code('II.1.a.1@46@19900');

  // An API token for each user, so "one's own" token can be told from someone else's.
  const tokens: Record<string, number> = {};
  for (const name of [...USERS.filter((x) => x.role).map((x) => x.name), 'phongdien']) {
    tokens[name] = (
      await createApiToken(t.db, ctx, { name: 'matrix', username: name }, { defaultDays: 30, maxDays: 30 })
    ).id;
  }

  const sessions: Record<string, { cookie: string; csrf: string }> = {};
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'apparatus_session');
    if (!cookie) throw new Error(`matrix: ${username} could not sign in (${res.statusCode} ${res.body})`);
    return { cookie: `apparatus_session=${cookie.value}`, csrf: res.json().csrfToken as string };
  };
  for (const u of [...USERS.filter((x) => x.role).map((x) => x.name), 'phongdien']) sessions[u] = await login(u);

  const evidence = {
    fileName: 'bien-ban.txt',
    mediaType: 'text/plain',
    contentBase64: Buffer.from('Biên bản').toString('base64'),
  };
  const report = async (user: string, task: number) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/tasks/${task}/reports`,
      payload: { reportDate: '2026-03-01', progress: 40, status: 'in_progress', evidence: [evidence] },
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });
    if (res.statusCode !== 201) throw new Error(`matrix: report by ${user} refused (${res.statusCode} ${res.body})`);
    return { id: res.json().id as number, sha: res.json().evidence[0].sha256 as string };
  };
  const reportIn = await report('badinh', baDinhTask),
    reportOut = await report('phongdien', phongDienTask);
  // A change request of each commune on its task, for the assigning province to decide.
  const ask = async (user: string, task: number) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/tasks/${task}/change-requests`,
      payload: { kind: 'other', reason: 'Đề nghị thử' },
      headers: { cookie: sessions[user].cookie, 'x-csrf-token': sessions[user].csrf },
    });
    if (res.statusCode !== 201)
      throw new Error(`matrix: change request by ${user} refused (${res.statusCode} ${res.body})`);
    return res.json().id as number;
  };
  const requests = { in: await ask('badinh', baDinhTask), out: await ask('phongdien', phongDienTask) };

  // Every task overdue: an open warning on each commune's task.
  await reevaluateAll(t.db, '2031-06-30');
  const warningOf = (task: number) =>
    t.db
      .selectFrom('program_warnings')
      .select('id')
      .where('task_id', '=', task)
      .where('resolved_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
      .then((w) => w.id);
  const warningIn = await warningOf(baDinhTask),
    warningOut = await warningOf(phongDienTask);

  // A notification for each user, so "one's own" can be told from "someone else's".
  const notes: Record<string, number> = {};
  for (const [name, id] of Object.entries(userIds)) {
    await notifyUser(t.db, id, {
      kind: 'test',
      entity: 'task',
      entityId: central,
      title: { vi: 't', en: 't' },
      body: { vi: 'b', en: 'b' },
    });
    notes[name] = (
      await t.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
  }

  // A finished background job of each user's, with a result file, so "one's own" job can be told from someone else's.
  const jobs: Record<string, number> = {};
  for (const name of Object.keys(tokens)) {
    const job = await insertJob(t.db, {
      kind: 'matrix',
      requestedBy: userIds[name],
      requestedLabel: name,
      unitId: null,
      params: {},
      phrase: { vi: 'x', en: 'x' },
    });
    await markDone(t.db, job.id, {
      phrase: { vi: 'xong', en: 'done' },
      summary: null,
      file: { name: 'ket-qua.txt', type: 'text/plain', size: 2, storage: 'db', ref: null, bytes: Buffer.from('ok') },
    });
    jobs[name] = job.id;
  }

  await createPeriod(t.db, ctx, {
    code: PERIOD,
    name: 'Thời kỳ 2022–2026',
    startDate: '2022-01-01',
    endDate: '2026-07-01',
  });
  for (const [unitId, quota] of [
    [units.vn, 10_000],
    [units.hanoi, 1000],
    [units.hue, 1000],
    [units.baDinh, 100],
    [units.hueCommune, 100],
  ] as const) {
    await allocate(t.db, ctx, { period: PERIOD, category: 'commune_cadre', unitId, quota });
  }
  await recordPresent(t.db, ctx, {
    period: PERIOD,
    category: 'commune_cadre',
    unitId: units.baDinh,
    asOf: '2025-12-31',
    present: 90,
  });
  await recordPresent(t.db, ctx, {
    period: PERIOD,
    category: 'commune_cadre',
    unitId: units.hueCommune,
    asOf: '2025-12-31',
    present: 90,
  });
  const table = async (unitId: number) =>
    (
      await exportXlsx(await tableRows(t.db, ctx, PERIOD, unitId, 'commune_cadre'), {
        period: PERIOD,
        unitName: 'x',
        year: 2025,
      })
    ).toString('base64');
  const tasklist = (await exportTaskList(t.db, ctx, program.id)).content.toString('base64');
  // Indicators (issue 14): the national definitions and targets, and one figure each commune reported for itself.
  await loadNational(t.db, ctx);
  const reportFigure = async (user: string, unitKey: string, unitId: number) =>
    (
      await recordValue(
        t.db,
        {
          user: {
            id: userIds[user],
            username: user,
            displayName: user,
            grants: [{ role: 'commune_officer', unitId, unitName: user }],
          },
          actorLabel: user,
          ip: null,
          userAgent: null,
          via: 'session',
        },
        {
          indicator: 'GRDP',
          unit: unitKey,
          period: '2026',
          value: '1',
          status: 'provisional',
          source: 'test',
          known_from: '2026-03-01',
        },
      )
    ).id;
  const indicatorValues = {
    in: await reportFigure('badinh', 'new:c:00004', units.baDinh),
    out: await reportFigure('phongdien', 'new:c:19900', units.hueCommune),
  };

  // People (issue 12): one affected person in each commune, and a register file for the import case.
  const personIn = async (unitId: number, i: number) => {
    const sheet = await readRegisterFile(await registerWorkbook([personCells(i)]));
    await importRegister(t.db, ctx, sheet, { unitId, dryRun: false, source: 'matrix' });
    const rows = await t.db.selectFrom('people').select('id').where('unit_id', '=', unitId).execute();
    return rows[0].id;
  };
  const people = { in: await personIn(units.baDinh, 1), out: await personIn(units.hueCommune, 2) };
  const register = (await registerWorkbook([personCells(3)])).toString('base64');
  // Handovers (issue 11): Trúc Bạch's, submitted by Hà Nội's officer (who may then not count it), and an old Huế commune's.
  const handovers = await handoverMatrixWorld(t.db, units, async (id) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/handovers/${id}/submit`,
      headers: { cookie: sessions.hanoi.cookie, 'x-csrf-token': sessions.hanoi.csrf },
    });
    if (res.statusCode !== 200) throw new Error(`matrix: handover submit refused (${res.statusCode} ${res.body})`);
  });

  return {
    units,
    userIds,
    sessions,
    login,
    program: program.id,
    tasks: { central, hanoiTask, hueTask, baDinhTask, phongDienTask },
    reports: { in: reportIn, out: reportOut },
    requests,
    warnings: { in: warningIn, out: warningOut },
    notes,
    tokens,
    jobs,
    programCode: program.code,
    tables: { in: await table(units.baDinh), out: await table(units.hueCommune) },
    tasklist,
    // channel: consultations (issue 13)
    consultations: await seedMatrixConsultations(t.db, units),
    people,
    register,
    indicatorValues,
    handovers,
    feedback: await seedFeedbackPair(t.db),
    questions: await seedQuestionPair(t.db, units, userIds.loginonly),
  };
}
