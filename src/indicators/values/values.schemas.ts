// Shapes of indicator figures as entered (a form, a CLI flag set or one row of an import file).
import { z } from 'zod';
import { DecimalText } from '../definitions/definitions.schemas.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date written YYYY-MM-DD');

export const ValueInput = z
  .object({
    indicator: z.string().min(1).max(40),
    /** official code of the unit, read as the unit in force on the period's last day; or its import key */
    unit: z.string().min(1).max(40),
    period: z.string().min(4).max(9),
    value: DecimalText.optional(),
    numerator: DecimalText.optional(),
    denominator: DecimalText.optional(),
    status: z.enum(['provisional', 'official', 'estimated', 'revised']),
    source: z.string().min(1).max(500),
    known_from: IsoDate,
    note: z.string().max(1000).optional(),
  })
  .strict();
export type ValueInput = z.infer<typeof ValueInput>;
