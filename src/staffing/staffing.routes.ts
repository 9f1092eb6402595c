// /api/staffing: periods, allocation (refusals are problem+json 409 with the
// limit and the excess), present headcount, merges, availability, rollups,
// norms, reductions, Appendix IA check/import/export.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db/db.ts';
import { requireUser } from '../accounts/sessions/sessions.access.ts';
import { IsoDate } from '../units/units.schemas.ts';
import * as service from './quotas/quotas.service.ts';
import * as store from './quotas/quotas.store.ts';
import { presentHistory, recordPresent } from './headcount/headcount.service.ts';
import { reallocateMerge } from './quotas/quotas.merge.ts';
import { rollup } from './reports/reports.rollup.ts';
import { evaluateNorm, reductions } from './norms/norms.service.ts';
import { listRuleSets } from './norms/norms.rulesets.ts';
import { parseTableFileOffLoop } from './tables/tables.layout.ts';
import { readUpload, uploadRoute } from '../platform/upload/intake.ts';
import { TABLE_LIMITS } from '../platform/upload/limits.ts';
import { withHeavySlot } from '../platform/upload/pool.ts';
import { checkSubmitted, importSubmitted } from './tables/tables.service.ts';
import { exportXlsx, tableRows } from './tables/tables.export.ts';
import {
  AllocateBody,
  AvailableQuery,
  CategoryCode,
  MergeBody,
  PeriodBody,
  PeriodCode,
  PresentBody,
  RollupQuery,
} from './staffing.schemas.ts';
import { BlocksQuery, RuleSetTargetsBody, TargetBody, TargetsQuery, TrendQuery } from './staffing.schemas.ts';
import { setTarget, setTargetsFromRuleSet } from './targets/targets.service.ts';
import { targetProgress } from './targets/targets.progress.ts';
import { blocksReport } from './reports/reports.service.ts';
import { trendReport } from './reports/reports.trend.ts';
import { STAFFING } from './staffing.policy.ts';
import { CategoriesAnswer, PeriodOut, PeriodsAnswer, RollupAnswer } from './staffing.schemas.ts';
import {
  AllocationAnswer,
  AvailableAnswer,
  BlocksAnswer,
  MergeAnswer,
  NormAnswer,
  PresentAnswer,
  PresentHistoryAnswer,
  ReductionsAnswer,
  RuleSetTargetsAnswer,
  RuleSetsAnswer,
  TableCheckAnswer,
  TableImportAnswer,
  TargetSetAnswer,
  TargetsAnswer,
  TrendAnswer,
} from './staffing.schemas.ts';
import { download, responses } from '../platform/schemas.ts';

const MAX_ISSUES = 1000;
const TABLE_FILE =
  "The table, .csv (header row: the column keys) or .xlsx (the Appendix IA form); the name's extension decides how it is read";

// Multipart fields beside the table in the part "file" (.csv or .xlsx, Appendix IA layout).
const TableFields = z.object({
  period: PeriodCode.optional(),
  category: CategoryCode.default('cadre_civil_servant'),
  asOf: IsoDate.optional(),
});
const NormsQuery = z.object({
  ruleSet: z.string().min(1).max(100),
  unitCode: z.string().min(1).max(20),
  asOf: IsoDate.optional(),
  class: z.enum(['I', 'II', 'III']).optional(),
  mountainous: z.coerce.boolean().optional(),
  total: z.coerce.number().int().positive().optional(),
  wEqual: z.coerce.number().min(0).optional(),
  wPopulation: z.coerce.number().min(0).optional(),
  wArea: z.coerce.number().min(0).optional(),
  wSpecial: z.coerce.number().min(0).optional(),
  comparePeriod: PeriodCode.optional(),
});

