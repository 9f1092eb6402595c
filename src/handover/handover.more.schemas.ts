// Shapes of the inventory import/export and the dashboard (issue 11, items 5 and 6).
import { z } from 'zod';

export const ImportFields = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const ImportAnswer = z.object({
  handoverId: z.number(),
  dryRun: z.boolean(),
  rows: z.number(),
  kinds: z.record(z.string(), z.number()),
  firstLineId: z.number().nullable(),
  lastLineId: z.number().nullable(),
});
export const DashboardQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  idleMonths: z.coerce.number().int().min(1).max(240).optional(),
});
const n = z.number();
export const DashboardAnswer = z.object({
  province: z.object({ code: z.string(), id: z.number(), name: z.string() }).nullable(),
  asOf: z.string(),
  idleMonths: z.number(),
  handovers: z.object({ draft: n, submitted: n, counted: n, signed: n, closed: n }),
  lines: n,
  outstanding: n,
  dossiers: n,
  dossiersDigitised: n,
  pages: n,
  pagesDigitised: n,
  landRecordsNotDigitised: n,
  sealsNotSurrendered: n,
  headquarters: n,
  headquartersIdle: n,
  headquartersIdlePastMonths: n,
  businessPastDeadline: n,
});
