// A person's calculation sheet: the benefit stored with the leaving outcome, clause by clause (article, formula,
// amount) and the total. The person's name only for HR over the person's unit, as in their record.
import { z } from 'zod';
import { Day } from '../../platform/schemas.ts';
import { BenefitResult } from '../benefits/benefits.schemas.ts';
import { CATEGORIES } from '../register/register.sheet.ts';

export const SheetAnswer = z.object({
  person: z.object({
    id: z.number(),
    unitName: z.string(),
    category: z.enum(CATEGORIES),
    position: z.string().nullable(),
    personal: z.boolean(),
    fullName: z.string().nullable(),
    birthDate: Day.nullable(),
  }),
  outcome: z.object({
    kind: z.enum(['early_retirement', 'resignation']),
    decisionNumber: z.string(),
    decisionDate: Day,
    decisionSigner: z.string(),
  }),
  baseSalary: z.number().int(),
  benefit: BenefitResult,
});
export type SheetAnswer = z.infer<typeof SheetAnswer>;
