// The outcome of one person, with its decision. A placement names the receiving unit, position and start date;
// its staffing category follows from the person's category and the receiving unit's level unless given.
import { z } from 'zod';
import { IsoDate } from '../../platform/schemas.ts';
import { OUTCOME_KINDS } from '../register/register.schemas.ts';
import { BenefitSummary } from '../benefits/benefits.schemas.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const OutcomeBody = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    receivingUnitId: z.number().int().positive().optional(),
    receivingPosition: Text(200).optional(),
    startDate: IsoDate.optional(),
    staffingCategory: z
      .enum([
        'cadre_civil_servant',
        'public_employee',
        'commune_cadre',
        'association',
        'trade_union',
        'labour_contract',
      ])
      .optional(),
    decisionNumber: Text(100),
    decisionDate: IsoDate,
    decisionSigner: Text(200),
    /** The person asked to leave: lifts the pregnancy, maternity and young-child exclusions (not discipline). */
    voluntary: z.boolean().default(false),
    /** Early retirement or resignation: the last day of work's following day (the leave date of Decree 178). */
    leaveDate: IsoDate.optional(),
    /** Early retirement or resignation: the reorganisation decision's date (the 12 months after it pay in full). */
    reorganisationDate: IsoDate.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'placed')
      for (const k of ['receivingUnitId', 'receivingPosition', 'startDate'] as const)
        if (b[k] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'cần cho kết quả "bố trí công tác" / needed for a placement',
          });
    if (b.kind === 'early_retirement' || b.kind === 'resignation')
      for (const k of ['leaveDate', 'reorganisationDate'] as const)
        if (b[k] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'cần để tính chế độ nghỉ hưu trước tuổi, thôi việc / needed to compute the leaving benefit',
          });
  });
export type OutcomeInput = z.input<typeof OutcomeBody>;

export const OutcomeAnswer = z.object({
  personId: z.number(),
  kind: z.enum(OUTCOME_KINDS),
  replaced: z.boolean(),
  /** For a placement: the receiving node's figures after it. */
  quota: z
    .object({
      period: z.string(),
      category: z.string(),
      quota: z.number(),
      reserve: z.number(),
      allocatedBelow: z.number(),
      present: z.number().nullable(),
      presentAsOf: z.string().nullable(),
      placedSince: z.number(),
      available: z.number(),
    })
    .nullable(),
  benefit: BenefitSummary.nullable(),
});
