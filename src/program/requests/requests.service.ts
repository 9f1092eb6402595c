// Change requests: the assigned unit may not change its task's definition
// (program.rights.ts), so it ASKS the level that assigned it: a later deadline,
// a cancellation, funding, or something else, always with a reason. The
// assigner approves (the change is then made as an amendment carrying the
// decision's reference and a link to the request) or refuses with a comment;
// the requester may withdraw while it waits. Both sides see the requests, each
// step is audited and notified through the inbox.
import type { Db } from '../../platform/db/db.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, notFound, todayIso, type Message } from '../../platform/errors.ts';
import type { Role } from '../../platform/context.ts';
import type { ChangeRequestInput, DecideRequestInput } from '../program.schemas.ts';
import * as store from './requests.store.ts';
import type { z } from 'zod';
import type { CHANGE_KINDS, ProposedChangeOut, REQUEST_STATES } from './requests.schemas.ts';
import { findTask } from '../tasks/tasks.store.ts';
import { adjustTaskIn, resolveDeadline, type AmendmentInput } from '../amendments/amendments.service.ts';
import { cancelTaskIn } from '../amendments/amendments.cancel.ts';
import { notifyUsers } from '../events/events.inbox.ts';
import { CHANNELS, publish } from '../events/events.publish.ts';
import { ownGrantUnits, requireUnitIn, scopeOf } from '../program.scope.ts';
import { PROGRAM } from '../program.policy.ts';
import { placeOf, refuseFor, refuse, userOf, writerAt, writerOver, type ChainUnit } from '../program.rights.ts';

const requestNotFound = (id: number) => notFound({ vi: `đề nghị điều chỉnh số ${id}`, en: `Change request ${id}` });
const KIND_LABEL: Record<string, Message> = {
  deadline: { vi: 'lùi thời hạn', en: 'deadline extension' },
  cancel: { vi: 'hủy nhiệm vụ', en: 'cancellation' },
  funding: { vi: 'kinh phí', en: 'funding' },
  other: { vi: 'điều chỉnh khác', en: 'other change' },
};
const STATE_LABEL: Record<string, Message> = {
  approved: { vi: 'được chấp thuận', en: 'approved' },
  refused: { vi: 'bị từ chối', en: 'refused' },
  withdrawn: { vi: 'đã rút', en: 'withdrawn' },
};

/** What the caller may do on a request: decide (the assigner's writers, never the requester) or withdraw (the requester). */
function requestRights(ctx: RequestContext, r: { state: string; requested_by: number | null }, assigner: ChainUnit[]) {
  const user = userOf(ctx);
  const pending = r.state === 'pending';
  const requester = !user || (r.requested_by !== null && r.requested_by === user.id);
  const decide = pending && writerOver(user, assigner) && !(user && r.requested_by === user.id);
  return { approve: decide, refuse: decide, withdraw: pending && requester };
}

function present(ctx: RequestContext, r: store.ListedRequest) {
  return {
    id: r.id,
    taskId: r.task_id,
    programId: r.program_id,
    taskCode: r.task_code,
    taskTitle: { vi: r.task_title_vi, en: r.task_title_en },
    unitId: r.task_unit_id,
    unitName: r.unit_name,
    // Text and JSON columns as their CHECK constraints (migration 0016) and createChangeRequest write them.
    kind: r.kind as (typeof CHANGE_KINDS)[number],
    reason: r.reason,
    proposed: r.proposed as z.output<typeof ProposedChangeOut>,
    state: r.state as (typeof REQUEST_STATES)[number],
    assigner: r.assigner_chain[0] ?? null,
    requestedBy: r.requested_by_label,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by_label,
    decidedAt: r.decided_at,
    decisionComment: r.decision_comment,
    decisionRef: r.decision_ref,
    amendmentId: r.amendment_id,
    version: r.version,
    can: requestRights(ctx, r, r.assigner_chain),
  };
}

