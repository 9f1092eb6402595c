// Checking and importing a submitted Appendix IA table against what is
// recorded. A row's code is a unit's official code (in force on the table's
// date) or an agency's registry key. Import is all or nothing: any error-level
// issue refuses the whole file, and the writes go through the same allocation
// rule (parent rows locked) as a typed-in allocation.
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { checkRole, requireGrantOver, unitsReachable } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import * as store from '../quotas/quotas.store.ts';
import { checkTable, type ParsedRow, type Recorded } from './tables.check.ts';
import type { SubmittedTable } from './tables.layout.ts';
import { allocateInTrx, loadPeriod, requireGiverScope } from '../quotas/quotas.service.ts';
import { recordPresentInTrx } from '../headcount/headcount.service.ts';
import { ensureNode, describeTarget, type Target } from '../quotas/quotas.nodes.ts';

type Q = Kysely<Database>;
export const CONTRACTS = 'labour_contract';

export interface TableOptions {
  period: string;
  category: string;
  asOf: string;
}

/** code in the table → the registry target and the node key it maps to. */
async function resolveCodes(db: Q, codes: string[], asOf: string) {
  const out = new Map<string, { key: string; target: Target }>();
  for (const u of await store.unitsByCodes(db, codes, asOf))
    out.set(u.code, { key: `u:${u.id}`, target: { unitId: u.id } });
  for (const a of await store.agenciesByKeys(
    db,
    codes.filter((c) => !out.has(c)),
  ))
    out.set(a.key!, { key: `a:${a.id}`, target: { agencyId: a.id } });
  return out;
}

async function recordedFigures(db: Q, periodId: number, category: string, resolved: Map<string, { key: string }>) {
  const rows = await store.allocationsByNodeKeys(
    db,
    periodId,
    [...resolved.values()].map((r) => r.key),
    [category, CONTRACTS],
  );
  const byKey = new Map<string, Recorded>();
  for (const r of rows) {
    const rec = byKey.get(r.key) ?? {};
    const cs = r.category === category;
    rec[cs ? 'assigned_civil_servants' : 'assigned_contracts'] = r.quota;
    if (cs) rec.reserve = r.reserve;
    if (r.present !== null || r.present_below !== 0)
      rec[cs ? 'present_civil_servants' : 'present_contracts'] = r.present_below;
    byKey.set(r.key, rec);
  }
  const out = new Map<string, Recorded>();
  for (const [code, { key }] of resolved) {
    const rec = byKey.get(key);
    if (!rec) continue;
    if (rec.assigned_civil_servants !== undefined && rec.assigned_contracts !== undefined)
      rec.assigned_total = rec.assigned_civil_servants + rec.assigned_contracts;
    if (rec.present_civil_servants !== undefined && rec.present_contracts !== undefined)
      rec.present_total = rec.present_civil_servants + rec.present_contracts;
    out.set(code, rec);
  }
  return out;
}

/** The inconsistencies of a table; with a period, also against the recorded figures and the registry's codes. */
export async function checkSubmitted(db: Db, ctx: RequestContext, table: SubmittedTable, opts?: TableOptions) {
  checkRole(ctx, STAFFING['staffing.table.check']);
  if (!opts) return summarise(table, checkTable(table));
  const period = await loadPeriod(db, opts.period);
  const codes = [...new Set(table.rows.map((r) => r.code).filter(Boolean))];
  const resolved = await resolveCodes(db, codes, opts.asOf);
  // Only figures the caller may read are compared; a row of a unit outside their scope is an error of its own.
  const unitOf = async (r: { target: Target }) => (await describeTarget(db, r.target)).unitId;
  const units = new Map<string, number>();
  for (const [code, r] of resolved) units.set(code, await unitOf(r));
  const reachable = await unitsReachable(db, ctx, STAFFING['staffing.table.check'], [...new Set(units.values())]);
  const outside = [...resolved.keys()].filter((code) => !reachable.has(units.get(code)!));
  for (const code of outside) resolved.delete(code);
  const recorded = await recordedFigures(db, period.id, opts.category, resolved);
  const result = checkTable(table, recorded, new Set([...resolved.keys(), ...outside]));
  for (const code of outside) {
    const rows = table.rows.filter((r) => r.code === code).map((r) => r.row);
    result.issues.push({
      check: 'out_of_scope',
      severity: 'error',
      rows,
      vi: `Dòng ${rows.join(', ')}: đơn vị mã ${code} nằm ngoài phạm vi được giao cho tài khoản của bạn; không đối chiếu được.`,
      en: `Row ${rows.join(', ')}: the unit with code ${code} is outside the scope granted to your account; it was not compared.`,
    });
  }
  return summarise(table, result);
}

function summarise(table: SubmittedTable, r: ReturnType<typeof checkTable>) {
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  return {
    source: table.source,
    rows: table.rows.length,
    errors,
    warnings: r.issues.length - errors,
    issues: r.issues,
    parsed: r.rows,
  };
}

