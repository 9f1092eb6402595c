// Demo content (demo mode only): the real 2026–2030 Action Program imported
// from its text through the parser, deadlines as the text names them, a
// sample of tasks with demo deadlines and funding, cascaded to all 34
// provinces and to the communes of Hà Nội and Huế, with progress reports
// spread over time. Deterministic (fixed seed); every row is marked is_demo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../platform/db/db.ts';
import { systemContext } from '../platform/context.ts';
import { todayIso } from '../platform/errors.ts';
import { addDays } from './warnings/index.ts';
import { importDocument } from './tasks/tasks.service.ts';
import { adjustTask } from './amendments/amendments.service.ts';
import { cascadeTask } from './cascade/cascade.service.ts';
import type { InsertObject } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';
import { recordAudit } from '../platform/audit/record.ts';
import { followReports, reportingPeriod } from './reports/reports.periods.ts';
import { propagateUp } from './cascade/cascade.propagate.ts';
import { reevaluateAll } from './warnings/warnings.service.ts';
import { evaluateInSlices } from './warnings/warnings.evaluate.ts';
import { markLatestReported, reviewDueSql } from './reports/reports.store.ts';
import { findProgramByCode } from './tasks/tasks.versions.store.ts';
import type { ProgramMetaInput } from './program.schemas.ts';

export const PROGRAM_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/program/action-program-2026-2030.en.txt',
);

export const PROGRAM_2026_META: ProgramMetaInput = {
  code: 'CTHD-XIV-2026-2030',
  titleVi:
    'Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, giai đoạn 2026–2030',
  titleEn: 'Action Program implementing the Resolution of the 14th National Party Congress, 2026–2030',
  resolutionRef: 'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  issuingBody: 'Ban Chấp hành Trung ương',
  periodStart: '2026-01-01',
  periodEnd: '2030-12-31',
  cadence: 'quarterly',
  reportGraceDays: 10,
  escalationDays: 14,
  reviewDays: 5,
};

/** mulberry32: a small, fixed-seed generator, so every demo database is the same. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampled tasks (by code) with the deadline a decision gave them in the demo and their funding. */
const SAMPLE: { code: string; deadline: string; funding: 'full' | 'short' | 'none'; communes?: string[] }[] = [
  { code: 'II.5.1', deadline: 'quý IV/2026', funding: 'full', communes: ['01', '46'] },
  { code: 'II.6.4', deadline: 'năm 2027', funding: 'short', communes: ['46'] },
  { code: 'II.11.3', deadline: 'tháng 6/2026', funding: 'full' },
  { code: 'II.1.a.3', deadline: 'quý III/2026', funding: 'none' },
  { code: 'II.7.4', deadline: '6 tháng đầu năm 2027', funding: 'full' },
  { code: 'II.12.g.2', deadline: 'năm 2026', funding: 'short' },
];

