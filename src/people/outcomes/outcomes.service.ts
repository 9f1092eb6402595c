// Records what happens to one person, with the decision. A placement takes a position of the receiving unit's
// quota: positions of the unit itself = quota − reserve − allocated below; taken = the unit's last headcount +
// placements that started after it (a later headcount counts them). The quota row is locked first, so concurrent
// placements into one unit queue and the last position goes once (outcomes.test.ts, both engines). Exclusions
// of Decree 178/2024 (outcomes.exclusions.ts) block leaving with the reason.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors.ts';
import { requireGrantOver } from '../../platform/policy/policy.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { PEOPLE } from '../people.policy.ts';
import { quotaAssigned } from '../../staffing/quotas/quotas.figures.ts';
import { exclusionsOf } from './outcomes.exclusions.ts';
import { benefitOf, type PersonBenefit } from './outcomes.benefit.ts';
import type { OutcomeBody } from './outcomes.schemas.ts';
import type { z } from 'zod';
import * as store from './outcomes.store.ts';

type Q = Kysely<Database>;
type Body = z.output<typeof OutcomeBody>;
const RULE = PEOPLE['people.outcome'];

/** The staffing category a placed person takes: by their category, at commune level the commune block. */
export function staffingCategoryFor(personCategory: string, receivingLevel: number): string {
  if (personCategory === 'public_employee') return 'public_employee';
  if (personCategory === 'contract_worker') return 'labour_contract';
  return receivingLevel === 3 ? 'commune_cadre' : 'cadre_civil_servant';
}