/** Imports the assigned figures and the headcount present of every coded row, all or nothing. */
export async function importSubmitted(db: Db, ctx: RequestContext, table: SubmittedTable, opts: TableOptions) {
  checkRole(ctx, STAFFING['staffing.table.import']);
  const result = await checkSubmitted(db, ctx, table, opts);
  const outside = result.issues.filter((i) => i.check === 'out_of_scope');
  if (outside.length > 0) {
    throw forbidden(
      {
        vi: `Bảng có ${outside.length} đơn vị nằm ngoài phạm vi được giao cho tài khoản của bạn; không có dòng nào được nhập.`,
        en: `The table has ${outside.length} units outside the scope granted to your account; nothing was imported.`,
      },
      { issues: outside },
    );
  }
  if (result.errors > 0) {
    throw badRequest(
      {
        vi: `Bảng có ${result.errors} lỗi; không có dòng nào được nhập.`,
        en: `The table has ${result.errors} errors; nothing was imported.`,
      },
      { issues: result.issues.filter((i) => i.severity === 'error').slice(0, 1000) },
    ); // the count above is exact; the list is capped
  }
  const period = await loadPeriod(db, opts.period);
  const coded = result.parsed.filter((r) => r.code);
  const resolved = await resolveCodes(
    db,
    coded.map((r) => r.code),
    opts.asOf,
  );
  return db.transaction().execute(async (trx) => {
    let allocations = 0,
      presents = 0;
    // Decreases deepest first, then increases shallowest first, so no step passes through an over-allocation.
    const quotaSteps: { r: ParsedRow; category: string; quota: number; reserve?: number; down: boolean }[] = [];
    const recorded = await recordedFigures(trx, period.id, opts.category, resolved);
    for (const r of coded) {
      const was = recorded.get(r.code) ?? {};
      const v = r.values;
      if (
        v.assigned_civil_servants !== undefined &&
        (v.assigned_civil_servants !== was.assigned_civil_servants || (v.reserve ?? 0) !== (was.reserve ?? 0))
      ) {
        quotaSteps.push({
          r,
          category: opts.category,
          quota: v.assigned_civil_servants,
          reserve: v.reserve ?? 0,
          down: v.assigned_civil_servants < (was.assigned_civil_servants ?? 0),
        });
      }
      if (v.assigned_contracts !== undefined && v.assigned_contracts !== was.assigned_contracts) {
        quotaSteps.push({
          r,
          category: CONTRACTS,
          quota: v.assigned_contracts,
          down: v.assigned_contracts < (was.assigned_contracts ?? 0),
        });
      }
    }
    const ordered = [
      ...quotaSteps.filter((s) => s.down).sort((a, b) => b.r.depth - a.r.depth),
      ...quotaSteps.filter((s) => !s.down).sort((a, b) => a.r.depth - b.r.depth),
    ];
    for (const s of ordered) {
      const target = resolved.get(s.r.code)!.target;
      await requireGiverScope(trx, ctx, target);
      const node = await ensureNode(trx, period.id, target);
      await allocateInTrx(trx, ctx, period, node, s.category, s.quota, s.reserve, null, 'staffing.import');
      allocations++;
    }
    // Present figures are subtree totals: deepest rows first, then each parent's own headcount is its figure minus what is below it.
    for (const r of [...coded].sort((a, b) => b.depth - a.depth)) {
      for (const [col, category] of [
        ['present_civil_servants', opts.category],
        ['present_contracts', CONTRACTS],
      ] as const) {
        const total = r.values[col];
        if (total === undefined || total === recorded.get(r.code)?.[col]) continue;
        const target = resolved.get(r.code)!.target;
        await requireGrantOver(trx, ctx, STAFFING['staffing.table.import'], (await describeTarget(trx, target)).unitId);
        const node = await ensureNode(trx, period.id, target);
        const below = (await store.childRollup(trx, node.id))
          .filter((c) => c.category === category && !c.closed_at)
          .reduce((s, c) => s + c.present_below, 0);
        if (total < below)
          throw badRequest({
            vi: `Dòng ${r.row} (${r.name}): số có mặt ${total} nhỏ hơn tổng của các đơn vị trực thuộc đã ghi nhận (${below}).`,
            en: `Row ${r.row} (${r.name}): present ${total} is less than the recorded total of the units below it (${below}).`,
          });
        await recordPresentInTrx(trx, ctx, node, category, opts.asOf, total - below, `${table.source}:${r.row}`);
        presents++;
      }
    }
    await recordAudit(trx, ctx, {
      action: 'staffing.import',
      entity: 'staffing_table',
      entityId: table.source,
      after: {
        period: opts.period,
        category: opts.category,
        asOf: opts.asOf,
        rows: table.rows.length,
        allocations,
        presents,
        warnings: result.warnings,
      },
    });
    return {
      source: table.source,
      rows: table.rows.length,
      allocations,
      presents,
      warnings: result.issues.filter((i) => i.severity === 'warning'),
    };
  });
}
