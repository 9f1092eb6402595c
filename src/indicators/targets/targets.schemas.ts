// Shapes of targets as set (by the level that gives them) and of the national reference file.
import { z } from 'zod';
import { DecimalText, DefinitionInput } from '../definitions/definitions.schemas.ts';

export const TargetInput = z
  .object({
    indicator: z.string().min(1).max(40),
    period: z.string().min(4).max(9),
    kind: z.enum(['point', 'min', 'max', 'range']),
    low: DecimalText.optional(),
    high: DecimalText.optional(),
    per_year: z.boolean().default(false),
    baseline_period: z.string().optional(),
    baseline_value: DecimalText.optional(),
    source: z.string().max(1000).optional(),
  })
  .strict();
export type TargetInput = z.infer<typeof TargetInput>;

export const NationalFile = z.object({
  about: z.string(),
  decision: z.string().min(1),
  decided_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  definitions: z.array(DefinitionInput),
  targets: z.array(TargetInput),
  baselines: z.array(
    z.object({
      indicator: z.string(),
      period: z.string(),
      value: DecimalText,
      status: z.enum(['provisional', 'official', 'estimated', 'revised']),
      known_from: z.string(),
      source: z.string(),
    }),
  ),
});
