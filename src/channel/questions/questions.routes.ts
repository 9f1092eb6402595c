// /api/questions: the standing office's questions and answers. Public: the FAQ and the suggestions drawn from it
// (redacted text, no sign-in). Officers: ask, list and read in scope, draft, review, publish. Routes are
// registered draft → review → publish so the access-policy matrix meets each state in turn.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/db.ts';
import { responses } from '../../platform/schemas.ts';
import { QUESTIONS as P } from './questions.policy.ts';
import * as service from './questions.service.ts';
import {
  AskBody,
  DraftBody,
  FaqAnswer,
  IdParams,
  ListAnswer,
  ListQuery,
  Question,
  ReviewBody,
  SearchQuery,
} from './questions.schemas.ts';

export function questionsRoutes(db: Db, clock: service.Clock = {}) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['questions'];

    app.get(
      '/questions/faq',
      {
        config: { policy: P['questions.public'] },
        schema: {
          tags,
          summary: 'The public FAQ: published answers holding every word of q, with or without Vietnamese accents',
          querystring: SearchQuery,
          response: responses({ 200: FaqAnswer }),
        },
      },
      async (req) => service.faq(db, req.query.q, req.query.limit),
    );
    app.get(
      '/questions/similar',
      {
        config: { policy: P['questions.public'] },
        schema: {
          tags,
          summary: 'Published questions similar to the one about to be sent (trigram similarity, accents ignored)',
          querystring: SearchQuery,
          response: responses({ 200: FaqAnswer }),
        },
      },
      async (req) => service.similar(db, req.query.q, req.query.limit),
    );
    app.post(
      '/questions',
      {
        config: { policy: P['questions.ask'] },
        schema: {
          tags,
          summary: "Send a question to the central standing office or the asking unit's province office",
          body: AskBody,
          response: responses({ 201: Question }),
        },
      },
      async (req, reply) => reply.code(201).send(await service.ask(db, req.ctx, req.body, clock)),
    );
    app.get(
      '/questions',
      {
        config: { policy: P['questions.read'] },
        schema: {
          tags,
          summary: "Questions asked by or sent to units in the caller's scope, earliest due first",
          querystring: ListQuery,
          response: responses({ 200: ListAnswer }),
        },
      },
      async (req) => service.list(db, req.ctx, req.query, clock),
    );
    app.get(
      '/questions/:id',
      {
        config: { policy: P['questions.read'] },
        schema: { tags, summary: 'One question', params: IdParams, response: responses({ 200: Question }) },
      },
      async (req) => service.get(db, req.ctx, req.params.id, clock),
    );
    app.post(
      '/questions/:id/draft',
      {
        config: { policy: P['questions.answer'] },
        schema: {
          tags,
          summary: "Draft the office's answer (the question goes to review)",
          params: IdParams,
          body: DraftBody,
          response: responses({ 200: Question }),
        },
      },
      async (req) => service.draft(db, req.ctx, req.params.id, req.body.answer, clock),
    );
    app.post(
      '/questions/:id/review',
      {
        config: { policy: P['questions.answer'] },
        schema: {
          tags,
          summary: 'Accept the draft (answered) or return it with a reason; nobody reviews their own draft',
          params: IdParams,
          body: ReviewBody,
          response: responses({ 200: Question }),
        },
      },
      async (req) => service.review(db, req.ctx, req.params.id, req.body, clock),
    );
    app.post(
      '/questions/:id/publish',
      {
        config: { policy: P['questions.answer'] },
        schema: {
          tags,
          summary: 'Publish an accepted answer to the public FAQ (personal data redacted)',
          params: IdParams,
          response: responses({ 200: Question }),
        },
      },
      async (req) => service.publish(db, req.ctx, req.params.id, clock),
    );
  };
}
