// The outcome of one person, with its decision. A placement names the receiving unit, position and start date;
// its staffing category follows from the person's category and the receiving unit's level unless given.
import { z } from 'zod';
import { IsoDate } from '../../platform/schemas.ts';
import { OUTCOME_KINDS } from '../register/register.schemas.ts';

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
  benefit: z.null(),
});
