// /api/feedback: the public side (categories, submit, track by code, reopen, rate: no sign-in) and the officers'
// side (queue, one item, assign, start, answer, forward, close, figures). Refusals are problem+json.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { responses } from '../../platform/schemas.ts';
import { CHANNEL } from '../channel.policy.ts';
import { feedbackSettings, type FeedbackSettings } from './feedback.settings.ts';
import * as citizen from './feedback.service.ts';
import * as officer from './feedback.officer.ts';
import { overdue, stats } from './feedback.stats.ts';
import {
  AnswerBody,
  AssignBody,
  CategoriesAnswer,
  CloseBody,
  ForwardBody,
  OfficerItem,
  PublicItem,
  QueueAnswer,
  QueueQuery,
  RateBody,
  ReopenBody,
  StatsAnswer,
  StatsQuery,
  SubmitAnswer,
  SubmitBody,
  TrackingCode,
} from './feedback.schemas.ts';

const CodeParams = z.object({ code: TrackingCode });
const IdParams = z.object({ id: z.coerce.number().int().positive().max(9_007_199_254_740_991) });
export const OverdueAnswer = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      category: z.string(),
      status: z.string(),
      dueOn: z.string(),
      unit: z.object({ code: z.string(), name: z.string() }),
      workingDaysLate: z.number(),
    }),
  ),
});

export function feedbackRoutes(db: Db, settings: FeedbackSettings = feedbackSettings()) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['feedback'];
    const P = CHANNEL;

    app.get(
      '/feedback/categories',
      {
        config: { policy: P['feedback.public'] },
        schema: {
          tags,
          summary: 'Feedback categories, with who answers and the legal deadline',
          response: responses({ 200: CategoriesAnswer }),
        },
      },
      async () => citizen.listCategories(),
    );
    app.post(
      '/feedback',
      {
        config: { policy: P['feedback.submit'] },
        schema: {
          tags,
          summary:
            'Submit feedback (no sign-in): routed to the unit in force, answer due date, tracking code; 429 past the per-address limit',
          body: SubmitBody,
          response: responses({ 201: SubmitAnswer }),
        },
      },
      async (req, reply) => reply.code(201).send(await citizen.submit(db, req.ctx, req.body, settings)),
    );
    app.get(
      '/feedback/track/:code',
      {
        config: { policy: P['feedback.public'] },
        schema: {
          tags,
          summary: 'Follow an item by its tracking code (personal data redacted)',
          params: CodeParams,
          response: responses({ 200: PublicItem }),
        },
      },
      async (req) => citizen.track(db, req.params.code, settings),
    );
    app.post(
      '/feedback/track/:code/reopen',
      {
        config: { policy: P['feedback.citizen'] },
        schema: {
          tags,
          summary: 'Reopen an answered or closed item within the reopening period',
          params: CodeParams,
          body: ReopenBody,
          response: responses({ 200: PublicItem }),
        },
      },
      async (req) => citizen.reopen(db, req.ctx, req.params.code, req.body.reason, settings),
    );
    app.post(
      '/feedback/track/:code/rating',
      {
        config: { policy: P['feedback.citizen'] },
        schema: {
          tags,
          summary: 'Rate the answer (1–5), once per answer',
          params: CodeParams,
          body: RateBody,
          response: responses({ 200: PublicItem }),
        },
      },
      async (req) => citizen.rate(db, req.ctx, req.params.code, req.body, settings),
    );

    app.get(
      '/feedback/queue',
      {
        config: { policy: P['feedback.read'] },
        schema: {
          tags,
          summary: "The queue of the units in the caller's scope, earliest due first",
          querystring: QueueQuery,
          response: responses({ 200: QueueAnswer }),
        },
      },
      async (req) => officer.queue(db, req.ctx, req.query, settings),
    );
    app.get(
      '/feedback/stats',
      {
        config: { policy: P['feedback.read'] },
        schema: {
          tags,
          summary: 'Figures per answering unit in scope (optionally one province)',
          querystring: StatsQuery,
          response: responses({ 200: StatsAnswer }),
        },
      },
      async (req) => stats(db, req.ctx, req.query, settings),
    );
    app.get(
      '/feedback/overdue',
      {
        config: { policy: P['feedback.read'] },
        schema: {
          tags,
          summary: 'Open items past their due date in scope',
          querystring: StatsQuery.pick({ provinceCode: true }),
          response: responses({ 200: OverdueAnswer }),
        },
      },
      async (req) => overdue(db, req.ctx, req.query, settings),
    );
    app.get(
      '/feedback/items/:id',
      {
        config: { policy: P['feedback.read'] },
        schema: {
          tags,
          summary: 'One item for officers (contact shown to handlers and audited; absent when withheld)',
          params: IdParams,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.getItem(db, req.ctx, req.params.id, settings),
    );
    app.post(
      '/feedback/items/:id/assign',
      {
        config: { policy: P['feedback.handle'] },
        schema: {
          tags,
          summary: 'Assign an item (to the caller when no userId)',
          params: IdParams,
          body: AssignBody,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.assign(db, req.ctx, req.params.id, req.body.userId, settings),
    );
    app.post(
      '/feedback/items/:id/start',
      {
        config: { policy: P['feedback.handle'] },
        schema: {
          tags,
          summary: 'Mark an item in progress',
          params: IdParams,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.start(db, req.ctx, req.params.id, settings),
    );
    app.post(
      '/feedback/items/:id/answer',
      {
        config: { policy: P['feedback.handle'] },
        schema: {
          tags,
          summary: 'Answer an item (published redacted)',
          params: IdParams,
          body: AnswerBody,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.answer(db, req.ctx, req.params.id, req.body.answer, settings),
    );
    app.post(
      '/feedback/items/:id/forward',
      {
        config: { policy: P['feedback.handle'] },
        schema: {
          tags,
          summary: 'Forward to a unit of the registry (new deadline) or to a body outside it (closed: not competent)',
          params: IdParams,
          body: ForwardBody,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.forward(db, req.ctx, req.params.id, req.body, settings),
    );
    app.post(
      '/feedback/items/:id/close',
      {
        config: { policy: P['feedback.handle'] },
        schema: {
          tags,
          summary: 'Close an item: resolved, duplicate (of a code) or rejected (with a reason)',
          params: IdParams,
          body: CloseBody,
          response: responses({ 200: OfficerItem }),
        },
      },
      async (req) => officer.close(db, req.ctx, req.params.id, req.body, settings),
    );
  };
}