async function readRequest(db: Db, ctx: RequestContext, id: number) {
  const r = (await store.listRequests(db, { id, readable: null, limit: 1, offset: 0 })).items[0];
  if (!r) throw requestNotFound(id);
  await requireUnitIn(db, ctx, r.task_unit_id, PROGRAM['task.read']);
  return r;
}

/** The assignee asks the assigning level for a change of its task. */
export async function createChangeRequest(db: Db, ctx: RequestContext, taskId: number, input: ChangeRequestInput) {
  const task = await findTask(db, taskId);
  if (!task || task.kind !== 'task') throw notFound({ vi: `nhiệm vụ số ${taskId}`, en: `Task ${taskId}` });
  const user = userOf(ctx);
  const place = await placeOf(db, task);
  if (!writerAt(user, task.unit_id)) {
    await refuseFor(db, ctx, task.unit_id, {
      vi: `Chỉ cán bộ của chính đơn vị được giao (${place.chain[0]?.name}) mới gửi đề nghị điều chỉnh nhiệm vụ này.`,
      en: `Only officers of the assigned unit itself (${place.chain[0]?.name}) may ask for a change of this task.`,
    });
  }
  if (task.status === 'cancelled') throw badRequest({ vi: 'Nhiệm vụ đã hủy.', en: 'The task is cancelled.' });
  const proposed =
    input.kind === 'deadline'
      ? { deadline: resolveDeadline(input.deadline) }
      : input.kind === 'funding'
        ? { funding: input.funding }
        : {};
  if (await store.openRequestOfKind(db, taskId, input.kind)) {
    throw conflict({
      vi: `Nhiệm vụ này đã có một đề nghị ${KIND_LABEL[input.kind].vi} đang chờ quyết định; hãy rút đề nghị đó trước khi gửi đề nghị mới.`,
      en: `This task already has a ${KIND_LABEL[input.kind].en} request awaiting a decision; withdraw it before sending a new one.`,
    });
  }
  const assigner = place.assigner[0];
  return db.transaction().execute(async (trx) => {
    const row = await store.insertRequest(trx, {
      task_id: task.id,
      program_id: task.program_id,
      kind: input.kind,
      reason: input.reason,
      proposed: JSON.stringify(proposed),
      assigner_unit_id: assigner.id,
      requested_by: user?.id ?? null,
      requested_by_label: user?.username ?? ctx.actorLabel,
    });
    const deciders = await store.writersAt(trx, assigner.id, PROGRAM['change.decide'].who as Role[], user?.id ?? null);
    await notifyUsers(
      trx,
      deciders.map((userId) => ({
        userId,
        kind: 'change_requested',
        entity: 'task',
        entityId: task.id,
        title: {
          vi: `Đề nghị ${KIND_LABEL[input.kind].vi}: nhiệm vụ ${task.code}`,
          en: `${KIND_LABEL[input.kind].en} requested: task ${task.code}`,
        },
        body: {
          vi: `${place.chain[0]?.name} đề nghị ${KIND_LABEL[input.kind].vi}. Lý do: ${input.reason}`,
          en: `${place.chain[0]?.name} asks for a ${KIND_LABEL[input.kind].en}. Reason: ${input.reason}`,
        },
      })),
    );
    await recordAudit(trx, ctx, {
      action: 'program.change_request.create',
      entity: 'task_change_request',
      entityId: row.id,
      after: { taskId, ...input, proposed, assignerUnitId: assigner.id, state: row.state, version: row.version },
    });
    await publish(trx, CHANNELS.task, { programId: task.program_id, taskIds: [task.id] });
    return present(ctx, {
      ...row,
      task_code: task.code,
      task_title_vi: task.title_vi,
      task_title_en: task.title_en,
      task_unit_id: task.unit_id,
      unit_name: place.chain[0]?.name ?? '',
      assigner_chain: place.assigner,
    });
  });
}

/**
 * Approve (the change is made as an amendment under the decision, linked to the request), refuse (with a comment)
 * or withdraw (the requester). A request is decided once.
 */
