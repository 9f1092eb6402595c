// Request and response shapes of the unit registry API, shared by routes, the CLI and the web app
// (which imports types only: nothing here may import server code).
import { z } from 'zod';
import { Day, IsoDate, POPULATION_MAX, RatioOut, Timestamp, decimal, wholeNumber } from '../platform/schemas.ts';

/** At most this many matches are ranked; a query matching more says its total is a lower bound. */
export const MAX_MATCHES = 300;

// The platform's one date type (real calendar days in a sane range); re-exported for the modules that import it from here.
export { IsoDate };

export const TreeQuery = z.object({
  asOf: IsoDate.optional(),
  parentId: z.coerce.number().int().positive().optional(),
});
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  asOf: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Also units not in force on the date (ended ones with their successors), after those in force. */
  includeEnded: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const LookupQuery = z.object({
  q: z.string().trim().max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  asOf: IsoDate.optional(),
  /** Where the page starts in the ranked matches (the previous answer's nextOffset). */
  offset: z.coerce.number().int().min(0).max(MAX_MATCHES).default(0),
});
export const StatsQuery = z.object({ asOf: IsoDate.optional() });
export const RestructuringQuery = z.object({ from: IsoDate.default('2025-06-30'), to: IsoDate.default('2025-07-01') });

/** Facts an officer may correct on a unit in their scope; names and codes change only through lineage events. */
export const UnitPatchBody = z
  .object({
    adminCentre: z.string().trim().max(500).nullable().optional(),
    population: wholeNumber(0, POPULATION_MAX).nullable().optional(),
    // Vietnam's area is about 331,000 km²; two decimals, as stored.
    areaKm2: decimal(0, 1_000_000, 2).nullable().optional(),
  })
  .strict();
export type UnitPatch = z.infer<typeof UnitPatchBody>;

// ---- Responses ----

const nullableDay = Day.nullable();
/** A unit as lists show it (registry/registry.present.ts toSummary); childCount only where the list counts children. */
export const UnitSummaryOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  fullNameEn: z.string().nullable(),
  /** One of the unit types; kept as text so a type the client does not know still shows. */
  type: z.string(),
  level: z.number().int(),
  validFrom: nullableDay,
  validTo: nullableDay,
  /** When validFrom is unknown: the first day a source attests the unit in force (no data before it). */
  attestedFrom: nullableDay,
  childCount: z.number().int().optional(),
});
/** A unit with its facts and the district and province above it (toPlaced). */
export const PlacedUnitOut = UnitSummaryOut.extend({
  adminCentre: z.string().nullable(),
  areaKm2: z.number().nullable(),
  population: z.number().nullable(),
  districtName: z.string().nullable(),
  provinceName: z.string().nullable(),
  provinceShortName: z.string().nullable(),
  provinceCode: z.string().nullable(),
});

export const TreeAnswer = z.object({ asOf: Day, noDataBefore: nullableDay, items: z.array(UnitSummaryOut) });

export const UnitDetailAnswer = UnitSummaryOut.extend({
  areaKm2: z.number().nullable(),
  population: z.number().nullable(),
  adminCentre: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  source: z.string().nullable(),
  validitySource: z.string().nullable(),
  parent: UnitSummaryOut.nullable(),
  ancestors: z.array(UnitSummaryOut),
});
/** PATCH /units/:id: the unit's summary with the facts that can be corrected. */
export const UnitEditAnswer = UnitSummaryOut.extend({
  adminCentre: z.string().nullable(),
  population: z.number().nullable(),
  areaKm2: z.number().nullable(),
});

export const LinkKind = z.enum(['whole', 'part', 'unchanged', 'renamed', 'retyped']);
export const EventKind = z.enum(['merge', 'split', 'rename', 'retype', 'reassign', 'dissolve', 'create']);
export type LinkKind = z.infer<typeof LinkKind>;
export type EventKind = z.infer<typeof EventKind>;
export const RelatedUnitOut = z.object({
  unit: PlacedUnitOut,
  depth: z.number().int(),
  linkKind: LinkKind,
  note: z.string().nullable(),
  event: z.object({ id: z.number().int(), kind: EventKind, effectiveDate: Day, legalBasis: z.string().nullable() }),
});
export const HistoryAnswer = z.object({
  unit: UnitDetailAnswer,
  predecessors: z.array(RelatedUnitOut),
  successors: z.array(RelatedUnitOut),
});

export const AgenciesAnswer = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      parentAgencyId: z.number().int().nullable(),
      validFrom: nullableDay,
      validTo: nullableDay,
      source: z.string().nullable(),
    }),
  ),
});

export const SearchAnswer = z.object({
  asOf: Day,
  items: z.array(
    PlacedUnitOut.extend({
      inForce: z.boolean(),
      /** For a unit ended by asOf: the units it went into (one step). */
      successors: z.array(z.object({ unit: PlacedUnitOut, linkKind: z.string(), effectiveDate: Day })),
    }),
  ),
});

export const LookupSuccessorOut = z.object({
  unit: PlacedUnitOut,
  province: z.object({ code: z.string(), name: z.string().nullable(), fullName: z.string().nullable() }).nullable(),
  linkKind: z.string(),
  note: z.string().nullable(),
});
export const LookupResultOut = z.object({
  unit: PlacedUnitOut,
  current: z.boolean(),
  successors: z.array(LookupSuccessorOut),
});
export const LookupAnswer = z.object({
  query: z.string(),
  asOf: Day,
  total: z.number().int(),
  totalExact: z.boolean(),
  offset: z.number().int(),
  limit: z.number().int(),
  nextOffset: z.number().int().nullable(),
  items: z.array(LookupResultOut),
});

export const StatsAnswer = z.object({
  asOf: Day,
  noDataBefore: nullableDay,
  byLevel: z.object({
    national: z.number().int(),
    provinces: z.number().int(),
    districts: z.number().int(),
    communes: z.number().int(),
  }),
  byType: z.array(z.object({ level: z.number().int(), type: z.string(), count: z.number().int() })),
});

export const LevelCountsOut = z.object({
  provinces: z.number().int(),
  districts: z.number().int(),
  communes: z.number().int(),
});
export const ProvinceRestructuringOut = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  formedFrom: z.array(z.object({ code: z.string(), name: z.string() })),
  formedFromCount: z.number().int(),
  districtsBefore: z.number().int(),
  communesBefore: z.number().int(),
  communesAfter: z.number().int(),
  /** Communes removed of communes before, exact (screens round it to two decimals). */
  reduction: RatioOut,
  areaKm2: z.number().nullable(),
  population: z.number().nullable(),
});
export const RestructuringAnswer = z.object({
  from: Day,
  to: Day,
  national: z.object({
    before: LevelCountsOut,
    after: LevelCountsOut,
    reduction: z.object({ provinces: RatioOut, districts: RatioOut, communes: RatioOut }),
  }),
  provinces: z.array(ProvinceRestructuringOut),
});

export const CheckAnswer = z.object({
  registry: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: z.string(),
      units: z.array(
        z.object({ id: z.number().int(), code: z.string(), fullName: z.string(), provinceName: z.string().nullable() }),
      ),
    }),
  ),
  /** The last import's reconciliation report (units/vn/vn-types.ts VnReport), as stored. */
  import: z
    .object({
      importedAt: Timestamp,
      counts: z.unknown(),
      expected: z.unknown(),
      issues: z.array(z.unknown()),
      correctionsApplied: z.array(z.unknown()),
    })
    .nullable(),
  summary: z.object({ registryErrors: z.number().int(), importIssues: z.number().int() }),
});
