// Staffing quotas: periods, the assigned quota of each node per category, and
// the rule that no level ever gives out more than it was given. The check runs
// inside the writing call with the parent's allocation row locked
// (SELECT … FOR UPDATE), so concurrent writers under one parent queue and each
// sees the others' committed figures; a CHECK constraint backs it in the table.
import type { Db } from '../../platform/db/db.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { checkRole, grantUnits, requireGrantOver } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import * as store from './quotas.store.ts';
import { ensureNode, describeTarget, type NodeRow, type Target } from './quotas.nodes.ts';
import { belowOwnCommitments, overParentQuota, toleranceWarning } from './quotas.messages.ts';
import type { AllocateInput, PeriodInput } from '../staffing.schemas.ts';
import { presentRecorded } from './quotas.figures.ts';

type Q = Kysely<Database>;

export async function createPeriod(db: Db, ctx: RequestContext, input: PeriodInput) {
  checkRole(ctx, STAFFING['staffing.period']);
  if (input.endDate <= input.startDate)
    throw badRequest({ vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' });
  return db.transaction().execute(async (trx) => {
    if (await store.findPeriod(trx, input.code))
      throw conflict({ vi: `Thời kỳ ${input.code} đã có.`, en: `Period ${input.code} already exists.` });
    const row = await store.insertPeriod(trx, {
      code: input.code,
      name: input.name,
      start_date: input.startDate,
      end_date: input.endDate,
      legal_basis: input.legalBasis ?? null,
      tolerance_share: input.toleranceShare ?? 0.95,
      data_note: input.dataNote ?? null,
    });
    await recordAudit(trx, ctx, {
      action: 'staffing.period.create',
      entity: 'staffing_period',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

// A period row never changes once created (there is no update), so each database handle
// remembers the ones it has read: one query less on every write.
const periodCache = new WeakMap<object, Map<string, NonNullable<Awaited<ReturnType<typeof store.findPeriod>>>>>();

export async function loadPeriod(db: Q, code: string) {
  const cache = periodCache.get(db) ?? new Map();
  periodCache.set(db, cache);
  const hit = cache.get(code);
  if (hit) return hit;
  const p = await store.findPeriod(db, code);
  if (!p) throw notFound({ vi: `thời kỳ biên chế ${code}`, en: `Staffing period ${code}` });
  cache.set(code, p);
  return p;
}

// Categories are seeded by the migration and never change at run time: read once per process.
let categoryCodes: Promise<Set<string>> | null = null;
async function loadCategory(db: Q, code: string): Promise<string> {
  categoryCodes ??= store.listCategories(db).then((rows) => new Set(rows.map((r) => r.code)));
  const known = await categoryCodes.catch((err) => {
    categoryCodes = null;
    throw err;
  });
  if (!known.has(code))
    throw badRequest({ vi: `Không có loại biên chế "${code}".`, en: `There is no staffing category "${code}".` });
  return code;
}

/** Who may set a node's quota: whoever holds the level that gives it (the parent's unit); the country's total only central roles. */
export async function requireGiverScope(db: Q, ctx: RequestContext, target: Target) {
  const d = await describeTarget(db, target);
  if (d.parentUnitId === null) await requireGrantOver(db, ctx, STAFFING['staffing.allocate.country'], d.unitId);
  else await requireGrantOver(db, ctx, STAFFING['staffing.allocate'], d.parentUnitId);
}

export interface AllocationOutcome {
  nodeId: number;
  name: string;
  category: string;
  quota: number;
  reserve: number;
  allocatedBelow: number;
  available: number;
  parent: {
    nodeId: number;
    name: string;
    quota: number;
    reserve: number;
    allocatedBelow: number;
    available: number;
  } | null;
  warnings: ReturnType<typeof toleranceWarning>[];
}

/** The audit columns recordAudit (platform/audit/record.ts) fills from this context: the write functions of migration 0008 insert the record themselves, in the same call. */
export const auditActor = (ctx: RequestContext): store.AuditActor => ({
  actorId: ctx.user?.id ?? null,
  actor: ctx.user?.username ?? ctx.actorLabel,
  ip: ctx.ip,
  userAgent: ctx.userAgent,
});

type Period = { id: number; tolerance_share: number };
interface Request {
  period: Period;
  key: string;
  category: string;
  quota: number;
  reserve: number | undefined;
  decisionRef: string | null;
  action: string;
}

function runChecked(db: Q, ctx: RequestContext, r: Request, scope: { writer: number[]; central: number[] } | null) {
  return store.checkedAllocation(db, {
    periodId: r.period.id,
    key: r.key,
    category: r.category,
    quota: r.quota,
    reserve: r.reserve ?? null,
    decisionRef: r.decisionRef,
    scope,
    actor: auditActor(ctx),
    action: r.action,
  });
}

/** Turns the call's answer into the refusal it names (nothing was written), or the outcome with its tolerance warnings. */
function outcomeOf(r: store.CheckedAllocation, period: Period, category: string, quota: number): AllocationOutcome {
  const parentName = r.parent_name ?? '';
  if (r.refusal === 'closed')
    throw conflict({
      vi: 'Nút này đã đóng do sáp nhập; hãy phân bổ cho đơn vị kế thừa.',
      en: 'This node was closed by a merger; allocate to its successor.',
    });
  if (r.refusal === 'parent_closed') {
    throw conflict({
      vi: `${parentName} đã đóng do sáp nhập; không giao thêm cho đơn vị trực thuộc của nó.`,
      en: `${parentName} was closed by a merger; nothing more is allocated under it.`,
    });
  }
  if (r.refusal === 'parent_quota') {
    throw overParentQuota({
      parentName,
      category,
      quota: r.p_quota,
      reserve: r.p_reserve,
      allocatedToOthers: r.p_below - r.quota,
      requested: quota,
    });
  }
  if (r.refusal === 'own_allocations') {
    throw belowOwnCommitments({
      nodeName: r.name,
      category,
      requested: quota,
      reserve: r.new_reserve,
      allocatedBelow: r.allocated_below,
    });
  }
  if (r.refusal !== null || r.after_quota == null)
    throw new Error(`staffing allocation: unexpected answer ${r.refusal}`);
  const share = Number(period.tolerance_share);
  const after = { quota: r.after_quota, reserve: r.after_reserve!, allocated_below: r.after_below! };
  const used = (x: { allocated_below: number; reserve: number }) => x.allocated_below + x.reserve;
  const warnings: AllocationOutcome['warnings'] = [];
  let parent: AllocationOutcome['parent'] = null;
  if (r.parent_id !== null && r.parent_after_quota != null) {
    const p = { quota: r.parent_after_quota, reserve: r.parent_after_reserve!, allocated_below: r.parent_after_below! };
    parent = {
      nodeId: r.parent_id,
      name: parentName,
      quota: p.quota,
      reserve: p.reserve,
      allocatedBelow: p.allocated_below,
      available: p.quota - used(p),
    };
    if (p.quota > 0 && used(p) >= share * p.quota)
      warnings.push(toleranceWarning(parentName, category, used(p), p.quota, share));
  }
  if (after.quota > 0 && used(after) >= share * after.quota)
    warnings.push(toleranceWarning(r.name, category, used(after), after.quota, share));
  return {
    nodeId: r.node_id,
    name: r.name,
    category,
    quota: after.quota,
    reserve: after.reserve,
    allocatedBelow: after.allocated_below,
    available: after.quota - used(after),
    parent,
    warnings,
  };
}

/**
 * Sets one node's quota (and reserve) in one category, inside `trx` (merges and table
 * imports call it among other writes; the caller has checked scope). One call locks
 * the parent's row then the node's own, checks both limits, writes and audits
 * (store.checkedAllocation); a node without a row in this category gets one first.
 */
export async function allocateInTrx(
  trx: Q,
  ctx: RequestContext,
  period: Period,
  node: NodeRow,
  category: string,
  quota: number,
  reserve: number | undefined,
  decisionRef: string | null,
  action = 'staffing.allocate',
): Promise<AllocationOutcome> {
  const req: Request = { period, key: node.key, category, quota, reserve, decisionRef, action };
  let r = await runChecked(trx, ctx, req, null);
  if (r?.refusal === 'missing') {
    await store.ensureAllocationRow(trx, node.id, category);
    r = await runChecked(trx, ctx, req, null);
  }
  if (!r) throw new Error(`staffing allocation: node ${node.key} not found in its own transaction`);
  return outcomeOf(r, period, category, quota);
}

/**
 * Sets the quota of a unit or agency in a period and category; refused (nothing changed)
 * when a limit would be exceeded or the giving unit is outside the caller's scope.
 * The usual case — the node and its row exist — is one call in its own transaction,
 * with the scope check inside it (one round trip in all). A node's first
 * allocation, and any scope refusal (for the canonical message), take the step-by-step path.
 */
export async function allocate(db: Db, ctx: RequestContext, input: AllocateInput): Promise<AllocationOutcome> {
  checkRole(ctx, STAFFING['staffing.allocate']);
  const target = toTarget(input);
  const user = requireUser(ctx); // the CLI and the system act with full rights
  const period = await loadPeriod(db, input.period);
  const category = await loadCategory(db, input.category);
  const key = target.agencyId !== undefined ? `a:${target.agencyId}` : `u:${target.unitId}`;
  const req: Request = {
    period,
    key,
    category,
    quota: input.quota,
    reserve: input.reserve,
    decisionRef: input.decisionRef ?? null,
    action: 'staffing.allocate',
  };
  const scope = user && {
    writer: grantUnits(ctx, STAFFING['staffing.allocate']),
    central: grantUnits(ctx, STAFFING['staffing.allocate.country']),
  };
  const fast = await runChecked(db, ctx, req, scope);
  if (fast && fast.refusal !== 'missing' && fast.refusal !== 'scope')
    return outcomeOf(fast, period, category, input.quota);
  if (user) await requireGiverScope(db, ctx, target);
  return db.transaction().execute(async (trx) => {
    const node = await ensureNode(trx, period.id, target);
    return allocateInTrx(trx, ctx, period, node, category, input.quota, input.reserve, input.decisionRef ?? null);
  });
}

export function toTarget(input: { unitId?: number; agencyId?: number }): Target {
  if (input.agencyId !== undefined) return { agencyId: input.agencyId };
  if (input.unitId !== undefined) return { unitId: input.unitId };
  throw badRequest({
    vi: 'Cần chỉ rõ đơn vị (unitId) hoặc cơ quan (agencyId).',
    en: 'Give a unit (unitId) or an agency (agencyId).',
  });
}

/** Assigned, allocated below, reserve, available and present of one unit or agency, per category. */
export async function available(db: Db, ctx: RequestContext, periodCode: string, target: Target) {
  const d = await describeTarget(db, target);
  await requireGrantOver(db, ctx, STAFFING['staffing.read'], d.unitId);
  const period = await loadPeriod(db, periodCode);
  const node = await store.findNodeByKey(db, period.id, d.key);
  const categories = await store.listCategories(db);
  const rows = node ? await store.allocationsOf(db, node.id) : [];
  const byCat = new Map(rows.map((r) => [r.category, r]));
  const items = categories.map((c) => {
    const r = byCat.get(c.code);
    const quota = r?.quota ?? 0,
      reserve = r?.reserve ?? 0,
      below = r?.allocated_below ?? 0;
    // The quota covers the whole subtree, so it is compared with the subtree's headcount.
    const recorded = r !== undefined && presentRecorded(r);
    const presentTotal = recorded ? r!.present_below : null;
    return {
      category: c.code,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      quota,
      reserve,
      allocatedBelow: below,
      available: quota - reserve - below,
      present: r?.present ?? null,
      presentAsOf: r?.present_as_of ?? null,
      presentTotal,
      vacancies: presentTotal === null ? null : Math.max(0, quota - presentTotal),
      redundant: presentTotal === null ? null : Math.max(0, presentTotal - quota),
    };
  });
  const sum = (k: 'quota' | 'reserve' | 'allocatedBelow' | 'available') => items.reduce((s, i) => s + i[k], 0);
  return {
    period: period.code,
    nodeId: node?.id ?? null,
    name: d.name,
    items,
    total: {
      quota: sum('quota'),
      reserve: sum('reserve'),
      allocatedBelow: sum('allocatedBelow'),
      available: sum('available'),
    },
  };
}