export async function loadProgramDemo(db: Db) {
  if (await findProgramByCode(db, PROGRAM_2026_META.code)) return null;
  const started = performance.now();
  const ctx = systemContext('system:demo');
  const rand = random(2026);
  const today = todayIso();
  const imported = await importDocument(db, ctx, PROGRAM_2026_META, fs.readFileSync(PROGRAM_FILE, 'utf8'), {
    language: 'en',
    effectiveDate: '2026-01-01',
    decisionRef: 'Nghị quyết Đại hội XIV',
    isDemo: true,
  });
  const programId = imported.program.id;
  const byCode = async (code: string) =>
    db.selectFrom('tasks').selectAll().where('program_id', '=', programId).where('code', '=', code).executeTakeFirst();
  let cascaded = 0;
  for (const s of SAMPLE) {
    const task = await byCode(s.code);
    if (!task) continue; // the text changed; the demo skips what it cannot find
    const funding =
      s.funding === 'none'
        ? []
        : [
            {
              source: 'central_budget' as const,
              amountRequired: 50_000,
              amountAllocated: s.funding === 'full' ? 50_000 : 20_000,
            },
          ];
    await adjustTask(db, ctx, task.id, {
      version: task.version,
      decisionRef: 'Dữ liệu minh họa / demo',
      reason: 'Giao thời hạn và kinh phí (minh họa) / demo deadline and funding',
      effectiveDate: '2026-01-15',
      changes: { deadline: { phrase: s.deadline }, funding, startDate: '2026-01-15' },
    });
    cascaded += (
      await cascadeTask(
        db,
        ctx,
        task.id,
        { target: { kind: 'all_provinces' }, asOf: '2026-01-20' },
        { isDemo: true, effectiveDate: '2026-01-20' },
      )
    ).created;
    for (const province of s.communes ?? []) {
      const child = await byCode(`${s.code}@${province}`);
      const unit = await db
        .selectFrom('units')
        .select('id')
        .where('id', '=', child?.unit_id ?? 0)
        .executeTakeFirst();
      if (child && unit)
        cascaded += (
          await cascadeTask(
            db,
            ctx,
            child.id,
            { target: { kind: 'communes_of', provinceId: unit.id }, asOf: '2026-01-20' },
            { isDemo: true, effectiveDate: '2026-01-20' },
          )
        ).created;
    }
  }
  // Leaves (tasks with no cascaded children) get reports: a pace per unit, a report roughly every quarter, some
  // late, some silent. Earlier reports were reviewed (a few returned); the latest is accepted, awaiting review or
  // returned. Written in bulk, then in the same transaction, as the services would one by one: each task follows
  // its ACCEPTED reports (its official figures) and shows the latest one awaiting review beside them, the cascade
  // parents follow, and every task is judged with its warnings' texts written from the figures just stored, so a
  // warning can never quote a figure the task does not show.
  const leaves = await db
    .selectFrom('tasks as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .selectAll('t')
    .select('u.parent_id as unit_parent_id')
    .where('t.program_id', '=', programId)
    .where('t.cascaded', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('tasks as c').select('c.id').whereRef('c.parent_id', '=', 't.id'))),
    )
    .orderBy('t.id')
    .execute();
  const people = await demoOfficers(db);
  const rows = leaves.flatMap((leaf) => demoReports(rand, leaf, people, today));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('task_reports')
        .values(rows.slice(i, i + 500))
        .execute();
    for (const leaf of leaves) await followReports(trx, leaf);
    await markLatestReported(trx, programId);
    const parents = new Set<number>();
    for (const leaf of leaves)
      if (leaf.parent_id && !parents.has(leaf.parent_id)) {
        parents.add(leaf.parent_id);
        await propagateUp(trx, leaf);
      }
    const all = await trx
      .selectFrom('tasks')
      .select('id')
      .where('program_id', '=', programId)
      .where('kind', '=', 'task')
      .orderBy('id')
      .execute();
    await evaluateInSlices(
      trx,
      all.map((t) => t.id),
      today,
    );
    const states = Object.fromEntries(
      ['accepted', 'submitted', 'returned'].map((st) => [st, rows.filter((r) => r.state === st).length]),
    );
    await recordAudit(trx, ctx, {
      action: 'program.demo.reports',
      entity: 'program',
      entityId: programId,
      after: { reports: rows.length, tasks: leaves.length, states },
    });
  });
  const evaluation = await reevaluateAll(db, today);
  return {
    programId,
    tasks: imported.counts,
    cascaded,
    reports: rows.length,
    evaluation,
    ms: Math.round(performance.now() - started),
  };
}

/** The demo users granted at a unit, by unit: who writes its reports and who reviews those of the units below. */
async function demoOfficers(db: Db) {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.unit_id', 'u.id', 'u.username'])
    .where('g.role', 'in', ['central_officer', 'province_officer', 'commune_officer'])
    .orderBy('u.id')
    .execute();
  const byUnit = new Map<number, { id: number; username: string }>();
  for (const r of rows) if (!byUnit.has(r.unit_id)) byUnit.set(r.unit_id, { id: r.id, username: r.username });
  return byUnit;
}

