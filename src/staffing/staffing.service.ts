// Staffing quotas: periods, the assigned quota of each node per category, and
// the rule that no level ever gives out more than it was given. The check runs
// inside the writing transaction with the parent's allocation row locked
// (SELECT … FOR UPDATE), so concurrent writers under one parent queue and each
// sees the others' committed figures; a CHECK constraint backs it in the table.
import type { Db } from '../platform/db.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db-schema.ts';
import type { RequestContext, Role } from '../platform/context.ts';
import { recordAudit } from '../platform/audit.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { requireRole, requireUnitScope, requireUser, WRITER_ROLES } from '../accounts/access.ts';
import * as store from './staffing.store.ts';
import { ensureNode, describeTarget, type NodeRow, type Target } from './staffing.nodes.ts';
import { belowOwnCommitments, overParentQuota, toleranceWarning } from './staffing.messages.ts';
import type { AllocateInput, PeriodInput } from './staffing.schemas.ts';

type Q = Kysely<Database>;
const CENTRAL_ROLES: Role[] = ['system_admin', 'central_officer'];

export async function createPeriod(db: Db, ctx: RequestContext, input: PeriodInput) {
  requireRole(ctx, CENTRAL_ROLES);
  if (input.endDate <= input.startDate) throw badRequest({ vi: 'Ngày kết thúc phải sau ngày bắt đầu.', en: 'The end date must be after the start date.' });
  return db.transaction().execute(async (trx) => {
    if (await store.findPeriod(trx, input.code)) throw conflict({ vi: `Thời kỳ ${input.code} đã có.`, en: `Period ${input.code} already exists.` });
    const row = await store.insertPeriod(trx, { code: input.code, name: input.name, start_date: input.startDate, end_date: input.endDate,
      legal_basis: input.legalBasis ?? null, tolerance_share: input.toleranceShare ?? 0.95 });
    await recordAudit(trx, ctx, { action: 'staffing.period.create', entity: 'staffing_period', entityId: row.id, after: row });
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
  const known = await categoryCodes.catch((err) => { categoryCodes = null; throw err; });
  if (!known.has(code)) throw badRequest({ vi: `Không có loại biên chế "${code}".`, en: `There is no staffing category "${code}".` });
  return code;
}

/** Who may set a node's quota: whoever holds the level that gives it (the parent's unit); the country's total only central roles. */
export async function requireGiverScope(db: Q, ctx: RequestContext, target: Target) {
  const d = await describeTarget(db, target);
  if (d.parentUnitId === null) await requireUnitScope(db, ctx, d.unitId, CENTRAL_ROLES);
  else await requireUnitScope(db, ctx, d.parentUnitId, WRITER_ROLES);
}

export interface AllocationOutcome {
  nodeId: number; name: string; category: string; quota: number; reserve: number; allocatedBelow: number; available: number;
  parent: { nodeId: number; name: string; quota: number; reserve: number; allocatedBelow: number; available: number } | null;
  warnings: ReturnType<typeof toleranceWarning>[];
}

/**
 * Sets one node's quota (and reserve) in one category, inside `trx`. Locks the
 * parent's row first, then the node's own (always top-down, so writers at
 * different levels cannot deadlock), checks both limits, writes, audits.
 */
export async function allocateInTrx(trx: Q, ctx: RequestContext, period: { id: number; tolerance_share: number }, node: NodeRow,
  category: string, quota: number, reserve: number | undefined, decisionRef: string | null, action = 'staffing.allocate'): Promise<AllocationOutcome> {
  if (node.closed_at) throw conflict({ vi: 'Nút này đã đóng do sáp nhập; hãy phân bổ cho đơn vị kế thừa.', en: 'This node was closed by a merger; allocate to its successor.' });
  const parentId = node.parent_id;
  let locked = await store.lockWithParent(trx, node.id, parentId, category);
  if (!locked.own) {
    await store.ensureAllocationRow(trx, node.id, category);
    locked = await store.lockWithParent(trx, node.id, parentId, category);
  }
  const own = locked.own!;
  const parentRow = locked.parent ?? null;
  const newReserve = reserve ?? own.reserve;
  const name = own.agency_name ?? own.full_name;
  const parentName = parentRow ? parentRow.agency_name ?? parentRow.full_name : parentId === null ? '' : (await store.nodeNames(trx, [parentId])).get(parentId) ?? `#${parentId}`;
  if (parentRow?.closed_at) {
    throw conflict({ vi: `${parentName} đã đóng do sáp nhập; không giao thêm cho đơn vị trực thuộc của nó.`, en: `${parentName} was closed by a merger; nothing more is allocated under it.` });
  }
  if (parentId !== null) {
    const p = parentRow ?? { quota: 0, reserve: 0, allocated_below: 0 };
    const others = p.allocated_below - own.quota;
    if (others + p.reserve + quota > p.quota) {
      throw overParentQuota({ parentName, category, quota: p.quota, reserve: p.reserve, allocatedToOthers: others, requested: quota });
    }
  }
  if (own.allocated_below + newReserve > quota) {
    throw belowOwnCommitments({ nodeName: name, category, requested: quota, reserve: newReserve, allocatedBelow: own.allocated_below });
  }
  const written = await store.writeQuota(trx, node.id, parentRow ? parentId : null, category, { quota, reserve: newReserve, decision_ref: decisionRef ?? own.decision_ref }, quota - own.quota);
  const after = written.own;
  const parentAfter = written.parent;
  await recordAudit(trx, ctx, { action, entity: 'staffing_allocation', entityId: `${node.id}:${category}`,
    before: { quota: own.quota, reserve: own.reserve, decisionRef: own.decision_ref }, after: { periodId: period.id, quota, reserve: newReserve, decisionRef: after.decision_ref } });
  const warnings: AllocationOutcome['warnings'] = [];
  const share = Number(period.tolerance_share);
  const used = (r: { allocated_below: number; reserve: number }) => r.allocated_below + r.reserve;
  let parent: AllocationOutcome['parent'] = null;
  if (parentId !== null && parentAfter) {
    parent = { nodeId: parentId, name: parentName, quota: parentAfter.quota, reserve: parentAfter.reserve, allocatedBelow: parentAfter.allocated_below,
      available: parentAfter.quota - used(parentAfter) };
    if (parentAfter.quota > 0 && used(parentAfter) >= share * parentAfter.quota) warnings.push(toleranceWarning(parentName, category, used(parentAfter), parentAfter.quota, share));
  }
  if (after.quota > 0 && used(after) >= share * after.quota) warnings.push(toleranceWarning(name, category, used(after), after.quota, share));
  return { nodeId: node.id, name, category, quota: after.quota, reserve: after.reserve, allocatedBelow: after.allocated_below,
    available: after.quota - used(after), parent, warnings };
}

/** Sets the quota of a unit or agency in a period and category; refused (nothing changed) when a limit would be exceeded. */
export async function allocate(db: Db, ctx: RequestContext, input: AllocateInput): Promise<AllocationOutcome> {
  requireRole(ctx, WRITER_ROLES);
  const target = toTarget(input);
  if (requireUser(ctx)) await requireGiverScope(db, ctx, target); // the CLI and the system act with full rights
  const period = await loadPeriod(db, input.period);
  const category = await loadCategory(db, input.category);
  return db.transaction().execute(async (trx) => {
    const node = await ensureNode(trx, period.id, target);
    return allocateInTrx(trx, ctx, period, node, category, input.quota, input.reserve, input.decisionRef ?? null);
  });
}

export function toTarget(input: { unitId?: number; agencyId?: number }): Target {
  if (input.agencyId !== undefined) return { agencyId: input.agencyId };
  if (input.unitId !== undefined) return { unitId: input.unitId };
  throw badRequest({ vi: 'Cần chỉ rõ đơn vị (unitId) hoặc cơ quan (agencyId).', en: 'Give a unit (unitId) or an agency (agencyId).' });
}

/** Assigned, allocated below, reserve, available and present of one unit or agency, per category. */
export async function available(db: Db, ctx: RequestContext, periodCode: string, target: Target) {
  requireUser(ctx);
  const period = await loadPeriod(db, periodCode);
  const d = await describeTarget(db, target);
  const node = await store.findNodeByKey(db, period.id, d.key);
  const categories = await store.listCategories(db);
  const rows = node ? await store.allocationsOf(db, node.id) : [];
  const byCat = new Map(rows.map((r) => [r.category, r]));
  const items = categories.map((c) => {
    const r = byCat.get(c.code);
    const quota = r?.quota ?? 0, reserve = r?.reserve ?? 0, below = r?.allocated_below ?? 0;
    // The quota covers the whole subtree, so it is compared with the subtree's headcount.
    const recorded = r !== undefined && (r.present !== null || r.present_below !== 0);
    const presentTotal = recorded ? r!.present_below : null;
    return { category: c.code, nameVi: c.name_vi, nameEn: c.name_en, quota, reserve, allocatedBelow: below, available: quota - reserve - below,
      present: r?.present ?? null, presentAsOf: r?.present_as_of ?? null, presentTotal,
      vacancies: presentTotal === null ? null : Math.max(0, quota - presentTotal), redundant: presentTotal === null ? null : Math.max(0, presentTotal - quota) };
  });
  const sum = (k: 'quota' | 'reserve' | 'allocatedBelow' | 'available') => items.reduce((s, i) => s + i[k], 0);
  return { period: period.code, nodeId: node?.id ?? null, name: d.name, items,
    total: { quota: sum('quota'), reserve: sum('reserve'), allocatedBelow: sum('allocatedBelow'), available: sum('available') } };
}