const fmt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function recordOutcome(db: Q, ctx: RequestContext, personId: number, body: Body) {
  const first = await store.personUnit(db, personId);
  if (!first) throw notFound({ vi: `người số ${personId} trong danh sách`, en: `Person ${personId} of the register` });
  await requireGrantOver(db, ctx, RULE, first.unit_id, { vi: 'Người này', en: 'This person' });
  let receiving: { id: number; level: number; name: string } | undefined;
  let period: { id: number; code: string } | undefined;
  if (body.kind === 'placed') {
    receiving = await store.unitLevel(db, body.receivingUnitId!);
    if (!receiving) throw notFound({ vi: `đơn vị nhận số ${body.receivingUnitId}`, en: 'The receiving unit' });
    await requireGrantOver(db, ctx, RULE, receiving.id, { vi: 'Đơn vị nhận', en: 'The receiving unit' });
    period = await store.periodAt(db, body.startDate!);
    if (!period)
      throw badRequest({
        vi: `Không có thời kỳ biên chế nào chứa ngày bắt đầu ${fmt(body.startDate!)}: hãy tạo thời kỳ và giao biên chế cho đơn vị nhận trước.`,
        en: `No quota period contains the start date ${body.startDate}: create the period and set the receiving unit's quota first.`,
      });
  }

  return db.transaction().execute(async (trx) => {
    const person = await store.lockPerson(trx, personId);
    if (!person) throw notFound({ vi: `người số ${personId}`, en: `Person ${personId}` });
    if (body.kind === 'part_time_ended' && person.category !== 'commune_part_time')
      throw new AppError(
        422,
        'outcome-not-applicable',
        { vi: 'Kết quả không áp dụng cho đối tượng này', en: 'Outcome not applicable' },
        {
          vi: 'Chấm dứt hoạt động không chuyên trách chỉ áp dụng cho người hoạt động không chuyên trách cấp xã; với người này hãy chọn nghỉ hưu trước tuổi, thôi việc, bố trí công tác hoặc tiếp tục công tác đến tuổi nghỉ hưu.',
          en: 'Ending part-time service applies only to non-specialised commune workers; for this person choose early retirement, resignation, placement or continuing until retirement.',
        },
      );
    const reasons = exclusionsOf(
      body.kind,
      {
        pregnantOrMaternity: person.pregnant_or_maternity,
        youngestChildBirth: person.youngest_child_birth,
        underDiscipline: person.under_discipline,
      },
      body.decisionDate,
      body.voluntary,
    );
    if (reasons.length > 0)
      throw new AppError(
        422,
        'outcome-excluded',
        { vi: 'Chưa được giải quyết cho nghỉ', en: 'Not yet allowed to leave' },
        { vi: reasons.map((r) => r.vi).join(' '), en: reasons.map((r) => r.en).join(' ') },
        { reasons },
      );
    const before = await store.outcomeOf(trx, personId);
    let quota: z.output<typeof import('./outcomes.schemas.ts').OutcomeAnswer>['quota'] = null;
    let node: number | null = null;
    let category: string | null = null;
    if (body.kind === 'placed') {
      category = body.staffingCategory ?? staffingCategoryFor(person.category, receiving!.level);
      const a = await store.lockAllocation(trx, period!.id, receiving!.id, category);
      if (!a || !quotaAssigned({ ...a, present_below: 0 }))
        throw conflict(
          {
            vi: `${receiving!.name} chưa được giao biên chế loại ${category} trong thời kỳ ${period!.code}: chưa thể bố trí. Hãy đề nghị cấp trên giao biên chế trước.`,
            en: `${receiving!.name} has no ${category} quota in period ${period!.code}: no placement is possible until one is set.`,
          },
          { period: period!.code, category, quota: null },
        );
      const placed = await store.placedSince(trx, a.node_id, category, a.present_as_of, personId);
      const present = a.present;
      const available = a.quota - a.reserve - a.allocated_below - (present ?? 0) - placed;
      quota = {
        period: period!.code,
        category,
        quota: a.quota,
        reserve: a.reserve,
        allocatedBelow: a.allocated_below,
        present,
        presentAsOf: a.present_as_of,
        placedSince: placed,
        available: available - 1,
      };
      if (available < 1)
        throw new AppError(
          409,
          'quota-exceeded',
          { vi: 'Vượt biên chế được giao', en: 'Over the quota' },
          {
            vi: `${receiving!.name} hết chỉ tiêu biên chế loại ${category} (thời kỳ ${period!.code}): được giao ${a.quota}, dự phòng ${a.reserve}, đã giao cấp dưới ${a.allocated_below}, có mặt ${present ?? 0}${a.present_as_of ? ` (ngày ${fmt(a.present_as_of)})` : ''}, đã bố trí thêm ${placed}; còn ${available}. Không bố trí thêm được.`,
            en: `${receiving!.name} has no ${category} position left (period ${period!.code}): quota ${a.quota}, reserve ${a.reserve}, allocated below ${a.allocated_below}, present ${present ?? 0}, placed since ${placed}; ${available} left.`,
          },
          { ...quota, available },
        );
      node = a.node_id;
    }
    // The benefit, from the record as locked, in this transaction: refused (422) when the record lacks a fact.
    let benefit: PersonBenefit | null = null;
    if (body.kind === 'early_retirement' || body.kind === 'resignation') {
      // The route's schema asks for both dates; a caller inside the process (CLI, demo) gets the same refusal.
      if (!body.leaveDate || !body.reorganisationDate)
        throw badRequest({
          vi: 'Nghỉ hưu trước tuổi hoặc thôi việc cần ngày nghỉ việc (leaveDate) và ngày quyết định sắp xếp (reorganisationDate).',
          en: 'Early retirement or resignation needs the leave date (leaveDate) and the reorganisation decision date (reorganisationDate).',
        });
      benefit = benefitOf(
        { ...person, unit_level: Number(person.unit_level) },
        {
          kind: body.kind,
          leaveDate: body.leaveDate,
          reorganisationDate: body.reorganisationDate,
          decisionDate: body.decisionDate,
        },
      );
    }
    const leaving = benefit !== null;
    const row: store.OutcomeRow = {
      person_id: personId,
      kind: body.kind,
      receiving_unit_id: receiving?.id ?? null,
      receiving_position: body.kind === 'placed' ? body.receivingPosition! : null,
      start_date: body.kind === 'placed' ? body.startDate! : null,
      staffing_node_id: node,
      staffing_category: category,
      decision_number: body.decisionNumber,
      decision_date: body.decisionDate,
      decision_signer: body.decisionSigner,
      voluntary: body.voluntary,
      leave_date: leaving ? body.leaveDate! : null,
      reorganisation_date: leaving ? body.reorganisationDate! : null,
      benefit_rule_set: benefit?.result.ruleSet.id ?? null,
      benefit_base_salary_vnd: benefit?.baseSalary.amount ?? null,
      benefit_total_vnd: benefit?.result.total ?? null,
      benefit_sheet: benefit ? JSON.stringify(benefit.result) : null,
    };
    await store.upsertOutcome(trx, row);
    // The audit row keeps the amounts and clauses (no personal data: the sheet names no one).
    const { person_id: _p, benefit_sheet: _s, ...stored } = row;
    const after = benefit
      ? { ...stored, benefit_clauses: benefit.result.clauses.map((c) => ({ code: c.code, amount: c.amount })) }
      : stored;
    await recordAudit(trx, ctx, {
      action: 'people.outcome',
      entity: 'person',
      entityId: personId,
      before: before ? { ...before, recorded_at: undefined, benefit_sheet: undefined } : undefined,
      after,
    });
    return {
      personId,
      kind: body.kind,
      replaced: before !== undefined,
      quota,
      benefit: benefit && {
        ruleSet: benefit.result.ruleSet.id,
        total: benefit.result.total,
        baseSalary: benefit.baseSalary.amount,
        leaveDate: body.leaveDate!,
        reorganisationDate: body.reorganisationDate!,
      },
    };
  });
}