type Leaf = { id: number; unit_id: number; unit_parent_id: number | null; due_date: string | null };

function demoReports(rand: () => number, leaf: Leaf, people: Awaited<ReturnType<typeof demoOfficers>>, today: string) {
  if (rand() < 0.15) return []; // a silent unit
  const pace = 0.4 + rand() * 1.0; // share of the planned pace
  const span = Math.max(1, (Date.parse(leaf.due_date ?? '2027-12-31') - Date.parse('2026-01-15')) / 86400_000);
  const reviewerUnit = leaf.unit_parent_id ?? leaf.unit_id;
  const author = people.get(leaf.unit_id),
    reviewer = people.get(reviewerUnit);
  const out: InsertObject<Database, 'task_reports'>[] = [];
  let progress = 0;
  for (
    let date = addDays('2026-03-20', Math.floor(rand() * 30));
    date <= today;
    date = addDays(date, 80 + Math.floor(rand() * 25))
  ) {
    progress = Math.min(
      100,
      Math.max(progress, Math.round(((Date.parse(date) - Date.parse('2026-01-15')) / 86400_000 / span) * 100 * pace)),
    );
    const done = progress >= 100;
    const period = reportingPeriod(date, 'quarterly', PROGRAM_2026_META.reportGraceDays);
    const late = rand() < 0.2 ? 5 + Math.floor(rand() * 20) : 0;
    const submittedOn = addDays(date, late) > today ? date : addDays(date, late);
    const last = done || addDays(date, 80) > today;
    // Earlier reports were reviewed long ago (one in ten returned); a recent latest one mostly still waits, an
    // older one mostly was reviewed (the few still waiting are the reviewers' overdue warnings).
    const review = rand();
    const recent = addDays(submittedOn, 15) >= today;
    const state = !last
      ? review < 0.9
        ? 'accepted'
        : 'returned'
      : recent
        ? review < 0.3
          ? 'accepted'
          : review < 0.9
            ? 'submitted'
            : 'returned'
        : review < 0.75
          ? 'accepted'
          : review < 0.88
            ? 'submitted'
            : 'returned';
    const reviewedOn =
      state === 'submitted'
        ? null
        : addDays(submittedOn, 2 + Math.floor(rand() * 6)) > today
          ? today
          : addDays(submittedOn, 2 + Math.floor(rand() * 6));
    out.push({
      task_id: leaf.id,
      report_date: date,
      period_label: period.label,
      period_due: period.due,
      progress,
      status: done ? 'done' : 'in_progress',
      narrative: done ? 'Đã hoàn thành (minh họa).' : `Đang triển khai, đạt ${progress}% (minh họa).`,
      obstacles: pace < 0.7 ? 'Thiếu nhân lực chuyên trách (minh họa).' : null,
      resources_needed: pace < 0.6 && rand() < 0.5 ? 'Đề nghị bổ sung kinh phí (minh họa).' : null,
      state,
      review_comment: state === 'returned' ? 'Đề nghị bổ sung minh chứng (minh họa).' : null,
      reviewed_at: reviewedOn ? `${reviewedOn}T15:00:00+07:00` : null,
      reviewed_by: reviewedOn ? (reviewer?.id ?? null) : null,
      submitted_by: author?.id ?? null,
      submitted_by_label: author?.username ?? 'system:demo',
      submitted_at: `${submittedOn}T09:00:00+07:00`,
      is_late: submittedOn > period.due,
      is_demo: true,
      reviewer_unit_id: reviewerUnit,
      review_due: reviewDueSql(submittedOn, PROGRAM_2026_META.reviewDays ?? 5),
    });
    if (done) break;
  }
  return out;
}