export async function decideChangeRequest(
  db: Db,
  ctx: RequestContext,
  id: number,
  decision: 'approve' | 'refuse' | 'withdraw',
  input: DecideRequestInput,
) {
  if (decision === 'refuse' && !input.comment)
    throw badRequest({ vi: 'Từ chối đề nghị phải kèm ý kiến.', en: 'Refusing a request needs a comment.' });
  if (decision === 'approve' && !input.decisionRef) {
    throw badRequest({
      vi: 'Chấp thuận đề nghị cần số hiệu văn bản quyết định (decisionRef).',
      en: 'Approving a request needs the reference of the deciding document (decisionRef).',
    });
  }
  const user = userOf(ctx);
  const listed = await readRequest(db, ctx, id);
  const may = requestRights(ctx, listed, listed.assigner_chain);
  if (decision === 'withdraw' ? !may.withdraw : !may.approve) {
    if (listed.state !== 'pending') throw alreadyDecided(listed);
    if (decision === 'withdraw')
      throw refuse({
        vi: 'Chỉ người gửi đề nghị mới rút được đề nghị.',
        en: 'Only the requester may withdraw a request.',
      });
    if (user && listed.requested_by === user.id)
      throw refuse({ vi: 'Không ai tự quyết định đề nghị của mình.', en: 'Nobody decides their own request.' });
    throw refuse({
      vi: `Đề nghị này do ${listed.assigner_chain[0]?.name ?? 'cấp giao nhiệm vụ'} (cấp đã giao nhiệm vụ) quyết định.`,
      en: `This request is decided by ${listed.assigner_chain[0]?.name ?? 'the assigning level'} (the level that assigned the task).`,
    });
  }
  return db.transaction().execute(async (trx) => {
    const before = (await store.lockRequest(trx, id))!;
    if (before.state !== 'pending') throw alreadyDecided(before);
    if (before.version !== input.version) {
      throw conflict({
        vi: `Đề nghị đã thay đổi (phiên bản ${before.version}); hãy tải lại.`,
        en: `The request changed (version ${before.version}); reload it.`,
      });
    }
    let amendment: { id: number; version_no: number } | undefined;
    if (decision === 'approve') amendment = await applyRequest(trx, ctx, before, input);
    const decided = (await store.decideRequest(trx, id, input.version, {
      state: decision === 'approve' ? 'approved' : decision === 'refuse' ? 'refused' : 'withdrawn',
      // A withdrawal is the requester's, not a decision: decided_by (which a CHECK keeps apart from requested_by, nobody
      // decides their own request) stays empty and the label names who withdrew it; the audit row names them too.
      decided_by: decision === 'withdraw' ? null : (user?.id ?? null),
      decided_by_label: user?.username ?? ctx.actorLabel,
      decision_comment: input.comment ?? null,
      decision_ref: decision === 'approve' ? (input.decisionRef ?? null) : null,
      amendment_id: amendment?.id ?? null,
    }))!;
    if (decision !== 'withdraw' && before.requested_by !== null) {
      await notifyUsers(trx, [
        {
          userId: before.requested_by,
          kind: `change_${decided.state}`,
          entity: 'task',
          entityId: before.task_id,
          title: {
            vi: `Đề nghị ${KIND_LABEL[before.kind].vi} ${STATE_LABEL[decided.state].vi}`,
            en: `${KIND_LABEL[before.kind].en} request ${STATE_LABEL[decided.state].en}`,
          },
          body: {
            vi: `Nhiệm vụ ${listed.task_code}${input.decisionRef && decision === 'approve' ? ` (văn bản ${input.decisionRef})` : ''}${input.comment ? `: ${input.comment}` : '.'}`,
            en: `Task ${listed.task_code}${input.decisionRef && decision === 'approve' ? ` (decision ${input.decisionRef})` : ''}${input.comment ? `: ${input.comment}` : '.'}`,
          },
        },
      ]);
    }
    await recordAudit(trx, ctx, {
      action: `program.change_request.${decision}`,
      entity: 'task_change_request',
      entityId: id,
      before: {
        taskId: before.task_id,
        kind: before.kind,
        reason: before.reason,
        proposed: before.proposed,
        state: before.state,
        version: before.version,
      },
      after: {
        state: decided.state,
        version: decided.version,
        decisionRef: decided.decision_ref,
        comment: decided.decision_comment,
        amendment: amendment?.version_no ?? null,
      },
    });
    await publish(trx, CHANNELS.task, { programId: before.program_id, taskIds: [before.task_id] });
    return present(ctx, { ...listed, ...decided });
  });
}

