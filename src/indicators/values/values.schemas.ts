// Shapes of indicator figures as entered (a form, a CLI flag set or one row of an import file).
import { z } from 'zod';
import { DecimalText } from '../definitions/definitions.schemas.ts';
import { IsoDate } from '../../platform/schemas.ts';

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
