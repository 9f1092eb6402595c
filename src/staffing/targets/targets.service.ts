// Streamlining targets of a period: a node's headcount is to go from the one
// recorded at the baseline date down to a target by the period's end, either
// by a share (typed in, or from the reduction rule set by how many provinces a
// province was formed from) or as a headcount typed in with its decision.
// Setting one is scoped like allocation: the level that gives a node its quota
// sets its target (a province officer for the units inside the province, the
// country's and the provinces' targets central roles only).
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { requireUser } from '../../accounts/sessions/sessions.access.ts';
import { checkRole, requireGrantOver } from '../../platform/policy/policy.ts';
import { STAFFING } from '../staffing.policy.ts';
import * as store from '../quotas/quotas.store.ts';
import * as tstore from './targets.store.ts';
import { describeTarget, type Target } from '../quotas/quotas.nodes.ts';
import { loadPeriod, requireGiverScope, toTarget } from '../quotas/quotas.service.ts';
import { reductions } from '../norms/norms.service.ts';
import { loadRuleSet } from '../norms/norms.rulesets.ts';
import { countryUnit } from '../../units/registry/registry.store.ts';
import { addDays, cutFromShare } from './targets.path.ts';
import type { RuleSetTargetsInput, TargetInput } from '../staffing.schemas.ts';

type Q = Kysely<Database>;
type Period = Awaited<ReturnType<typeof loadPeriod>>;

interface TargetSpec {
  category: string;
  baselineDate?: string;
  targetDate?: string;
  share?: number;
  targetHeadcount?: number;
  basis: string;
  ruleSet?: { id: string; version: number };
}

/** The dates of a target, checked against the period: the baseline by default its first day, the target its last. */
function targetDates(period: Period, s: TargetSpec) {
  const baselineDate = s.baselineDate ?? period.start_date;
  const targetDate = s.targetDate ?? addDays(period.end_date, -1);
  if (baselineDate < period.start_date || baselineDate >= period.end_date) {
    throw badRequest({
      vi: `Ngày gốc ${baselineDate} phải nằm trong thời kỳ ${period.code} (${period.start_date} đến trước ${period.end_date}).`,
      en: `The baseline date ${baselineDate} must fall inside period ${period.code} (${period.start_date} to before ${period.end_date}).`,
    });
  }
  if (targetDate <= baselineDate || targetDate >= period.end_date) {
    throw badRequest({
      vi: `Ngày đạt mục tiêu ${targetDate} phải sau ngày gốc ${baselineDate} và trước ${period.end_date}.`,
      en: `The target date ${targetDate} must be after the baseline date ${baselineDate} and before ${period.end_date}.`,
    });
  }
  return { baselineDate, targetDate };
}

/** Writes one target inside `trx`, with its audit record; the baseline is the headcount recorded on or before the baseline date. */
async function setTargetInTrx(trx: Q, ctx: RequestContext, period: Period, target: Target, s: TargetSpec) {
  const d = await describeTarget(trx, target);
  const { baselineDate, targetDate } = targetDates(period, s);
  const node = await store.findNodeByKey(trx, period.id, d.key);
  if (node?.closed_at)
    throw conflict({
      vi: `${d.name} đã đóng do sáp nhập; hãy đặt mục tiêu cho đơn vị kế thừa.`,
      en: `${d.name} was closed by a merger; set the target of its successor.`,
    });
  const base = node ? await tstore.actualOnOrBefore(trx, node.id, s.category, baselineDate) : undefined;
  if (!node || !base) {
    throw badRequest({
      vi: `Chưa có số có mặt của ${d.name} (${s.category}) vào hoặc trước ngày gốc ${baselineDate} trong thời kỳ ${period.code}: hãy ghi số có mặt trước, hoặc chọn ngày gốc khác.`,
      en: `No headcount of ${d.name} (${s.category}) is recorded on or before the baseline date ${baselineDate} in period ${period.code}: record the headcount present first, or choose another baseline date.`,
    });
  }
  let targetHeadcount: number;
  if (s.share !== undefined) targetHeadcount = base.present - cutFromShare(base.present, s.share);
  else {
    targetHeadcount = s.targetHeadcount!;
    if (targetHeadcount > base.present) {
      throw badRequest({
        vi: `Mục tiêu ${targetHeadcount} lớn hơn số có mặt ngày gốc (${base.present} ngày ${base.as_of}): mục tiêu tinh giản không được cao hơn số gốc.`,
        en: `The target ${targetHeadcount} is above the baseline headcount (${base.present} on ${base.as_of}): a streamlining target cannot exceed its baseline.`,
      });
    }
  }
  const before = await tstore.lockTarget(trx, node.id, s.category);
  const row = await tstore.upsertTarget(trx, {
    node_id: node.id,
    category: s.category,
    baseline_date: baselineDate,
    baseline_as_of: base.as_of,
    baseline_headcount: base.present,
    target_date: targetDate,
    target_headcount: targetHeadcount,
    cut_percent: s.share ?? null,
    rule_set_id: s.ruleSet?.id ?? null,
    rule_set_version: s.ruleSet?.version ?? null,
    basis: s.basis,
    set_by: ctx.user?.username ?? ctx.actorLabel,
    set_by_id: ctx.user?.id ?? null,
  });
  const after = {
    periodId: period.id,
    baselineDate,
    baselineAsOf: base.as_of,
    baselineHeadcount: base.present,
    targetDate,
    targetHeadcount,
    cutPercent: s.share ?? null,
    ruleSet: s.ruleSet ?? null,
    basis: s.basis,
  };
  await recordAudit(trx, ctx, {
    action: 'staffing.target.set',
    entity: 'staffing_target',
    entityId: `${node.id}:${s.category}`,
    before: before
      ? {
          baselineHeadcount: before.baseline_headcount,
          targetHeadcount: before.target_headcount,
          targetDate: before.target_date,
          basis: before.basis,
        }
      : null,
    after,
  });
  return {
    nodeId: node.id,
    name: d.name,
    category: s.category,
    baselineDate,
    baselineAsOf: row.baseline_as_of,
    baselineHeadcount: row.baseline_headcount,
    targetDate,
    targetHeadcount,
    requiredCut: row.baseline_headcount - row.target_headcount,
    cutPercent: row.cut_percent,
    basis: row.basis,
    ruleSetId: row.rule_set_id,
    ruleSetVersion: row.rule_set_version,
    setBy: row.set_by,
  };
}

