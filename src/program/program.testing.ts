// Test helpers of the program module.
import { expect } from 'vitest';
import type { TestDb } from '../platform/db/testing.ts';
import { rebuildRollups } from './dashboards/dashboards.rollups.store.ts';
import { systemContext } from '../platform/context.ts';
import { reviewReport, submitReport, type SubmitOptions } from './reports/reports.service.ts';
import type { ReportInput } from './program.schemas.ts';

/** The maintained rollups (by section and by due month) must equal a rebuild from the task table. */
export async function expectRollupsConsistent(t: TestDb, programId: number) {
  const read = async () => ({
    bySection: await t.db
      .selectFrom('program_rollups')
      .selectAll()
      .where('program_id', '=', programId)
      .where('total', '<>', 0)
      .orderBy('unit_id')
      .orderBy('section_id')
      .execute(),
    byDueMonth: await t.db
      .selectFrom('program_due_rollups')
      .selectAll()
      .where('program_id', '=', programId)
      .where('total', '<>', 0)
      .orderBy('unit_id')
      .orderBy('due_month')
      .execute(),
  });
  const maintained = await read();
  await t.db.transaction().execute((trx) => rebuildRollups(trx, programId));
  expect(maintained).toEqual(await read());
}

/** A task of the program by its code, as stored. */
export const taskByCode = (t: TestDb, programId: number, code: string) =>
  t.db
    .selectFrom('tasks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

/**
 * A report submitted and accepted by the level above (as the system, which holds every right): the figures
 * count only once accepted, and most tests are about what accepted figures do.
 */
export async function reportAccepted(t: TestDb, taskId: number, input: ReportInput, opts: SubmitOptions = {}) {
  const report = await submitReport(t.db, systemContext('test:unit'), taskId, input, opts);
  return reviewReport(
    t.db,
    systemContext('test:reviewer'),
    report.id,
    'accept',
    { version: report.version },
    { reviewedOn: opts.submittedOn },
  );
}
