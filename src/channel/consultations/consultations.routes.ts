// /api/consultations: drafts open for public comment and vote, their results and the drafting body's answers,
// the Word report. Reading and taking part need no sign-in; managing needs the drafting body's grant.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/db.ts';
import type { Config } from '../../platform/config.ts';
import { consultationSettings } from './consultations.settings.ts';
import { download, responses } from '../../platform/schemas.ts';
import { CONSULTATIONS } from './consultations.policy.ts';
import * as service from './consultations.service.ts';
import * as participation from './consultations.participate.ts';
import { consultationReport, consultationResults } from './consultations.results.ts';
import {
  AnswerBody,
  ConfirmAnswer,
  ConfirmBody,
  ConsultationBody,
  ConsultationDetail,
  ConsultationList,
  GroupBody,
  GroupOut,
  GroupParams,
  IdParams,
  ParticipationAnswer,
  ParticipationBody,
  ResultsAnswer,
} from './consultations.schemas.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function consultationsRoutes(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom'>) {
  // Read once when routes are built, so a wrong value stops the server at start rather than at a confirmation.
  const settings = consultationSettings();
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['channel'];
    const read = { policy: CONSULTATIONS['channel.consultation.read'] };
    const manage = { policy: CONSULTATIONS['channel.consultation.manage'] };

    app.get(
      '/consultations',
      {
        config: read,
        schema: { tags, summary: 'Consultations, newest first', response: responses({ 200: ConsultationList }) },
      },
      async () => service.listConsultations(db),
    );
    app.post(
      '/consultations',
      {
        config: manage,
        schema: {
          tags,
          summary: "Open a consultation on a draft (the drafting body: a writer over the draft's unit)",
          body: ConsultationBody,
          response: responses({ 201: ConsultationDetail }),
        },
      },
      async (req, reply) => reply.code(201).send(await service.createConsultation(db, req.ctx, req.body)),
    );
    app.get(
      '/consultations/:id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A draft with its sections, published (redacted) comments and answered groups',
          params: IdParams,
          response: responses({ 200: ConsultationDetail }),
        },
      },
      async (req) => service.getConsultation(db, req.params.id),
    );
    app.post(
      '/consultations/:id/participations',
      {
        config: { policy: CONSULTATIONS['channel.consultation.participate'] },
        schema: {
          tags,
          summary:
            'Take part (no sign-in): votes per section and overall, comments, commune of residence; counted once the e-mailed code is confirmed; 409 outside the dates',
          params: IdParams,
          body: ParticipationBody,
          response: responses({ 202: ParticipationAnswer }),
        },
      },
      async (req, reply) =>
        reply
          .code(202)
          .send((await participation.participate(db, req.ctx, req.params.id, req.body, { mail: config })).answer),
    );
    app.post(
      '/consultations/confirm',
      {
        config: { policy: CONSULTATIONS['channel.consultation.participate'] },
        schema: {
          tags,
          summary: 'Confirm a participation with the code sent by e-mail',
          body: ConfirmBody,
          response: responses({ 200: ConfirmAnswer }),
        },
      },
      async (req) => participation.confirmParticipation(db, req.ctx, req.body.code, { settings }),
    );
    app.get(
      '/consultations/:id/results',
      {
        config: read,
        schema: {
          tags,
          summary: 'Results: overall, per section, per province and per commune of residence (exact counts)',
          params: IdParams,
          response: responses({ 200: ResultsAnswer }),
        },
      },
      async (req) => consultationResults(db, req.params.id),
    );
    app.get(
      '/consultations/:id/report.docx',
      {
        config: read,
        schema: {
          tags,
          summary: 'The consultation report (Word, administrative layout of Decree 30/2020)',
          params: IdParams,
          response: download(DOCX, 'The consultation report'),
        },
      },
      async (req, reply) => {
        const buf = await consultationReport(db, req.params.id);
        return reply
          .header('content-disposition', `attachment; filename="lay-y-kien-${req.params.id}.docx"`)
          .type(DOCX)
          .send(buf);
      },
    );
    app.post(
      '/consultations/:id/groups',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Group published comments (of one section, or of the whole draft)',
          params: IdParams,
          body: GroupBody,
          response: responses({ 201: GroupOut }),
        },
      },
      async (req, reply) => reply.code(201).send(await service.groupComments(db, req.ctx, req.params.id, req.body)),
    );
    app.post(
      '/consultations/:id/groups/:groupId/answer',
      {
        config: manage,
        schema: {
          tags,
          summary: "Publish (or replace) the drafting body's answer to a group of comments",
          params: GroupParams,
          body: AnswerBody,
          response: responses({ 200: GroupOut }),
        },
      },
      async (req) => service.answerGroup(db, req.ctx, req.params.id, req.params.groupId, req.body),
    );
  };
}