/** Sets (or replaces) the streamlining target of one unit or agency in a period and category. */
export async function setTarget(db: Db, ctx: RequestContext, input: TargetInput) {
  checkRole(ctx, STAFFING['staffing.allocate']);
  const target = toTarget(input);
  if (requireUser(ctx)) await requireGiverScope(db, ctx, target); // the CLI and the system act with full rights
  const period = await loadPeriod(db, input.period);
  return db.transaction().execute((trx) =>
    setTargetInTrx(trx, ctx, period, target, {
      category: input.category,
      baselineDate: input.baselineDate,
      targetDate: input.targetDate,
      share: input.share,
      targetHeadcount: input.targetHeadcount,
      basis: input.basis,
    }),
  );
}

/**
 * The targets of every province in force at the baseline date, with the share
 * the reduction rule set gives it (−5 / −15 / −20 % by how many provinces it was
 * formed from), all in one transaction. A province without a recorded baseline
 * headcount is listed with the reason, not silently left out. Central roles only.
 */
export async function setTargetsFromRuleSet(db: Db, ctx: RequestContext, input: RuleSetTargetsInput) {
  checkRole(ctx, STAFFING['staffing.targets.national']);
  const country = await countryUnit(db);
  if (country) await requireGrantOver(db, ctx, STAFFING['staffing.targets.national'], country.id);
  const period = await loadPeriod(db, input.period);
  const ruleSetId = input.ruleSet ?? `reduction-${input.period}`;
  const rule = loadRuleSet(ruleSetId);
  if (rule.kind !== 'province_reduction')
    throw badRequest({
      vi: `${ruleSetId} không phải quy tắc cắt giảm theo tỉnh.`,
      en: `${ruleSetId} is not a province reduction rule.`,
    });
  const category = rule.parameters.baselineCategory;
  const { baselineDate, targetDate } = targetDates(period, {
    category,
    baselineDate: input.baselineDate,
    targetDate: input.targetDate,
    basis: '',
  });
  if ((rule.validFrom && baselineDate < rule.validFrom) || (rule.validTo && baselineDate >= rule.validTo)) {
    throw badRequest({
      vi: `Bộ quy tắc ${rule.id} không có hiệu lực vào ngày gốc ${baselineDate} (${rule.validFrom ?? '…'} đến trước ${rule.validTo ?? '…'}).`,
      en: `Rule set ${rule.id} is not in force on the baseline date ${baselineDate} (${rule.validFrom ?? '…'} to before ${rule.validTo ?? '…'}).`,
    });
  }
  const cuts = await reductions(db, ctx, ruleSetId, baselineDate);
  const ids = new Map((await store.provincesAsOf(db, baselineDate)).map((p) => [p.code, p.id]));
  const basis = input.basis ?? `${rule.id} v${rule.version}: ${rule.legalBasis.join('; ')}`;
  return db.transaction().execute(async (trx) => {
    const set = [],
      skipped = [];
    for (const c of cuts.items) {
      const unitId = ids.get(c.code)!;
      const node = await store.findNodeByKey(trx, period.id, `u:${unitId}`);
      const base = node ? await tstore.actualOnOrBefore(trx, node.id, category, baselineDate) : undefined;
      if (c.percent === null || !base) {
        skipped.push({
          code: c.code,
          name: c.name,
          formedFrom: c.formedFrom.length,
          vi:
            c.percent === null
              ? `Bộ quy tắc không có tỷ lệ cho tỉnh hình thành từ ${c.formedFrom.length} tỉnh.`
              : `Chưa có số có mặt vào hoặc trước ngày ${baselineDate}.`,
          en:
            c.percent === null
              ? `The rule set has no share for a province formed from ${c.formedFrom.length}.`
              : `No headcount recorded on or before ${baselineDate}.`,
        });
        continue;
      }
      const r = await setTargetInTrx(
        trx,
        ctx,
        period,
        { unitId },
        {
          category,
          baselineDate,
          targetDate,
          share: c.percent,
          basis,
          ruleSet: { id: rule.id, version: rule.version },
        },
      );
      set.push({ code: c.code, formedFrom: c.formedFrom, percent: c.percent, ...r });
    }
    return {
      period: period.code,
      ruleSet: { id: rule.id, version: rule.version, title: rule.title, legalBasis: rule.legalBasis },
      category,
      baselineDate,
      targetDate,
      set,
      skipped,
    };
  });
}
