// Shapes of indicator definitions, shared by the CLI, the reference loader and the service.
import { z } from 'zod';

/** A decimal as text ('8.02', '-1.5'): figures are exact, never floats. */
export const DecimalText = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, 'số thập phân dạng 1234.56 / a decimal written like 1234.56'));

export const DefinitionInput = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_.]{0,39}$/),
    name_vi: z.string().min(1).max(300),
    name_en: z.string().min(1).max(300),
    unit_vi: z.string().min(1).max(60),
    unit_en: z.string().min(1).max(60),
    direction: z.enum(['higher', 'lower']),
    kind: z.enum(['count', 'amount', 'ratio', 'growth', 'share']),
    aggregation: z.enum(['sum', 'ratio_of_sums', 'weighted_mean', 'none']),
    weight_code: z.string().nullable().default(null),
    factor: DecimalText.default('1'),
    period_type: z.enum(['month', 'quarter', 'half', 'year', 'period']),
    cumulative: z.boolean().default(false),
    source: z.string().max(1000).nullable().default(null),
  })
  .strict();
export type DefinitionInput = z.infer<typeof DefinitionInput>;
