// The allocation tree follows the registry: a unit's node hangs under the node
// of its parent unit, an agency's node under the node of its unit. Nodes are
// created on first use, root first, so a writer never finds a half-built chain.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import * as store from './quotas.store.ts';

type Q = Kysely<Database>;
export type Target = { unitId: number; agencyId?: undefined } | { agencyId: number; unitId?: undefined };
export type NodeRow = NonNullable<Awaited<ReturnType<typeof store.findNode>>>;

/** Where a target sits: its key, its own unit, the unit of its parent node (null for the country) and a name for messages. */
export async function describeTarget(db: Q, target: Target) {
  if (target.agencyId !== undefined) {
    const agency = await store.findAgency(db, target.agencyId);
    if (!agency) throw notFound({ vi: `cơ quan số ${target.agencyId}`, en: `Agency ${target.agencyId}` });
    return {
      key: `a:${agency.id}`,
      unitId: agency.unit_id,
      agencyId: agency.id,
      parentUnitId: agency.unit_id,
      parentIsUnitNode: true,
      name: agency.name,
    };
  }
  const unit = await store.findUnit(db, target.unitId);
  if (!unit) throw notFound({ vi: `đơn vị số ${target.unitId}`, en: `Unit ${target.unitId}` });
  if (unit.parent_id === null && unit.level !== 0) {
    throw badRequest({
      vi: `${unit.full_name} không có đơn vị cấp trên trong danh mục.`,
      en: `${unit.full_name} has no parent unit in the registry.`,
    });
  }
  return {
    key: `u:${unit.id}`,
    unitId: unit.id,
    agencyId: null,
    parentUnitId: unit.parent_id,
    parentIsUnitNode: true,
    name: unit.full_name,
  };
}

/** The node of a target in a period, created (with its missing ancestors) if needed. */
export async function ensureNode(db: Q, periodId: number, target: Target): Promise<NodeRow> {
  // The key follows from the target alone, so the common case (the node exists) is one query.
  const existing = await store.findNodeByKey(
    db,
    periodId,
    target.agencyId !== undefined ? `a:${target.agencyId}` : `u:${target.unitId}`,
  );
  if (existing) return existing;
  const d = await describeTarget(db, target);
  const parent = d.parentUnitId === null ? null : await ensureNode(db, periodId, { unitId: d.parentUnitId });
  return store.insertNodeIfMissing(db, {
    period_id: periodId,
    key: d.key,
    parent_id: parent?.id ?? null,
    unit_id: d.unitId,
    agency_id: d.agencyId,
    depth: parent ? parent.depth + 1 : 0,
  });
}

/** The readable name of a node: the agency's name, or the unit's full name. */
export async function nodeName(db: Q, node: NodeRow): Promise<string> {
  return (await store.nodeNames(db, [node.id])).get(node.id) ?? `#${node.id}`;
}
