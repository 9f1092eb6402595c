// `apparatus program warnings`, `program report`, `program reevaluate`, `program reviews`, `program holidays list|add`,
// `program tasklist import|export`.
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { sql } from 'kysely';
import type { Db } from '../platform/db/db.ts';
import { AppError, badRequest, notFound, parseIsoDate, todayIso } from '../platform/errors.ts';
import { loadConfig } from '../platform/config.ts';
import { findUnitByCode } from '../units/registry/registry.store.ts';
import { computeEvaluations, loadEvalRowsOfUnits } from '../program/warnings/warnings.evaluate.ts';
import { reevaluateAll } from '../program/warnings/warnings.service.ts';
import { annualReportData } from '../program/annual/annual.service.ts';
import { annualReportDocx } from '../program/annual/annual.docx.ts';
import { annualReportXlsx } from '../program/annual/annual.xlsx.ts';
import { findProgramByCode, listPrograms } from '../program/tasks/tasks.versions.store.ts';
import { annualReportJob, requestAnnualReport } from '../program/annual/annual.job.ts';
import { Jobs, presentJob } from '../platform/jobs/jobs.service.ts';
import { exportTaskList, importTaskList } from '../program/tasklist/tasklist.service.ts';
import { deliveriesSince, lastDeliveryId } from '../program/warnings/warnings.webhooks.ts';
import { reviewQueue } from '../program/reviews/reviews.service.ts';
import { findHoliday, holidaysFrom, saveHoliday } from '../platform/calendar/holidays.store.ts';
import { findUserByName, grantsOf } from '../accounts/accounts.store.ts';
import { recordAudit } from '../platform/audit/record.ts';
import type { RequestContext } from '../platform/context.ts';
import { printJson, printTable } from './output.ts';
import { cliContext, withDb } from './run.ts';

const group = (program: Command, name: string, description: string) =>
  program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);

async function subtree(db: Db, code: string, asOf: string) {
  const unit = await findUnitByCode(db, code, asOf);
  if (!unit)
    throw notFound({ vi: `đơn vị mã ${code} (còn hiệu lực ngày ${asOf})`, en: `Unit ${code} (in force on ${asOf})` });
  const r = await sql<{
    id: number;
  }>`with recursive d(id) as (select ${unit.id}::bigint union select u.id from units u join d on u.parent_id = d.id) select id from d`.execute(
    db,
  );
  return { unit, ids: r.rows.map((x) => x.id) };
}

/** What the engine says on a date about the tasks of a unit's subtree (or all), without writing anything. */
export async function warningsAsOf(db: Db, asOf: string, unitCode?: string) {
  const scope = unitCode ? await subtree(db, unitCode, asOf) : null;
  const rows = await loadEvalRowsOfUnits(db, scope?.ids ?? null);
  const evaluated = await computeEvaluations(db, rows, asOf);
  const codes = new Map(
    (
      await db
        .selectFrom('tasks as t')
        .innerJoin('units as u', 'u.id', 't.unit_id')
        .select(['t.id', 't.code', 'u.name'])
        .where('t.id', 'in', rows.length ? rows.map((r) => r.id) : [0])
        .execute()
    ).map((t) => [t.id, t]),
  );
  const warnings = evaluated.flatMap((e) =>
    e.evaluation.warnings.map((w) => ({
      taskId: e.row.id,
      code: codes.get(e.row.id)?.code,
      unit: codes.get(e.row.id)?.name,
      rating: e.rating,
      kind: w.kind,
      severity: w.severity,
      message: w.message,
      facts: w.facts,
    })),
  );
  const byRating: Record<string, number> = {};
  for (const e of evaluated) if (e.rating) byRating[e.rating] = (byRating[e.rating] ?? 0) + 1;
  return {
    asOf,
    unit: scope ? { code: scope.unit.code, name: scope.unit.name } : null,
    tasks: rows.length,
    byRating,
    warnings,
  };
}

