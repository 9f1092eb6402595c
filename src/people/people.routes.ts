// /api/people: the register of people affected by the reorganisation (list and record masked outside HR, every
// view audited; import all or nothing; export of personal data for HR, audited) and each person's outcome
// (a placement over the receiving unit's quota is 409 with the figures; an exclusion of Decree 178 is 422).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db/db.ts';
import { download, responses } from '../platform/schemas.ts';
import { readUpload, uploadRoute } from '../platform/upload/intake.ts';
import { withHeavySlot } from '../platform/upload/pool.ts';
import { PEOPLE } from './people.policy.ts';
import { ImportAnswer, ImportFields, ListAnswer, ListQuery, PersonOut } from './register/register.schemas.ts';
import { importRegister, listRegister, viewPerson } from './register/register.service.ts';
import { exportRegister } from './register/register.export.ts';
import { readRegisterFileOffLoop, REGISTER_LIMITS } from './register/register.sheet.ts';
import { OutcomeAnswer, OutcomeBody } from './outcomes/outcomes.schemas.ts';
import { recordOutcome } from './outcomes/outcomes.service.ts';
import { SheetAnswer } from './sheet/sheet.schemas.ts';
import { exportSheet, viewSheet } from './sheet/sheet.service.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Id = z.object({ id: z.coerce.number().int().positive() });

export function peopleRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['people'];

    app.get(
      '/people',
      {
        config: { policy: PEOPLE['people.read'] },
        schema: {
          tags,
          summary: "A unit subtree's affected people (personal data only for HR over the unit; audited)",
          querystring: ListQuery,
          response: responses({ 200: ListAnswer }),
        },
      },
      async (req) => listRegister(db, req.ctx, req.query),
    );
    app.get(
      '/people/export.xlsx',
      {
        config: { policy: PEOPLE['people.personal'] },
        schema: {
          tags,
          summary: 'The register of a unit subtree with personal data, in the import layout (HR; audited)',
          querystring: z.object({ unitId: z.coerce.number().int().positive() }),
          response: download(XLSX, 'The register workbook'),
        },
      },
      async (req, reply) => {
        const out = await exportRegister(db, req.ctx, req.query.unitId);
        return reply
          .header('content-disposition', `attachment; filename="${out.fileName}"`)
          .header('cache-control', 'no-store')
          .type(XLSX)
          .send(out.content);
      },
    );
    app.get(
      '/people/:id',
      {
        config: { policy: PEOPLE['people.read'] },
        schema: {
          tags,
          summary: "One person's record (personal data only for HR over the unit; every view audited)",
          params: Id,
          response: responses({ 200: PersonOut }),
        },
      },
      async (req) => viewPerson(db, req.ctx, req.params.id),
    );
    app.post(
      '/people/import',
      {
        config: { policy: PEOPLE['people.import'] },
        ...uploadRoute(
          ImportFields,
          {
            tags,
            summary: 'Import a register (.xlsx), all or nothing; 422 lists every bad row with its reasons',
            file: 'The register, .xlsx in the layout of GET /api/people/export.xlsx (header on row 1)',
            limits: REGISTER_LIMITS,
          },
          { response: responses({ 200: ImportAnswer }) },
        ),
      },
      async (req) =>
        withHeavySlot(req.ctx, async () => {
          const { fields, file } = await readUpload(req, ImportFields, REGISTER_LIMITS);
          const sheet = await readRegisterFileOffLoop(file.bytes);
          return importRegister(db, req.ctx, sheet, {
            unitId: fields.unitId,
            dryRun: fields.dryRun,
            source: file.fileName,
          });
        }),
    );
    app.post(
      '/people/:id/outcome',
      {
        config: { policy: PEOPLE['people.outcome'] },
        schema: {
          tags,
          summary: "Record a person's outcome with its decision; 409 with the figures over quota, 422 when excluded",
          params: Id,
          body: OutcomeBody,
          response: responses({ 200: OutcomeAnswer }),
        },
      },
      async (req) => recordOutcome(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/people/:id/benefit',
      {
        config: { policy: PEOPLE['people.read'] },
        schema: {
          tags,
          summary: "A person's benefit calculation sheet as decided (name only for HR over the unit; audited)",
          params: Id,
          response: responses({ 200: SheetAnswer }),
        },
      },
      async (req) => viewSheet(db, req.ctx, req.params.id),
    );
    app.get(
      '/people/:id/benefit.docx',
      {
        config: { policy: PEOPLE['people.read'] },
        schema: {
          tags,
          summary: "A person's benefit calculation sheet in Word (Decree 30/2020 layout; name only for HR; audited)",
          params: Id,
          response: download(DOCX, 'The calculation sheet'),
        },
      },
      async (req, reply) => {
        const out = await exportSheet(db, req.ctx, req.params.id, new Date().toISOString().slice(0, 10));
        return reply
          .header('content-disposition', `attachment; filename="${out.fileName}"`)
          .header('cache-control', 'no-store')
          .type(DOCX)
          .send(out.content);
      },
    );
  };
}
