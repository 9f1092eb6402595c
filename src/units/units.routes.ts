// /api/units (signed in), /api/public/lookup, /api/stats and /api/geo (public).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/db.ts';
import { todayIso } from '../platform/errors.ts';
import { requireUser } from '../accounts/sessions/sessions.access.ts';
import * as service from './registry/registry.service.ts';
import { publicLookup, searchUnits } from './lookup/lookup.service.ts';
import { restructuring } from './restructuring/restructuring.service.ts';
import { checkLineage } from './registry/registry.check.ts';
import { editUnit } from './registry/registry.edit.ts';
import { toSummary } from './registry/registry.present.ts';
import {
  IdParams,
  UnitPatchBody,
  LookupQuery,
  RestructuringQuery,
  SearchQuery,
  StatsQuery,
  TreeQuery,
} from './units.schemas.ts';
import {
  AgenciesAnswer,
  CheckAnswer,
  HistoryAnswer,
  LookupAnswer,
  RestructuringAnswer,
  SearchAnswer,
  StatsAnswer,
  TreeAnswer,
  UnitDetailAnswer,
  UnitEditAnswer,
} from './units.schemas.ts';
import { download, responses } from '../platform/schemas.ts';
import { UNITS } from './units.policy.ts';

const GEO_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/vn/geo/provinces-34.geojson');

export function unitsRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['units'];

    app.get(
      '/units/tree',
      {
        config: { policy: UNITS['units.read'] },
        schema: {
          tags,
          summary: 'Children of a unit (or the country) in force on a date',
          querystring: TreeQuery,
          response: responses({ 200: TreeAnswer }),
        },
      },
      async (req) => service.tree(db, req.ctx, req.query.parentId ?? null, req.query.asOf),
    );

    app.get(
      '/units/search',
      {
        config: { policy: UNITS['units.read'] },
        schema: {
          tags,
          summary:
            'Find units in force on a date by name (no diacritics needed); with includeEnded=true also ended units and their successors',
          querystring: SearchQuery,
          response: responses({ 200: SearchAnswer }),
        },
      },
      async (req) => {
        requireUser(req.ctx);
        return searchUnits(db, req.query.q, req.query.asOf ?? todayIso(), req.query.limit, req.query.includeEnded);
      },
    );

    app.get(
      '/units/check',
      {
        config: { policy: UNITS['units.read'] },
        schema: {
          tags,
          summary: "Lineage completeness report and the last import's reconciliation issues",
          response: responses({ 200: CheckAnswer }),
        },
      },
      async (req) => {
        requireUser(req.ctx);
        return checkLineage(db);
      },
    );

    app.get(
      '/units/:id',
      {
        config: { policy: UNITS['units.read'] },
        schema: {
          tags,
          summary: 'One unit with its parent chain',
          params: IdParams,
          response: responses({ 200: UnitDetailAnswer }),
        },
      },
      async (req) => service.getUnit(db, req.ctx, req.params.id),
    );

    app.patch(
      '/units/:id',
      {
        config: { policy: UNITS['units.edit'] },
        schema: {
          tags,
          summary: "Correct a unit's facts (officer whose grant covers the unit)",
          params: IdParams,
          body: UnitPatchBody,
          response: responses({ 200: UnitEditAnswer }),
        },
      },
      async (req) => {
        const row = await editUnit(db, req.ctx, req.params.id, req.body);
        return { ...toSummary(row), adminCentre: row.admin_centre, population: row.population, areaKm2: row.area_km2 };
      },
    );

    app.get(
      '/units/:id/history',
      {
        config: { policy: UNITS['units.read'] },
        schema: {
          tags,
          summary: 'Predecessors and successors, transitively, with the events',
          params: IdParams,
          response: responses({ 200: HistoryAnswer }),
        },
      },
      async (req) => service.history(db, req.ctx, req.params.id),
    );

    app.get(
      '/units/:id/agencies',
      {
        config: { policy: UNITS['units.read'] },
        schema: { tags, summary: 'Agencies of a unit', params: IdParams, response: responses({ 200: AgenciesAnswer }) },
      },
      async (req) => ({ items: await service.agencies(db, req.ctx, req.params.id) }),
    );

    app.get(
      '/public/lookup',
      {
        config: { policy: UNITS['public.read'] },
        schema: {
          tags: ['public'],
          summary:
            'Which unit in force now does an old commune, ward or address belong to (no login); paged by offset, with total and nextOffset',
          querystring: LookupQuery,
          response: responses({ 200: LookupAnswer }),
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return publicLookup(db, req.query.q, req.query.limit, req.query.asOf, req.query.offset);
      },
    );

    app.get(
      '/stats/units',
      {
        config: { policy: UNITS['public.read'] },
        schema: {
          tags: ['public'],
          summary: 'Units in force on a date, by level and type',
          querystring: StatsQuery,
          response: responses({ 200: StatsAnswer }),
        },
      },
      async (req) => service.stats(db, req.query.asOf ?? todayIso()),
    );

    app.get(
      '/stats/restructuring',
      {
        config: { policy: UNITS['public.read'] },
        schema: {
          tags: ['public'],
          summary: 'Per-province and national restructuring figures between two dates',
          querystring: RestructuringQuery,
          response: responses({ 200: RestructuringAnswer }),
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=300');
        return restructuring(db, req.query.from, req.query.to);
      },
    );

    app.get(
      '/geo/provinces',
      {
        config: { policy: UNITS['public.read'] },
        schema: {
          tags: ['public'],
          summary: 'Boundaries of the 34 provinces (GeoJSON, properties.code = official code)',
          response: download('application/geo+json', 'GeoJSON FeatureCollection'),
        },
      },
      async (_req, reply) =>
        reply
          .header('cache-control', 'public, max-age=86400')
          .type('application/geo+json')
          .send(fs.createReadStream(GEO_FILE)),
    );
  };
}
