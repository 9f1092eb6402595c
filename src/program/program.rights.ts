// Who may do what on a task and on its reports. One set of rules: the services
// enforce them and the API presents them to the client as `can` (the web shows
// a button only when the server says so, and never keeps a copy of the rule).
//
// - The ASSIGNER owns a task's definition (title, deadline, weight, funding,
//   dependencies, rollup mode, cancellation): for a task cascaded from a parent
//   task, the parent task's unit; for the program's own tasks, the country.
//   Changing it needs a writer grant whose subtree holds the assigner's unit.
// - The ASSIGNEE (a writer granted AT the task's unit) reports on the task and
//   may ask the assigner for a change; it may not make the change itself.
// - A report is reviewed by a writer whose grant holds the unit above the
//   task's unit (the country's own tasks: the country), never by its author.
// - Only its author edits a report, and never once it is accepted.
// The CLI and system jobs act as the operator (they already hold the database): no user, all rights.
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/db-schema.ts';
import type { AuthUser, RequestContext } from '../platform/context.ts';
import { forbidden, type Message } from '../platform/errors.ts';
import { requireUser } from '../accounts/sessions/sessions.access.ts';
import { WRITERS } from '../platform/policy/policy.ts';
import { requireUnitIn } from './program.scope.ts';
import { PROGRAM } from './program.policy.ts';
import { readPlace, type ChainUnit } from './program.places.store.ts';

export type { ChainUnit };

type Q = Kysely<Database>;
type Who = AuthUser | null;

/** Where a task sits: its unit and that unit's ancestors (nearest first), and who assigned it. */
export interface TaskPlace {
  chain: ChainUnit[];
  /** The unit that owns the task's definition, and its ancestors. */
  assigner: ChainUnit[];
  /** The unit whose writers review the task's reports, and its ancestors. */
  reviewer: ChainUnit[];
  /** Whether the task's unit has units below it (a commune has none to hand its task to). */
  unitsBelow: boolean;
}

export interface PlacedTask {
  id: number;
  unit_id: number;
  cascaded: boolean;
  parent_id: number | null;
}

/** Where a task sits, in one statement. */
export async function placeOf(db: Q, task: PlacedTask): Promise<TaskPlace> {
  const row = await readPlace(db, task.unit_id, task.cascaded ? task.parent_id : null);
  const chain = row.chain ?? [];
  return {
    chain,
    assigner: assignerChain(chain, row.parent_unit, row.parent_chain),
    reviewer: reviewerChain(chain),
    unitsBelow: row.units_below,
  };
}

/** The assigner: the parent task's unit (usually an ancestor of the task's), else the root of the chain (the country). */
function assignerChain(chain: ChainUnit[], parentUnit: number | null, parentChain: ChainUnit[] | null): ChainUnit[] {
  if (parentUnit === null) return chain.slice(-1);
  const at = chain.findIndex((u) => u.id === parentUnit);
  return at >= 0 ? chain.slice(at) : (parentChain ?? []);
}

/** The unit above the task's unit reviews; the country reviews its own. */
export const reviewerChain = (chain: ChainUnit[]): ChainUnit[] => (chain.length > 1 ? chain.slice(1) : chain);

/** The chain from `unitId` up, within a chain already read (a reviewer unit fixed on a report at submission). */
export const chainFrom = (chain: ChainUnit[], unitId: number | null): ChainUnit[] => {
  if (unitId === null) return reviewerChain(chain);
  const at = chain.findIndex((u) => u.id === unitId);
  return at >= 0 ? chain.slice(at) : [{ id: unitId, name: `#${unitId}` }];
};

// The writer roles of the rules these checks implement (program.policy.ts: report.submit, task.define, report.review, change.*).
const isWriter = (role: string) => (WRITERS as readonly string[]).includes(role);
/** A writer granted exactly at this unit (the unit itself speaks, not a level above it). */
export const writerAt = (user: Who, unitId: number) =>
  !user || user.grants.some((g) => isWriter(g.role) && g.unitId === unitId);
/** A writer whose granted subtree holds the first unit of `chain` (a grant on it or on any ancestor). */
export const writerOver = (user: Who, chain: ChainUnit[]) =>
  !user || (chain.length > 0 && user.grants.some((g) => isWriter(g.role) && chain.some((u) => u.id === g.unitId)));

export interface TaskState {
  status: string;
  kind: string;
  cascadedChildren: number;
}

