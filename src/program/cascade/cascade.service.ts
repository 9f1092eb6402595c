// Cascade: assigns a task to a set of units below its own (all provinces, all
// communes of a province, or a list). Each unit gets a linked child task with
// that unit's People's Committee as lead agency; the parent's progress and
// status then follow the children (cascade.propagate.ts). Idempotent: units
// that already have their child task are skipped.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, notFound, todayIso } from '../../platform/errors.ts';
import { inForceSql } from '../../units/registry/registry.store.ts';
import type { CascadeInput } from '../program.schemas.ts';
import { insertFirstVersions, writeTaskVersion } from '../tasks/tasks.versions.store.ts';
import * as tasks from '../tasks/tasks.store.ts';
import { contentOf, loadContent, presentTask } from '../tasks/tasks.content.ts';
import { checkEffectiveDate, openAmendment } from '../amendments/amendments.service.ts';
import { applyRollupChanges, countedOf } from '../dashboards/dashboards.rollups.store.ts';
import { evaluateInSlices } from '../warnings/warnings.evaluate.ts';
import { afterTaskChange } from '../tasks/tasks.after-change.ts';
import { requireUnitIn } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import { requireAssigner } from '../program.rights.ts';

async function targetUnits(db: Db, task: tasks.TaskRow, input: CascadeInput, asOf: string) {
  const t = input.target;
  let q = db.selectFrom('units').select(['id', 'code', 'name', 'level', 'parent_id']).where(inForceSql(asOf, 'units'));
  if (t.kind === 'all_provinces') q = q.where('level', '=', 1);
  else if (t.kind === 'communes_of') q = q.where('level', '=', 3).where('parent_id', '=', t.provinceId);
  else q = q.where('id', 'in', t.unitIds);
  const units = await q.orderBy('code').execute();
  if (t.kind === 'units' && units.length !== new Set(t.unitIds).size) {
    throw badRequest({
      vi: `Có đơn vị không tồn tại hoặc không còn hiệu lực ngày ${asOf}.`,
      en: `Some units do not exist or are not in force on ${asOf}.`,
    });
  }
  if (units.length === 0)
    throw badRequest({ vi: 'Không có đơn vị nào để giao.', en: 'No units to assign the task to.' });
  const below = await sql<{ id: number }>`with recursive down(id) as (
      select id from units where parent_id = ${task.unit_id} union select u.id from units u join down on u.parent_id = down.id
    ) select id from down`.execute(db);
  const belowIds = new Set(below.rows.map((r) => r.id));
  for (const u of units) {
    if (!belowIds.has(u.id)) {
      throw badRequest({
        vi: `${u.name} không thuộc đơn vị của nhiệm vụ: chỉ giao xuống cấp dưới.`,
        en: `${u.name} is not below the task's unit: a task is cascaded downwards only.`,
      });
    }
  }
  return units;
}

