// Request shapes of the unit registry API, shared by routes and the CLI.
import { z } from 'zod';
import { IsoDate, POPULATION_MAX, decimal, wholeNumber } from '../platform/schemas.ts';
import { MAX_MATCHES } from './lookup/lookup.service.ts';

// The platform's one date type (real calendar days in a sane range); re-exported for the modules that import it from here.
export { IsoDate };

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
  population: wholeNumber(0, POPULATION_MAX).nullable().optional(),
  // Vietnam's area is about 331,000 km²; two decimals, as stored.
  areaKm2: decimal(0, 1_000_000, 2).nullable().optional(),
}).strict();
export type UnitPatch = z.infer<typeof UnitPatchBody>;
