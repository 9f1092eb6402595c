// What a caller sees of one person: counts and amounts for everyone in scope; name, birth date, sex, the
// restricted flags and the masked identity number only with `personal` (an HR officer over the person's unit).
import { decryptId, maskId } from './register.crypto.ts';
import type { PersonRecord } from './register.store.ts';
import type { PersonCategory } from './register.sheet.ts';
import type { OUTCOME_KINDS } from './register.schemas.ts';

export function presentPerson(r: PersonRecord, personal: boolean) {
  const hide = <T>(v: T): T | null => (personal ? v : null);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    category: r.category as PersonCategory,
    position: r.position,
    rank: r.rank,
    salaryCoef: Number(r.salary_coef),
    positionAllowanceCoef: Number(r.position_allowance_coef),
    otherAllowancesVnd: Number(r.other_allowances_vnd),
    siMonths: r.si_months,
    personal,
    fullName: hide(r.full_name),
    birthDate: hide(r.birth_date),
    sex: hide(r.sex as 'm' | 'f'),
    idNumberMasked: personal ? maskId(decryptId(r.id_cipher)) : null,
    ethnicMinority: hide(r.ethnic_minority),
    religious: hide(r.religious),
    pregnantOrMaternity: hide(r.pregnant_or_maternity),
    youngestChildBirth: hide(r.youngest_child_birth),
    underDiscipline: hide(r.under_discipline),
    outcome: r.outcome_kind
      ? {
          kind: r.outcome_kind as (typeof OUTCOME_KINDS)[number],
          receivingUnitId: r.receiving_unit_id,
          receivingUnitName: r.receiving_unit_name,
          receivingPosition: r.receiving_position,
          startDate: r.start_date,
          decisionNumber: r.decision_number!,
          decisionDate: r.decision_date!,
          decisionSigner: r.decision_signer!,
          voluntary: r.voluntary!,
          // Amounts are shown to everyone in scope (the issue: "everyone else sees counts and amounts").
          benefit:
            r.benefit_total_vnd !== null && r.benefit_rule_set !== null
              ? {
                  ruleSet: r.benefit_rule_set,
                  total: Number(r.benefit_total_vnd),
                  baseSalary: Number(r.benefit_base_salary_vnd),
                  leaveDate: r.leave_date!,
                  reorganisationDate: r.reorganisation_date!,
                }
              : null,
        }
      : null,
  };
}
