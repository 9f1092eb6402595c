// Shapes of the register's requests and answers (shared with the CLI). Personal fields are null when the
// caller is not an HR officer over the person's unit (`personal: false`); the identity number is never sent
// whole on screen, only its last 3 digits.
import { z } from 'zod';
import { Day, Timestamp } from '../../platform/schemas.ts';
import { CATEGORIES } from './register.sheet.ts';
import { BenefitSummary } from '../benefits/benefits.schemas.ts';

export const OUTCOME_KINDS = [
  'placed',
  'early_retirement',
  'resignation',
  'until_retirement',
  'part_time_ended',
] as const;

export const OutcomeOut = z.object({
  kind: z.enum(OUTCOME_KINDS),
  receivingUnitId: z.number().nullable(),
  receivingUnitName: z.string().nullable(),
  receivingPosition: z.string().nullable(),
  startDate: Day.nullable(),
  decisionNumber: z.string(),
  decisionDate: Day,
  decisionSigner: z.string(),
  voluntary: z.boolean(),
  /** The benefit of Decree 178/2024 (as amended by Decree 67/2025) stored with a leaving outcome. */
  benefit: BenefitSummary.nullable(),
});

export const PersonOut = z.object({
  id: z.number(),
  unitId: z.number(),
  unitCode: z.string(),
  unitName: z.string(),
  category: z.enum(CATEGORIES),
  position: z.string().nullable(),
  rank: z.string().nullable(),
  salaryCoef: z.number(),
  positionAllowanceCoef: z.number(),
  otherAllowancesVnd: z.number(),
  siMonths: z.number(),
  /** The caller is an HR officer over the person's unit: the fields below are filled. */
  personal: z.boolean(),
  fullName: z.string().nullable(),
  birthDate: Day.nullable(),
  sex: z.enum(['m', 'f']).nullable(),
  /** Masked even for HR: only the last 3 digits. */
  idNumberMasked: z.string().nullable(),
  ethnicMinority: z.boolean().nullable(),
  religious: z.boolean().nullable(),
  pregnantOrMaternity: z.boolean().nullable(),
  youngestChildBirth: Day.nullable(),
  underDiscipline: z.boolean().nullable(),
  outcome: OutcomeOut.nullable(),
});

export const ListQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  category: z.enum(CATEGORIES).optional(),
  outcome: z.enum([...OUTCOME_KINDS, 'none']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ListInput = z.output<typeof ListQuery>;

export const ListAnswer = z.object({
  total: z.number(),
  /** Rows shown with personal data (the caller's HR scope). */
  personalRows: z.number(),
  items: z.array(PersonOut),
});

export const ImportFields = z.object({
  unitId: z.coerce.number().int().positive(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ImportAnswer = z.object({
  unitId: z.number(),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  dryRun: z.boolean(),
  /** Written with the public development key (no APPARATUS_PII_KEY): the numbers are not protected. */
  devKey: z.boolean(),
  at: Timestamp.optional(),
});
