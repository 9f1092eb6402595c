// /api/indicators: definitions, a unit's figure rebuilt across the merger, status against targets, recording a
// figure (a unit's own waits for the level above) and accepting it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/db.ts';
import { todayIso } from '../platform/errors.ts';
import { responses } from '../platform/schemas.ts';
import { INDICATORS } from './indicators.policy.ts';
import { listDefinitions } from './definitions/definitions.service.ts';
import { rebuildById } from './rebuild/rebuild.api.ts';
import { indicatorStatus } from './targets/targets.status.ts';
import { acceptValue, recordValue } from './values/values.service.ts';
import { ValueInput } from './values/values.schemas.ts';
import {
  DefinitionsAnswer,
  RebuildAnswer,
  RebuildQuery,
  RecordAnswer,
  StatusAnswer,
  StatusParams,
  StatusQuery,
  ValueAnswer,
  ValueIdParams,
} from './indicators.schemas.ts';

export function indicatorRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['indicators'];

    app.get(
      '/indicators',
      {
        config: { policy: INDICATORS['indicators.reference'] },
        schema: { tags, summary: 'Indicator definitions', response: responses({ 200: DefinitionsAnswer }) },
      },
      async (req) => ({ definitions: await listDefinitions(db, req.ctx) }),
    );

    app.get(
      '/indicators/rebuild',
      {
        config: { policy: INDICATORS['indicators.read'] },
        schema: {
          tags,
          summary:
            "A unit's figure for a period as known on a date; before the unit existed, rebuilt from its predecessors",
          querystring: RebuildQuery,
          response: responses({ 200: RebuildAnswer }),
        },
      },
      async (req) =>
        rebuildById(db, req.ctx, req.query.indicator, req.query.unitId, req.query.period, req.query.asOf ?? todayIso()),
    );

    app.get(
      '/indicators/:code/status',
      {
        config: { policy: INDICATORS['indicators.read'] },
        schema: {
          tags,
          summary: 'Targets in force, figures known on a date (units in scope), required path, gap and verdict',
          params: StatusParams,
          querystring: StatusQuery,
          response: responses({ 200: StatusAnswer }),
        },
      },
      async (req) => indicatorStatus(db, req.ctx, req.params.code, req.query.asOf ?? todayIso()),
    );

    app.post(
      '/indicators/values',
      {
        config: { policy: INDICATORS['indicators.record'] },
        schema: {
          tags,
          summary: "Record a figure (a revision is a new row); a unit's own figure awaits the level above",
          body: ValueInput,
          response: responses({ 200: RecordAnswer }),
        },
      },
      async (req) => recordValue(db, req.ctx, req.body),
    );

    app.post(
      '/indicators/values/:id/accept',
      {
        config: { policy: INDICATORS['indicators.accept'] },
        schema: {
          tags,
          summary: 'Accept a figure a unit below reported (the level above, never its author)',
          params: ValueIdParams,
          response: responses({ 200: ValueAnswer }),
        },
      },
      async (req) => acceptValue(db, req.ctx, req.params.id),
    );
  };
}
