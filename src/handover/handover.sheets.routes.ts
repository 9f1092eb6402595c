// /api/handovers: the inventory as a sheet (import all or nothing, read off the event loop; export
// to .xlsx) and the province/national dashboard from the maintained rollups. Called by handover.routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/db.ts';
import { download, responses } from '../platform/schemas.ts';
import { readUpload, uploadRoute } from '../platform/upload/intake.ts';
import { withHeavySlot } from '../platform/upload/pool.ts';
import { HANDOVER } from './handover.policy.ts';
import { IdParams } from './handover.schemas.ts';
import { DashboardAnswer, DashboardQuery, ImportAnswer, ImportFields } from './handover.more.schemas.ts';
import { INVENTORY_LIMITS, readInventoryOffLoop } from './sheet/sheet.read.ts';
import { exportLines, importLines } from './sheet/sheet.service.ts';
import { handoverDashboard } from './rollups/rollups.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function sheetRoutes(fastify: FastifyInstance, db: Db) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['handover'];
  app.post(
    '/handovers/:id/lines/import',
    {
      config: { policy: HANDOVER['handover.edit'] },
      ...uploadRoute(
        ImportFields,
        {
          tags,
          summary: 'Import inventory lines (.xlsx or CSV), all or nothing; 422 lists every bad row with its reasons',
          file: 'The inventory, .xlsx or UTF-8 CSV in the layout of data/handover/README.md (header on row 1)',
          limits: INVENTORY_LIMITS,
        },
        { params: IdParams, response: responses({ 200: ImportAnswer }) },
      ),
    },
    async (req) =>
      withHeavySlot(req.ctx, async () => {
        const { id } = IdParams.parse(req.params);
        const { fields, file } = await readUpload(req, ImportFields, INVENTORY_LIMITS);
        const read = await readInventoryOffLoop(file.bytes);
        return importLines(db, req.ctx, id, read, { dryRun: fields.dryRun, source: file.fileName });
      }),
  );
  app.get(
    '/handovers/:id/lines.xlsx',
    {
      config: { policy: HANDOVER['handover.read'] },
      schema: {
        tags,
        summary: "A handover's lines as .xlsx in the import's layout (secret records masked; audited)",
        params: IdParams,
        response: download(XLSX, 'The inventory workbook'),
      },
    },
    async (req, reply) => {
      const content = await exportLines(db, req.ctx, req.params.id);
      return reply
        .header('content-disposition', `attachment; filename="ban-giao-${req.params.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .type(XLSX)
        .send(content);
    },
  );
  app.get(
    '/handovers/dashboard',
    {
      config: { policy: HANDOVER['handover.read'] },
      schema: {
        tags,
        summary: 'Province (or national) handover figures from the maintained rollups: exact counts',
        querystring: DashboardQuery,
        response: responses({ 200: DashboardAnswer }),
      },
    },
    async (req) => handoverDashboard(db, req.ctx, req.query),
  );
}
