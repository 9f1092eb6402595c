// Seed for the score tests (database and CLI): the mini registry with a second old ward merged into Ba Đình,
// four tasks of Ba Đình due 30/06/2026 (on time, late, on time with a major error, only submitted/returned
// reports), two chairs in two groups, and the chair's ratings and votes. Illustrative data.
import type { Db } from '../../platform/db/db.ts';
import { systemContext } from '../../platform/context.ts';
import { seedMiniRegistry } from '../../units/units.fixtures.ts';
import { createUser } from '../../accounts/accounts.service.ts';
import { addLeader, recordAssessment } from './scores.service.ts';

const sys = systemContext('test');

export async function seedScores(db: Db) {
  const tasks: number[] = [];
  const u = await seedMiniRegistry(db);
  // a second old ward merged into Ba Đình: two predecessors → disruption 1 point
  const ev = await db.selectFrom('lineage_events').select('id').executeTakeFirstOrThrow();
  const old = await db.selectFrom('units').selectAll().where('id', '=', u.trucBach).executeTakeFirstOrThrow();
  const { id: _id, ...rest } = old;
  const other = await db
    .insertInto('units')
    .values({ ...rest, key: 'old:c:00001', code: '00001', name: 'Phúc Xá', full_name: 'Phường Phúc Xá' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('lineage_links')
    .values({
      event_id: ev.id,
      from_unit_id: other.id,
      to_unit_id: u.baDinh,
      kind: 'whole',
      note: null,
      source: 'test',
    })
    .execute();
  const program = await db
    .insertInto('programs')
    .values({
      code: 'CT-TEST',
      title_vi: 'Chương trình thử',
      issuing_body: 'test',
      period_start: '2026-01-01',
      period_end: '2030-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const n of [1, 2, 3, 4]) {
    const r = await db
      .insertInto('tasks')
      .values({
        program_id: program.id,
        kind: 'task',
        code: `T${n}`,
        unit_id: u.baDinh,
        title_vi: `Nhiệm vụ ${n}`,
        due_date: '2026-06-30',
        status: 'in_progress',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks.push(Number(r.id));
  }
  const report = (task: number, date: string, state: string) => ({
    task_id: task,
    report_date: date,
    period_label: '2026-Q2',
    period_due: '2026-07-10',
    progress: 100,
    status: 'done',
    state,
    submitted_by_label: 'test',
  });
  // t1 on time, t2 late (15/07), t3 on time; t4 only a submitted and a returned report: not completed
  await db
    .insertInto('task_reports')
    .values([
      report(tasks[0]!, '2026-06-01', 'accepted'),
      report(tasks[1]!, '2026-07-15', 'accepted'),
      report(tasks[2]!, '2026-06-20', 'accepted'),
      report(tasks[3]!, '2026-06-10', 'submitted'),
      report(tasks[3]!, '2026-06-05', 'returned'),
    ])
    .execute();
  const chairUser = await createUser(db, sys, {
    username: 'chu-tich-ba-dinh',
    displayName: 'Chủ tịch Ba Đình (minh họa)',
    password: 'correct horse 1',
    grants: [{ role: 'viewer', unitId: u.baDinh }],
  });
  const chair = await addLeader(db, sys, {
    fullName: 'Nguyễn Văn A (minh họa)',
    userId: chairUser.id,
    unitId: u.baDinh,
    position: 'chair',
    groupCode: 'chair:01:commune',
    validFrom: '2025-07-01',
    decision: 'QĐ 1/2025 (minh họa)',
  });
  await addLeader(db, sys, {
    fullName: 'Trần Thị B (minh họa)',
    unitId: u.hueCommune,
    position: 'chair',
    groupCode: 'chair:46:commune',
    validFrom: '2025-07-01',
    decision: 'QĐ 2/2025 (minh họa)',
  });
  const a = { leaderId: chair, period: '2026', decision: 'BB 3/2026 (minh họa)', decidedOn: '2026-12-20' };
  await recordAssessment(db, sys, { ...a, kind: 'superior', score: 80 });
  await recordAssessment(db, sys, { ...a, kind: 'peer', score: 70 });
  await recordAssessment(db, sys, { ...a, kind: 'peer', score: 90 });
  await recordAssessment(db, sys, { ...a, kind: 'confidence', votes: { high: 6, medium: 2, low: 2 } });
  const errorId = await recordAssessment(db, sys, {
    ...a,
    kind: 'major_error',
    taskId: tasks[2]!,
    note: 'Sai số liệu',
  });
  return { u, tasks, chair, chairUserId: chairUser.id, errorId };
}
