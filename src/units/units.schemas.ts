// Request shapes of the unit registry API, shared by routes and the CLI.
import { z } from 'zod';
import { MAX_MATCHES } from './units.lookup.ts';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD')
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); },
    'ngày không có thật / not a real date');

export const TreeQuery = z.object({ asOf: IsoDate.optional(), parentId: z.coerce.number().int().positive().optional() });
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200), asOf: IsoDate.optional(), limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Also units not in force on the date (ended ones with their successors), after those in force. */
  includeEnded: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
export const LookupQuery = z.object({
  q: z.string().trim().max(200), limit: z.coerce.number().int().min(1).max(50).default(10), asOf: IsoDate.optional(),
  /** Where the page starts in the ranked matches (the previous answer's nextOffset). */
  offset: z.coerce.number().int().min(0).max(MAX_MATCHES).default(0),
});
export const StatsQuery = z.object({ asOf: IsoDate.optional() });
export const RestructuringQuery = z.object({ from: IsoDate.default('2025-06-30'), to: IsoDate.default('2025-07-01') });

/** Facts an officer may correct on a unit in their scope; names and codes change only through lineage events. */
export const UnitPatchBody = z.object({
  adminCentre: z.string().trim().max(500).nullable().optional(),
  population: z.number().int().min(0).nullable().optional(),
  areaKm2: z.number().min(0).max(1_000_000).nullable().optional(),
}).strict();
export type UnitPatch = z.infer<typeof UnitPatchBody>;