export function registerProgramCommands(program: Command) {
  const cmd = group(program, 'program', 'Action programs: import, warnings, reports');

  cmd
    .command('warnings')
    .description("Warnings the engine raises on a date for the tasks of a unit's subtree (reads only)")
    .option('--as-of <date>', 'YYYY-MM-DD (default today)')
    .option('--unit <code>', 'official unit code, e.g. 01 or VN')
    .option('--limit <n>', 'rows to print (text output)', '50')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const asOf = o.asOf ? parseIsoDate(o.asOf, '--as-of') : todayIso();
        const r = await warningsAsOf(db, asOf, o.unit);
        if (o.json) return printJson(r);
        console.log(
          `Cảnh báo ngày ${r.asOf}${r.unit ? ` — ${r.unit.name}` : ''} / warnings on ${r.asOf}: ${r.warnings.length} trên ${r.tasks} nhiệm vụ / on ${r.tasks} tasks`,
        );
        console.log(`Xếp hạng / ratings: ${JSON.stringify(r.byRating)}\n`);
        printTable(
          r.warnings
            .slice(0, Number(o.limit))
            .map((w) => ({ task: w.code, unit: w.unit, rating: w.rating, kind: w.kind, message: w.message.vi })),
        );
      }),
    );

  cmd
    .command('reevaluate')
    .description('The daily run: re-evaluate every task, store warnings and rollups, escalate old warnings')
    .option('--as-of <date>', 'YYYY-MM-DD (default today)')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const before = await lastDeliveryId(db);
        const r = {
          ...(await reevaluateAll(db, o.asOf ? parseIsoDate(o.asOf, '--as-of') : todayIso(), 10000, loadConfig())),
          ...(await deliveriesSince(db, before)),
        };
        if (o.json) printJson(r);
        else printTable([r]);
      }),
    );

  cmd
    .command('report')
    .description('Annual implementation report (official layout) as Word or Excel')
    .option('--year <yyyy>', 'year of the report', todayIso().slice(0, 4))
    .requiredOption('--format <format>', 'docx | xlsx')
    .requiredOption('--out <file>', 'file to write')
    .option('--program <code>', 'program code (default: the latest program)')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        if (!/^\d{4}$/.test(o.year))
          throw badRequest({ vi: '--year phải là năm 4 chữ số.', en: '--year must be a 4-digit year.' });
        if (o.format !== 'docx' && o.format !== 'xlsx')
          throw badRequest({ vi: '--format phải là docx hoặc xlsx.', en: '--format must be docx or xlsx.' });
        const data = await annualReportData(db, cliContext(), { year: Number(o.year), programCode: o.program });
        const bytes = o.format === 'docx' ? await annualReportDocx(data) : await annualReportXlsx(data);
        await fs.writeFile(o.out, bytes);
        const summary = {
          file: o.out,
          format: o.format,
          bytes: bytes.length,
          program: data.program.code,
          year: data.year,
          asOf: data.asOf,
          tasks: data.national.total,
        };
        if (o.json) printJson(summary);
        else
          console.log(
            `Đã ghi / wrote ${o.out} (${bytes.length} bytes): ${data.national.total} nhiệm vụ / tasks, số liệu ngày / as of ${data.asOf}`,
          );
      }),
    );

  cmd
    .command('annual-report')
    .description(
      'The annual report as a background job (the same queue as the web): with --wait, runs it here too, shows each step and writes the file',
    )
    .requiredOption('--year <yyyy>', 'year of the report')
    .requiredOption('--format <format>', 'docx | xlsx')
    .option('--program <code>', 'program code (default: the latest program)')
    .option('--out <file>', 'file to write (with --wait)')
    .option('--wait', 'wait for the job, showing its progress, and write the file', false)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async (handle) => {
        if (!/^\d{4}$/.test(o.year))
          throw badRequest({ vi: '--year phải là năm 4 chữ số.', en: '--year must be a 4-digit year.' });
        if (o.format !== 'docx' && o.format !== 'xlsx')
          throw badRequest({ vi: '--format phải là docx hoặc xlsx.', en: '--format must be docx or xlsx.' });
        if (o.wait && !o.out) throw badRequest({ vi: '--wait cần --out <tệp>.', en: '--wait needs --out <file>.' });
        const code = o.program ?? (await listPrograms(handle.db)).at(-1)?.code;
        if (!code) throw notFound({ vi: 'chương trình nào', en: 'Any program' });
        const jobs = new Jobs(handle, [annualReportJob], [], { log: (m) => console.warn(m) });
        try {
          const job = await requestAnnualReport(handle.db, jobs, cliContext(), {
            year: Number(o.year),
            program: code,
            format: o.format,
          });
          if (!o.wait) {
            if (o.json) printJson(presentJob(job));
            else
              console.log(
                `Đã xếp hàng công việc số ${job.id} / queued job ${job.id}: a running server works it (GET /api/jobs/${job.id}); or run again with --wait`,
              );
            return;
          }
          await jobs.start({ work: true });
          const row = await jobs.waitFor(job.id, (r) => {
            if (o.json) return;
            const pct = r.progress_total ? ` ${Math.round((100 * r.progress_done) / r.progress_total)}%` : '';
            console.log(
              `[${r.state}${pct}] ${r.progress_done}/${r.progress_total} ${r.phrase_vi ?? ''} / ${r.phrase_en ?? ''}${r.error_vi ? ` — ${r.error_vi} / ${r.error_en}` : ''}`,
            );
          });
          if (row.state !== 'done')
            throw new AppError(
              500,
              'job-failed',
              { vi: 'Công việc thất bại', en: 'Job failed' },
              { vi: row.error_vi ?? 'Không rõ lỗi', en: row.error_en ?? 'Unknown error' },
            );
          const file = await jobs.result(cliContext(), job.id);
          await fs.writeFile(o.out, file.content);
          if (o.json) printJson({ ...presentJob(row), file: o.out });
          else console.log(`Đã ghi / wrote ${o.out} (${file.content.length} bytes)`);
        } finally {
          await jobs.stop();
        }
      }),
    );

  cmd
    .command('reviews')
    .description("Reports awaiting review: a user's queue (--user), else every report awaiting review")
    .option('--user <name>', "the reviewer whose queue to list (their own units' queue; --all for all they may review)")
    .option('--all', "with --user: every report the user may review, not only their own units' queue", false)
    .option('--program <code>', 'program code')
    .option('--unit <code>', "reports on tasks of this unit's subtree (official code)")
    .option('--period <label>', 'reporting period, e.g. 2026-Q3 or 2026-09')
    .option(
      '--late <which>',
      '"submission" (sent after the period\'s deadline) or "review" (waiting past the review deadline)',
    )
    .option('--limit <n>', 'rows', '50')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        if (o.late && o.late !== 'submission' && o.late !== 'review')
          throw badRequest({
            vi: '--late phải là submission hoặc review.',
            en: '--late must be submission or review.',
          });
        const ctx = o.user ? await userContext(db, o.user) : cliContext();
        const unit = o.unit ? await findUnitByCode(db, o.unit, todayIso()) : undefined;
        if (o.unit && !unit) throw notFound({ vi: `đơn vị mã ${o.unit}`, en: `Unit ${o.unit}` });
        const r = await reviewQueue(db, ctx, {
          programId: o.program ? (await programByCode(db, o.program)).id : undefined,
          unitId: unit?.id,
          period: o.period,
          lateness: o.late,
          scope: o.all || !o.user ? 'all' : 'mine',
          limit: Number(o.limit),
          offset: 0,
        });
        if (o.json) return printJson(r);
        console.log(
          `${r.total} báo cáo chờ duyệt, ${r.overdue} quá hạn duyệt / ${r.total} reports awaiting review, ${r.overdue} past their review deadline`,
        );
        printTable(
          r.items.map((i) => ({
            report: i.id,
            task: i.task.code,
            unit: i.task.unitName,
            period: i.period,
            reported: `${i.progress}% ${i.status}`,
            official: `${i.task.official.progress}% ${i.task.official.status}`,
            by: i.submittedBy,
            due: i.reviewDue,
            waited: `${i.waitingWorkingDays} ngày làm việc`,
            late: i.reviewOverdue ? 'QUÁ HẠN DUYỆT' : i.late ? 'nộp muộn' : '',
          })),
        );
      }),
    );

  const holidays = cmd
    .command('holidays')
    .description('Public holidays not counted as working days (review deadlines); weekends never count');
  holidays
    .command('list')
    .description('Holidays from a date')
    .option('--from <date>', 'YYYY-MM-DD', `${todayIso().slice(0, 4)}-01-01`)
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const rows = await holidaysFrom(db, parseIsoDate(o.from, '--from'));
        if (o.json) printJson({ items: rows });
        else printTable(rows.map((h) => ({ day: h.day, name: h.name_vi, basis: h.basis })));
      }),
    );
  holidays
    .command('add')
    .description("Add a day off (Tết, the Hùng Kings' day, a swapped day), with the document that sets it")
    .argument('<date>', 'YYYY-MM-DD')
    .requiredOption('--name <vi>', 'name in Vietnamese')
    .option('--name-en <en>', 'name in English')
    .requiredOption('--basis <ref>', 'the document that sets it, e.g. "Thông báo 6150/TB-BLĐTBXH"')
    .option('--json', 'JSON output', false)
    .action((date: string, o) =>
      withDb(o.json, async ({ db }) => {
        const row = { day: parseIsoDate(date, 'date'), name_vi: o.name, name_en: o.nameEn ?? o.name, basis: o.basis };
        await db.transaction().execute(async (trx) => {
          const before = await findHoliday(trx, row.day);
          await saveHoliday(trx, row);
          await recordAudit(trx, cliContext(), {
            action: 'program.holiday.set',
            entity: 'public_holiday',
            entityId: row.day,
            before: before ?? null,
            after: row,
          });
        });
        if (o.json) printJson(row);
        else console.log(`Đã ghi ngày nghỉ / holiday saved: ${row.day} ${row.name_vi} (${row.basis})`);
      }),
    );

  const tasklist = cmd
    .command('tasklist')
    .description("A program's tasks as an Excel task list (documented template, data/program/README.md)");
  tasklist
    .command('import')
    .description('Apply an Excel task list as amendments: new codes added, changed rows adjusted; all or nothing')
    .argument('<file>', 'task list (.xlsx)')
    .requiredOption('--program <code>', 'program code')
    .requiredOption('--decision <ref>', 'decision ordering the amendments')
    .requiredOption('--reason <text>', 'reason of the amendments')
    .option('--effective-date <date>', 'YYYY-MM-DD (default today)')
    .option('--dry-run', 'show what would be added and changed; save nothing', false)
    .option('--json', 'JSON output', false)
    .action((file: string, o) =>
      withDb(o.json, async ({ db }) => {
        const p = await programByCode(db, o.program);
        const bytes = await fs.readFile(file).catch((err: Error) => {
          throw badRequest({
            vi: `Không đọc được tệp "${file}" (${err.message}).`,
            en: `Cannot read the file "${file}" (${err.message}).`,
          });
        });
        const r = await importTaskList(db, cliContext(), p.id, bytes, {
          fileName: file,
          decisionRef: o.decision,
          reason: o.reason,
          dryRun: o.dryRun,
          effectiveDate: o.effectiveDate ? parseIsoDate(o.effectiveDate, '--effective-date') : undefined,
        });
        if (o.json) return printJson(r);
        console.log(
          `${r.dryRun ? 'Chạy thử, chưa lưu / dry run, nothing saved' : 'Đã lưu / saved'}: ${r.added.length} thêm / added, ${r.changed.length} sửa / changed, ${r.unchanged} giữ nguyên / unchanged`,
        );
        const rows = [
          ...r.added.map((a) => ({ row: a.row, code: a.code, action: `add ${a.kind} under ${a.parentCode}` })),
          ...r.changed.map((c) => ({ row: c.row, code: c.code, action: `adjust: ${c.fields.join(', ')}` })),
        ];
        if (rows.length) printTable(rows);
        if (r.notInFile.length)
          console.log(
            `\nKhông có trong tệp (không bị hủy) / not in the file (not cancelled): ${r.notInFile.join(', ')}`,
          );
      }),
    );
  tasklist
    .command('export')
    .description("Write the program's tasks (not cascaded copies, not cancelled) in the task-list template")
    .requiredOption('--program <code>', 'program code')
    .requiredOption('--out <file>', 'file to write (.xlsx)')
    .option('--json', 'JSON output', false)
    .action((o) =>
      withDb(o.json, async ({ db }) => {
        const f = await exportTaskList(db, cliContext(), (await programByCode(db, o.program)).id);
        await fs.writeFile(o.out, f.content);
        const summary = { file: o.out, program: o.program, rows: f.rows, bytes: f.content.length };
        if (o.json) printJson(summary);
        else console.log(`Đã ghi / wrote ${o.out}: ${f.rows} dòng / rows`);
      }),
    );
}

/**
 * The context of a named user (their grants), to show what they would see. Only for reads: the rights are theirs
 * (not the operator's full rights), which `via: 'cli'` would give.
 */
async function userContext(db: Db, username: string): Promise<RequestContext> {
  const user = await findUserByName(db, username);
  if (!user) throw notFound({ vi: `người dùng "${username}"`, en: `User "${username}"` });
  return {
    user: { id: user.id, username: user.username, displayName: user.display_name, grants: await grantsOf(db, user.id) },
    actorLabel: `${cliContext().actorLabel} as ${user.username}`,
    ip: null,
    userAgent: null,
    via: 'session',
  };
}

async function programByCode(db: Db, code: string) {
  const p = await findProgramByCode(db, code);
  if (!p) throw notFound({ vi: `chương trình mã "${code}"`, en: `Program "${code}"` });
  return p;
}
