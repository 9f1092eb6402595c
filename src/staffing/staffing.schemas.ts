// Request shapes of the staffing API, shared by routes and the CLI.
import { z } from 'zod';
import { IsoDate } from '../units/units.schemas.ts';

export const PeriodCode = z.string().regex(/^\d{4}-\d{4}$/, 'thời kỳ dạng NNNN-NNNN / a period written YYYY-YYYY');
export const CategoryCode = z.enum(['cadre_civil_servant', 'public_employee', 'commune_cadre', 'association', 'trade_union', 'labour_contract']);
const Count = z.number().int().min(0).max(10_000_000);

export const PeriodBody = z.object({
  code: PeriodCode, name: z.string().trim().min(1).max(300), startDate: IsoDate, endDate: IsoDate,
  legalBasis: z.string().trim().max(500).optional(), toleranceShare: z.number().gt(0).max(1).optional(),
}).strict();
export type PeriodInput = z.infer<typeof PeriodBody>;

const TargetFields = { unitId: z.number().int().positive().optional(), agencyId: z.number().int().positive().optional() };

export const AllocateBody = z.object({
  period: PeriodCode, category: CategoryCode, quota: Count, reserve: Count.optional(),
  decisionRef: z.string().trim().min(1).max(300).optional(), ...TargetFields,
}).strict().refine((b) => (b.unitId === undefined) !== (b.agencyId === undefined), 'unitId hoặc agencyId, đúng một / exactly one of unitId, agencyId');
export type AllocateInput = z.infer<typeof AllocateBody>;

export const PresentBody = z.object({
  period: PeriodCode, category: CategoryCode, asOf: IsoDate, present: Count, source: z.string().trim().max(300).optional(), ...TargetFields,
}).strict().refine((b) => (b.unitId === undefined) !== (b.agencyId === undefined), 'unitId hoặc agencyId, đúng một / exactly one of unitId, agencyId');
export type PresentInput = z.infer<typeof PresentBody>;

export const MergeBody = z.object({
  period: PeriodCode, successorUnitId: z.number().int().positive(), category: CategoryCode,
  quota: Count.optional(), decisionRef: z.string().trim().min(1).max(300).optional(), effectiveDate: IsoDate.optional(),
}).strict();
export type MergeInput = z.infer<typeof MergeBody>;

export const AvailableQuery = z.object({ period: PeriodCode, unitId: z.coerce.number().int().positive().optional(), agencyId: z.coerce.number().int().positive().optional() });
export const RollupQuery = z.object({ period: PeriodCode, unitId: z.coerce.number().int().positive().optional() });