/** What the caller may do on a task: the `can` of GET /api/tasks/:id. */
export function taskRights(user: Who, task: PlacedTask & TaskState, place: TaskPlace) {
  const active = task.status !== 'cancelled';
  const isTask = task.kind === 'task';
  return {
    report: isTask && active && task.cascadedChildren === 0 && writerAt(user, task.unit_id),
    adjust: active && writerOver(user, place.assigner),
    cancel: active && writerOver(user, place.assigner),
    cascade: isTask && active && place.unitsBelow && writerOver(user, place.chain),
    requestChange: isTask && active && writerAt(user, task.unit_id),
    /** May review reports on this task (each report also needs another author than the caller). */
    review: isTask && writerOver(user, place.reviewer),
  };
}
export type TaskRights = ReturnType<typeof taskRights>;

export interface ReportFacts {
  state: string;
  submitted_by: number | null;
  reviewer_unit_id: number | null;
}

/** What the caller may do on one report: the `can` of each report in GET /api/tasks/:id/reports. */
export function reportRights(user: Who, unitId: number, chain: ChainUnit[], r: ReportFacts) {
  const author = !user || (r.submitted_by !== null && r.submitted_by === user.id);
  return {
    edit: r.state !== 'accepted' && author && writerAt(user, unitId),
    review:
      r.state === 'submitted' &&
      !(user && r.submitted_by === user.id) &&
      writerOver(user, chainFrom(chain, r.reviewer_unit_id)),
  };
}

/** The current user, or null for the operator (CLI, system). */
export const userOf = (ctx: RequestContext): Who => requireUser(ctx);

const nameOf = (chain: ChainUnit[]) => chain[0]?.name ?? '?';

export const refusals = {
  notAssignee: (chain: ChainUnit[]): Message => ({
    vi: `Chỉ cán bộ của chính đơn vị được giao (${nameOf(chain)}) mới gửi báo cáo về nhiệm vụ này; cấp trên xem xét rồi chấp nhận hoặc trả lại.`,
    en: `Only officers of the assigned unit itself (${nameOf(chain)}) report on this task; the level above reviews and accepts or returns.`,
  }),
  notAssigner: (place: TaskPlace): Message => ({
    vi: `Nhiệm vụ này do ${nameOf(place.assigner)} giao: chỉ cấp giao nhiệm vụ mới được sửa thời hạn, trọng số, kinh phí, phụ thuộc hoặc hủy nhiệm vụ. Đơn vị được giao có thể gửi đề nghị điều chỉnh.`,
    en: `This task was assigned by ${nameOf(place.assigner)}: only the assigning level may change its deadline, weight, funding or dependencies, or cancel it. The assigned unit may send a change request.`,
  }),
  notReviewer: (reviewer: ChainUnit[]): Message => ({
    vi: `Báo cáo này do ${nameOf(reviewer)} (cấp trên của đơn vị báo cáo) xem xét.`,
    en: `This report is reviewed by ${nameOf(reviewer)} (the level above the reporting unit).`,
  }),
  ownReport: (): Message => ({
    vi: 'Không ai tự duyệt báo cáo của mình: báo cáo này do chính bạn gửi.',
    en: 'Nobody reviews their own report: you submitted this one.',
  }),
  notAuthor: (): Message => ({
    vi: 'Chỉ người gửi báo cáo mới sửa được báo cáo. Nếu báo cáo cần sửa, hãy trả lại kèm ý kiến.',
    en: 'Only the author of a report may edit it. If it needs changes, return it with a comment.',
  }),
};

export const refuse = (m: Message) => forbidden(m);

/** Refused: out of the caller's scope altogether (the same answer as a read), else not theirs to do (`why`). */
export async function refuseFor(db: Q, ctx: RequestContext, unitId: number, why: Message): Promise<never> {
  await requireUnitIn(db, ctx, unitId, PROGRAM['task.read']);
  throw refuse(why);
}

/** The definition of a task (deadline, weight, funding, dependencies, rollup mode, cancellation) is the assigner's. */
export async function requireAssigner(db: Q, ctx: RequestContext, task: PlacedTask): Promise<void> {
  const user = userOf(ctx);
  if (!user) return;
  const place = await placeOf(db, task);
  if (!writerOver(user, place.assigner)) await refuseFor(db, ctx, task.unit_id, refusals.notAssigner(place));
}

/** A new task of the program itself is the country's (the program's owner) to add. */
export async function requireProgramOwner(db: Q, ctx: RequestContext, parent: PlacedTask): Promise<void> {
  const user = userOf(ctx);
  if (!user) return;
  const { chain } = await placeOf(db, parent);
  const country = chain.slice(-1);
  if (!writerOver(user, country)) {
    await refuseFor(db, ctx, parent.unit_id, {
      vi: `Chỉ ${country[0]?.name ?? 'cấp trung ương'} (chủ chương trình) mới thêm được nhiệm vụ vào chương trình.`,
      en: `Only ${country[0]?.name ?? 'the central level'} (the program's owner) may add tasks to the program.`,
    });
  }
}
