// /api/handovers: opening from the registry, the list and status, one handover with its lines and
// minutes, the inventory (handing-over side), counting (receiving side), minutes and signatures,
// closing (overseeing province), correcting versions; /api/handover-minutes/{sha256}: verification.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/db.ts';
import { download, responses } from '../platform/schemas.ts';
import { HANDOVER } from './handover.policy.ts';
import {
  CloseAnswer,
  CorrectAnswer,
  CorrectBody,
  CountAnswer,
  CountBody,
  HandoverDetail,
  HandoverList,
  IdParams,
  LineInput,
  LineOut,
  LineParams,
  ListQuery,
  MinutesOut,
  OpenBody,
  OpeningAnswer,
  RemovedAnswer,
  ShaParams,
  SignAnswer,
  SignBody,
  StatusAnswer,
  StatusQuery,
  SubmitAnswer,
  VerifyAnswer,
  VersionParams,
} from './handover.schemas.ts';
import { openHandovers } from './open/open.service.ts';
import { addLine, removeLine } from './inventory/inventory.service.ts';
import * as workflow from './workflow/workflow.service.ts';
import * as minutes from './minutes/minutes.service.ts';
import { sheetRoutes } from './handover.sheets.routes.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function handoverRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['handover'];
    const id = { params: IdParams };

    app.post(
      '/handovers/open',
      {
        config: { policy: HANDOVER['handover.open'] },
        schema: {
          tags,
          summary: 'Open a handover for every unit that ended on a date (idempotent)',
          body: OpenBody,
          response: responses({ 200: OpeningAnswer }),
        },
      },
      async (req) => openHandovers(db, req.ctx, req.body.asOf),
    );
    app.get(
      '/handovers',
      {
        config: { policy: HANDOVER['handover.read'] },
        schema: {
          tags,
          summary: 'Handovers in scope (optionally of one province, one state)',
          querystring: ListQuery,
          response: responses({ 200: HandoverList }),
        },
      },
      async (req) => workflow.listHandovers(db, req.ctx, req.query),
    );
    app.get(
      '/handovers/status',
      {
        config: { policy: HANDOVER['handover.read'] },
        schema: {
          tags,
          summary: 'Handovers and lines by level and state, outstanding lines',
          querystring: StatusQuery,
          response: responses({ 200: StatusAnswer }),
        },
      },
      async (req) => workflow.handoverStatus(db, req.ctx, req.query),
    );
    app.get(
      '/handovers/:id',
      {
        config: { policy: HANDOVER['handover.read'] },
        schema: {
          tags,
          summary: 'One handover: receivers, lines, outstanding (computed), minutes',
          ...id,
          response: responses({ 200: HandoverDetail }),
        },
      },
      async (req) => workflow.getHandover(db, req.ctx, req.params.id),
    );
    app.post(
      '/handovers/:id/lines',
      {
        config: { policy: HANDOVER['handover.edit'] },
        schema: {
          tags,
          summary: 'Add an inventory line (handing-over side, draft only)',
          ...id,
          body: LineInput,
          response: responses({ 200: LineOut }),
        },
      },
      async (req) => addLine(db, req.ctx, req.params.id, req.body),
    );
    app.delete(
      '/handovers/:id/lines/:lineId',
      {
        config: { policy: HANDOVER['handover.edit'] },
        schema: {
          tags,
          summary: 'Remove an inventory line (handing-over side, draft only)',
          params: LineParams,
          response: responses({ 200: RemovedAnswer }),
        },
      },
      async (req) => removeLine(db, req.ctx, req.params.id, req.params.lineId),
    );
    app.post(
      '/handovers/:id/submit',
      {
        config: { policy: HANDOVER['handover.edit'] },
        schema: {
          tags,
          summary: 'Submit the inventory to the receiving side',
          ...id,
          response: responses({ 200: SubmitAnswer }),
        },
      },
      async (req) => workflow.submit(db, req.ctx, req.params.id),
    );
    app.post(
      '/handovers/:id/lines/:lineId/count',
      {
        config: { policy: HANDOVER['handover.count'] },
        schema: {
          tags,
          summary: "Count a line (the line's receiver; not the submitter)",
          params: LineParams,
          body: CountBody,
          response: responses({ 200: CountAnswer }),
        },
      },
      async (req) => workflow.countLine(db, req.ctx, req.params.id, req.params.lineId, req.body),
    );
    app.post(
      '/handovers/:id/minutes',
      {
        config: { policy: HANDOVER['handover.minutes'] },
        schema: {
          tags,
          summary: 'Draw up the minutes of a counted handover (Word, SHA-256 stored)',
          ...id,
          response: responses({ 200: MinutesOut }),
        },
      },
      async (req) => minutes.makeMinutes(db, req.ctx, req.params.id),
    );
    app.get(
      '/handovers/:id/minutes/:version',
      {
        config: { policy: HANDOVER['handover.read'] },
        schema: {
          tags,
          summary: 'The minutes of a version, byte for byte as stored',
          params: VersionParams,
          response: download(DOCX, 'The minutes (.docx)'),
        },
      },
      async (req, reply) => {
        const f = await minutes.minutesFile(db, req.ctx, req.params.id, req.params.version);
        return reply
          .header('content-disposition', `attachment; filename="${f.fileName}"`)
          .header('x-sha256', f.sha256)
          .type(DOCX)
          .send(f.content);
      },
    );
    app.post(
      '/handovers/:id/sign',
      {
        config: { policy: HANDOVER['handover.minutes'] },
        schema: {
          tags,
          summary: 'Sign the minutes for one side, naming the SHA-256 of the document read',
          ...id,
          body: SignBody,
          response: responses({ 200: SignAnswer }),
        },
      },
      async (req) => minutes.sign(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/handovers/:id/close',
      {
        config: { policy: HANDOVER['handover.close'] },
        schema: {
          tags,
          summary: 'Close a signed handover (overseeing province)',
          ...id,
          response: responses({ 200: CloseAnswer }),
        },
      },
      async (req) => workflow.close(db, req.ctx, req.params.id),
    );
    app.post(
      '/handovers/:id/correct',
      {
        config: { policy: HANDOVER['handover.edit'] },
        schema: {
          tags,
          summary: 'Open a correcting version of a signed handover',
          ...id,
          body: CorrectBody,
          response: responses({ 200: CorrectAnswer }),
        },
      },
      async (req) => workflow.correct(db, req.ctx, req.params.id, req.body.reason),
    );
    app.get(
      '/handover-minutes/:sha256',
      {
        config: { policy: HANDOVER['handover.verify'] },
        schema: {
          tags,
          summary: 'Is a file (by its SHA-256) signed handover minutes, of which handover?',
          params: ShaParams,
          response: responses({ 200: VerifyAnswer }),
        },
      },
      async (req) => minutes.verify(db, req.ctx, req.params.sha256),
    );
    sheetRoutes(fastify, db); // import/export of the inventory, the dashboard (issue 11, items 5 and 6)
  };
}