export function staffingRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['staffing'];

    app.get(
      '/staffing/periods',
      {
        config: { policy: STAFFING['staffing.reference'] },
        schema: { tags, summary: 'Quota periods', response: responses({ 200: PeriodsAnswer }) },
      },
      async (req) => {
        requireUser(req.ctx);
        return { items: await store.listPeriods(db) };
      },
    );
    app.post(
      '/staffing/periods',
      {
        config: { policy: STAFFING['staffing.period'] },
        schema: {
          tags,
          summary: 'Create a quota period (central roles)',
          body: PeriodBody,
          response: responses({ 200: PeriodOut }),
        },
      },
      async (req) => service.createPeriod(db, req.ctx, req.body),
    );
    app.get(
      '/staffing/categories',
      {
        config: { policy: STAFFING['staffing.reference'] },
        schema: { tags, summary: 'Staffing categories', response: responses({ 200: CategoriesAnswer }) },
      },
      async (req) => {
        requireUser(req.ctx);
        return { items: await store.listCategories(db) };
      },
    );

    app.post(
      '/staffing/allocations',
      {
        config: { policy: STAFFING['staffing.allocate'] },
        schema: {
          tags,
          summary: "Set a unit's or agency's quota; 409 with the limit and excess if it would over-allocate",
          body: AllocateBody,
          response: responses({ 200: AllocationAnswer }),
        },
      },
      async (req) => service.allocate(db, req.ctx, req.body),
    );
    app.post(
      '/staffing/present',
      {
        config: { policy: STAFFING['staffing.present'] },
        schema: {
          tags,
          summary: 'Record the headcount present at a date',
          body: PresentBody,
          response: responses({ 200: PresentAnswer }),
        },
      },
      async (req) => recordPresent(db, req.ctx, req.body),
    );
    app.post(
      '/staffing/merges',
      {
        config: { policy: STAFFING['staffing.allocate'] },
        schema: {
          tags,
          summary:
            "Reallocate to a merged unit (Resolution 76/2025: at most its predecessors' total without a decision)",
          body: MergeBody,
          response: responses({ 200: MergeAnswer }),
        },
      },
      async (req) =>
        reallocateMerge(db, req.ctx, {
          period: req.body.period,
          successorUnitId: req.body.successorUnitId,
          quotas: req.body.quota === undefined ? undefined : { [req.body.category]: req.body.quota },
          decisionRef: req.body.decisionRef,
          effectiveDate: req.body.effectiveDate,
        }),
    );

    app.get(
      '/staffing/present-history',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'Headcount present of a unit over time (progress of reductions)',
          querystring: z.object({
            period: PeriodCode,
            unitId: z.coerce.number().int().positive(),
            category: CategoryCode,
          }),
          response: responses({ 200: PresentHistoryAnswer }),
        },
      },
      async (req) => ({
        items: await presentHistory(db, req.ctx, req.query.period, req.query.unitId, req.query.category),
      }),
    );
    app.get(
      '/staffing/available',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'Assigned, allocated below, reserve, available and present of one unit or agency',
          querystring: AvailableQuery,
          response: responses({ 200: AvailableAnswer }),
        },
      },
      async (req) => service.available(db, req.ctx, req.query.period, service.toTarget(req.query)),
    );
    app.get(
      '/staffing/rollup',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'Quota against present for the units under a unit (default: provinces under the country)',
          querystring: RollupQuery,
          response: responses({ 200: RollupAnswer }),
        },
      },
      async (req) => rollup(db, req.ctx, req.query.period, req.query.unitId),
    );

    app.get(
      '/staffing/rule-sets',
      {
        config: { policy: STAFFING['staffing.reference'] },
        schema: {
          tags,
          summary: 'Norm rule sets with legal basis and validity',
          response: responses({ 200: RuleSetsAnswer }),
        },
      },
      async (req) => {
        requireUser(req.ctx);
        return { items: listRuleSets() };
      },
    );
    app.get(
      '/staffing/norms',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'A rule set evaluated on a unit, with the explanation of every term',
          querystring: NormsQuery,
          response: responses({ 200: NormAnswer }),
        },
      },
      async (req) => {
        const q = req.query;
        const weights = Object.fromEntries(
          Object.entries({ equal: q.wEqual, population: q.wPopulation, area: q.wArea, special: q.wSpecial }).filter(
            ([, v]) => v !== undefined,
          ),
        );
        return evaluateNorm(db, req.ctx, {
          ruleSet: q.ruleSet,
          unitCode: q.unitCode,
          asOf: q.asOf,
          class: q.class,
          mountainous: q.mountainous,
          total: q.total,
          weights,
          comparePeriod: q.comparePeriod,
        });
      },
    );
    app.get(
      '/staffing/reductions',
      {
        config: { policy: STAFFING['staffing.national'] },
        schema: {
          tags,
          summary: 'Required cut per province with the reason',
          querystring: z.object({ period: PeriodCode.default('2026-2031'), asOf: IsoDate.optional() }),
          response: responses({ 200: ReductionsAnswer }),
        },
      },
      async (req) => reductions(db, req.ctx, `reduction-${req.query.period}`, req.query.asOf),
    );

    // The policy checks the role in onRequest, before a byte of the file is read; the units of its rows are checked once read.
    app.post(
      '/staffing/tables/check',
      {
        config: { policy: STAFFING['staffing.table.check'] },
        ...uploadRoute(
          TableFields,
          {
            tags,
            summary: 'Inconsistencies of a CSV or XLSX table (Appendix IA layout; multipart, the file in "file")',
            file: TABLE_FILE,
            limits: TABLE_LIMITS,
          },
          { response: responses({ 200: TableCheckAnswer }) },
        ),
      },
      async (req) =>
        withHeavySlot(req.ctx, async () => {
          const { fields: b, file } = await readUpload(req, TableFields, TABLE_LIMITS);
          const table = await parseTableFileOffLoop(file.fileName, file.bytes);
          const {
            parsed: _parsed,
            issues,
            ...out
          } = await checkSubmitted(
            db,
            req.ctx,
            table,
            b.period
              ? { period: b.period, category: b.category, asOf: b.asOf ?? `${b.period.slice(0, 4)}-03-31` }
              : undefined,
          );
          // Counts stay exact; the list shows the first MAX_ISSUES (a hostile file may hold hundreds of thousands).
          return { ...out, issues: issues.slice(0, MAX_ISSUES), issuesShown: Math.min(issues.length, MAX_ISSUES) };
        }),
    );
    const ImportFields = TableFields.required({ period: true, asOf: true });
    app.post(
      '/staffing/tables/import',
      {
        config: { policy: STAFFING['staffing.table.import'] },
        ...uploadRoute(
          ImportFields,
          {
            tags,
            summary: 'Import a table, all or nothing (multipart, the file in "file")',
            file: TABLE_FILE,
            limits: TABLE_LIMITS,
          },
          { response: responses({ 200: TableImportAnswer }) },
        ),
      },
      async (req) =>
        withHeavySlot(req.ctx, async () => {
          const { fields, file } = await readUpload(req, ImportFields, TABLE_LIMITS);
          const table = await parseTableFileOffLoop(file.fileName, file.bytes);
          return importSubmitted(db, req.ctx, table, {
            period: fields.period,
            category: fields.category,
            asOf: fields.asOf,
          });
        }),
    );
    app.get(
      '/staffing/export.xlsx',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'A unit and the units under it in the Appendix IA layout',
          querystring: z.object({
            period: PeriodCode,
            unitId: z.coerce.number().int().positive(),
            category: CategoryCode.default('cadre_civil_servant'),
            year: z.coerce.number().int().min(2000).max(2100).default(new Date().getFullYear()),
          }),
          response: download(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'The Appendix IA workbook',
          ),
        },
      },
      async (req, reply) => {
        const rows = await tableRows(db, req.ctx, req.query.period, req.query.unitId, req.query.category);
        const buf = await exportXlsx(rows, { period: req.query.period, unitName: rows[0].name, year: req.query.year });
        return reply
          .header('content-disposition', `attachment; filename="bien-che-${req.query.period}-${rows[0].code}.xlsx"`)
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(buf);
      },
    );

    app.post(
      '/staffing/targets',
      {
        config: { policy: STAFFING['staffing.allocate'] },
        schema: {
          tags,
          summary: 'Set the streamlining target of a unit or agency (a share or a headcount, with its decision)',
          body: TargetBody,
          response: responses({ 200: TargetSetAnswer }),
        },
      },
      async (req) => setTarget(db, req.ctx, req.body),
    );
    app.post(
      '/staffing/targets/from-rule-set',
      {
        config: { policy: STAFFING['staffing.targets.national'] },
        schema: {
          tags,
          summary: "Set every province's target from the reduction rule set (central roles)",
          body: RuleSetTargetsBody,
          response: responses({ 200: RuleSetTargetsAnswer }),
        },
      },
      async (req) => setTargetsFromRuleSet(db, req.ctx, req.body),
    );
    app.get(
      '/staffing/targets',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: 'Targets of a period with the recorded headcounts against the straight-line path',
          querystring: TargetsQuery,
          response: responses({ 200: TargetsAnswer }),
        },
      },
      async (req) => targetProgress(db, req.ctx, req.query),
    );
    app.get(
      '/staffing/blocks',
      {
        config: { policy: STAFFING['staffing.national'] },
        schema: {
          tags,
          summary: 'The national quota and present by block, per category',
          querystring: BlocksQuery,
          response: responses({ 200: BlocksAnswer }),
        },
      },
      async (req) => blocksReport(db, req.ctx, req.query.period),
    );
    app.get(
      '/staffing/trend',
      {
        config: { policy: STAFFING['staffing.read'] },
        schema: {
          tags,
          summary: "A unit's quota, reserve and present across periods, with the change between them",
          querystring: TrendQuery,
          response: responses({ 200: TrendAnswer }),
        },
      },
      async (req) => trendReport(db, req.ctx, req.query),
    );
  };
}