const alreadyDecided = (r: { state: string }) =>
  conflict({
    vi: `Đề nghị đã ${STATE_LABEL[r.state]?.vi ?? r.state}; không quyết định lại được.`,
    en: `The request was already ${STATE_LABEL[r.state]?.en ?? r.state}; it cannot be decided again.`,
  });

/** The approved change, as an amendment by the approver under their decision, linked to the request. */
async function applyRequest(trx: Db, ctx: RequestContext, r: store.RequestRow, input: DecideRequestInput) {
  const task = (await findTask(trx, r.task_id))!;
  const amend: AmendmentInput = {
    decisionRef: input.decisionRef!,
    effectiveDate: input.effectiveDate ?? todayIso(),
    reason: `Đề nghị số ${r.id} (${r.requested_by_label}): ${r.reason}${input.comment ? ` — ${input.comment}` : ''}`,
  };
  const proposed = r.proposed as { deadline?: unknown; funding?: unknown };
  const opts = { changeRequestId: r.id };
  if (r.kind === 'cancel') await cancelTaskIn(trx, ctx, task.id, { ...amend, version: task.version }, opts);
  else if (r.kind === 'deadline')
    await adjustTaskIn(
      trx,
      ctx,
      task.id,
      { ...amend, version: task.version, changes: { deadline: proposed.deadline as never } },
      opts,
    );
  else if (r.kind === 'funding')
    await adjustTaskIn(
      trx,
      ctx,
      task.id,
      { ...amend, version: task.version, changes: { funding: proposed.funding as never } },
      opts,
    );
  else if (input.changes && Object.keys(input.changes).length)
    await adjustTaskIn(trx, ctx, task.id, { ...amend, version: task.version, changes: input.changes }, opts);
  else return undefined; // "other": the decision is recorded; the change, if any, is made by its own amendment
  return store.amendmentOfRequest(trx, r.id);
}

/** Requests in the caller's reach: on one task, or a program's, from either side ('to_decide': theirs to decide; 'mine': on their own units' tasks). */
export async function listChangeRequests(
  db: Db,
  ctx: RequestContext,
  q: {
    taskId?: number;
    programId?: number;
    side: 'to_decide' | 'mine' | 'all';
    state?: string;
    limit: number;
    offset: number;
  },
) {
  if (q.taskId !== undefined) {
    const task = await findTask(db, q.taskId);
    if (!task) throw notFound({ vi: `nhiệm vụ số ${q.taskId}`, en: `Task ${q.taskId}` });
    await requireUnitIn(db, ctx, task.unit_id, PROGRAM['task.read']);
  }
  const user = userOf(ctx);
  const scope = await scopeOf(db, ctx, PROGRAM['task.read']);
  const writerUnits = user ? ownGrantUnits(ctx, PROGRAM['change.decide']) : undefined;
  const ownUnits = user ? user.grants.map((g) => g.unitId) : undefined;
  const r = await store.listRequests(db, {
    taskId: q.taskId,
    programId: q.programId,
    state: q.state === 'all' ? undefined : q.state,
    limit: q.limit,
    offset: q.offset,
    readable: scope.all ? null : scope.unitIds,
    assignerUnits: q.side === 'to_decide' ? writerUnits : undefined,
    taskUnits: q.side === 'mine' ? ownUnits : undefined,
  });
  return { total: r.total, items: r.items.map((x) => present(ctx, x)) };
}