export async function cascadeTask(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: CascadeInput,
  opts: { isDemo?: boolean; effectiveDate?: string } = {},
) {
  const asOf = input.asOf ?? todayIso();
  const task = await tasks.findTask(db, id);
  if (!task) throw notFound({ vi: `nhiệm vụ số ${id}`, en: `Task ${id}` });
  // The assigned unit hands its task down to the units below it; how the task's progress is computed from
  // theirs (the rollup mode) is part of the task's definition, the assigner's.
  await requireUnitIn(db, ctx, task.unit_id, PROGRAM['task.cascade']);
  if (input.rollupMode && input.rollupMode !== task.rollup_mode) await requireAssigner(db, ctx, task);
  if (task.kind !== 'task' || task.status === 'cancelled')
    throw badRequest({ vi: 'Chỉ giao được nhiệm vụ đang thực hiện.', en: 'Only an active task can be cascaded.' });
  const units = await targetUnits(db, task, input, asOf);
  return db.transaction().execute(async (trx) => {
    const parent = (await tasks.lockTask(trx, id))!;
    const existing = new Set((await tasks.cascadedChildren(trx, id)).map((c) => c.unit_id));
    // What the audit keeps as "before": the parent as locked, with the units it was already assigned to.
    const before = cascadeState(parent, [...existing]);
    const fresh = units.filter((u) => !existing.has(u.id));
    const committees = await trx
      .selectFrom('agencies')
      .select(['id', 'unit_id'])
      .where('unit_id', 'in', fresh.length ? fresh.map((u) => u.id) : [0])
      .where('kind', '=', 'peoples_committee')
      .where(sql<boolean>`(valid_to is null or valid_to > ${asOf}::date)`)
      .execute();
    const leadOf = new Map(committees.map((c) => [c.unit_id, c.id]));
    const effectiveDate = opts.effectiveDate ?? asOf;
    const rollupChanged = !!input.rollupMode && input.rollupMode !== parent.rollup_mode;
    // A rerun that assigns nothing new and keeps the rollup mode changes no content: no program version.
    const amendment =
      fresh.length || rollupChanged
        ? await openAmendment(trx, ctx, parent.program_id, 'cascade', {
            decisionRef: input.decisionRef ?? null,
            effectiveDate,
            reason:
              input.reason ??
              `Giao ${parent.code} cho ${fresh.length} đơn vị / assigned ${parent.code} to ${fresh.length} units`,
          })
        : null;
    if (amendment && rollupChanged) {
      // The rollup mode is part of the parent's content: a new dated version under this amendment, as an adjustment would write.
      await checkEffectiveDate(trx, id, effectiveDate);
      const updated = await tasks.updateTask(trx, id, { rollup_mode: input.rollupMode, version: parent.version + 1 });
      await writeTaskVersion(trx, {
        taskId: id,
        programId: parent.program_id,
        amendmentId: amendment.id,
        from: effectiveDate,
        content: await loadContent(trx, updated),
      });
    }
    const created: tasks.TaskRow[] = [];
    for (let i = 0; i < fresh.length; i += 500) {
      created.push(
        ...(await tasks.insertTasks(
          trx,
          fresh.slice(i, i + 500).map((u) => ({
            program_id: parent.program_id,
            parent_id: parent.id,
            kind: 'task',
            cascaded: true,
            position: parent.position,
            code: `${parent.code}@${u.code}`,
            section_id: parent.section_id,
            unit_id: u.id,
            lead_agency_id: leadOf.get(u.id) ?? null,
            title_vi: parent.title_vi,
            title_en: parent.title_en,
            description_vi: parent.description_vi,
            description_en: parent.description_en,
            deadline_kind: parent.deadline_kind,
            deadline_start: parent.deadline_start,
            due_date: parent.due_date,
            deadline_text: parent.deadline_text,
            start_date: parent.start_date,
            outputs: parent.outputs,
            tags: parent.tags,
            is_demo: opts.isDemo ?? parent.is_demo,
          })),
        )),
      );
    }
    if (amendment)
      await insertFirstVersions(
        trx,
        parent.program_id,
        amendment.id,
        effectiveDate,
        created.map((t) => ({ taskId: t.id, content: contentOf(t, { coordinators: [], funding: [], dependsOn: [] }) })),
      );
    await applyRollupChanges(
      trx,
      created.map((t) => ({ before: null, after: countedOf(t) })),
    );
    await evaluateInSlices(
      trx,
      created.map((t) => t.id),
      todayIso(),
    );
    // One new child, or the parent itself after a new rollup mode, recomputes the parent from all its children.
    const changed = [...(created.length ? [created[0].id] : []), ...(rollupChanged ? [id] : [])];
    if (changed.length) await afterTaskChange(trx, parent.program_id, changed);
    const now = (await tasks.findTask(trx, id))!;
    await recordAudit(trx, ctx, {
      action: 'program.task.cascade',
      entity: 'task',
      entityId: id,
      before,
      after: {
        amendment: amendment?.version_no ?? null,
        decisionRef: input.decisionRef ?? null,
        reason: amendment?.reason ?? null,
        target: input.target,
        ...cascadeState(now, [...existing, ...created.map((c) => c.unit_id)]),
        created: created.length,
        skipped: units.length - fresh.length,
      },
    });
    return {
      task: presentTask(now),
      created: created.length,
      skipped: units.length - fresh.length,
      withoutCommittee: created.filter((c) => c.lead_agency_id === null).map((c) => c.unit_id),
    };
  });
}

/** A cascaded task's state as the audit log keeps it: its rollup mode, figures and the units it is assigned on to. */
function cascadeState(t: tasks.TaskRow, unitIds: number[]) {
  return {
    rollupMode: t.rollup_mode,
    version: t.version,
    status: t.status,
    progress: t.progress,
    cascadedToUnitIds: [...unitIds].sort((a, b) => a - b),
  };
}
