// Request and answer shapes of /api/indicators (zod): the web app and the OpenAPI document read them.
import { z } from 'zod';
import { IsoDate } from '../units/units.schemas.ts';

const Msg = z.object({ vi: z.string(), en: z.string() });
const UnitRef = z.object({ id: z.number(), key: z.string(), code: z.string(), name: z.string() });
const Figure = z.object({
  value: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  status: z.string(),
});

export const Definition = z.object({
  code: z.string(),
  name_vi: z.string(),
  name_en: z.string(),
  unit_vi: z.string(),
  unit_en: z.string(),
  direction: z.string(),
  kind: z.string(),
  aggregation: z.string(),
  weight_code: z.string().nullable(),
  factor: z.string(),
  period_type: z.string(),
  cumulative: z.boolean(),
  source: z.string().nullable(),
});
export const DefinitionsAnswer = z.object({ definitions: z.array(Definition) });

export const RebuildQuery = z.object({
  indicator: z.string().min(1).max(40),
  unitId: z.coerce.number().int().positive(),
  period: z.string().min(4).max(9),
  asOf: IsoDate.optional(),
});
const How = z.enum(['own', 'rebuilt', 'missing']);
export const RebuildAnswer = z.object({
  indicator: z.string(),
  aggregation: z.string(),
  unit: UnitRef,
  period: z.string(),
  asOf: z.string(),
  how: How,
  figure: Figure.nullable(),
  valueId: z.number().nullable(),
  note: Msg.nullable(),
  predecessors: z.array(
    z.object({
      unit: UnitRef,
      link: z.string(),
      share: z.string().nullable(),
      shareBasis: z.string().nullable(),
      figure: Figure.nullable(),
      weight: z.string().nullable(),
      how: How,
      valueId: z.number().nullable(),
    }),
  ),
});

const ValueRow = z.object({
  id: z.number(),
  indicator_code: z.string(),
  unit_id: z.number(),
  period: z.string(),
  value: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  known_from: z.string(),
  note: z.string().nullable(),
  recorded_by: z.string(),
  recorded_by_id: z.number().nullable(),
  accepted_at: z.string().nullable(),
  accepted_by: z.string().nullable(),
});
export const ValueAnswer = ValueRow;
export const RecordAnswer = ValueRow.extend({ unit: UnitRef, revises: z.number().nullable() });
export const ValueIdParams = z.object({ id: z.coerce.number().int().positive() });

export const StatusParams = z.object({ code: z.string().min(1).max(40) });
export const StatusQuery = z.object({ asOf: IsoDate.optional() });
const Presented = z.object({
  id: z.number(),
  unit: UnitRef,
  period: z.string(),
  value: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  status: z.string(),
  source: z.string(),
  knownFrom: z.string(),
});
export const StatusAnswer = z.object({
  indicator: Definition,
  asOf: z.string(),
  tracks: z.array(
    z.object({
      unit: UnitRef,
      target: z.object({
        id: z.number(),
        indicator_code: z.string(),
        unit_id: z.number(),
        period: z.string(),
        version: z.number(),
        target_kind: z.string(),
        low: z.string().nullable(),
        high: z.string().nullable(),
        per_year: z.boolean(),
        baseline_period: z.string().nullable(),
        baseline_value: z.string().nullable(),
        decision: z.string(),
        decided_on: z.string(),
        source: z.string().nullable(),
      }),
      track: z.object({
        status: z.string(),
        year: z.number().nullable(),
        actual: z.number().nullable(),
        required: z.number().nullable(),
        gap: z.number().nullable(),
        requiredForRest: z.number().nullable(),
        path: z.array(z.object({ year: z.number(), required: z.number() })),
      }),
    }),
  ),
  official: z.array(Presented),
  awaitingAcceptance: z.array(Presented),
  warnings: Msg,
});
