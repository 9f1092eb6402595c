// /api/satisfaction: the questionnaire (SIPAS structure), answering it, and the index per unit, province and
// country over periods. All public: the index carries counts, never a respondent.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/db.ts';
import { responses } from '../../platform/schemas.ts';
import { SATISFACTION } from './satisfaction.policy.ts';
import { answerSurvey, questions, satisfactionIndex } from './satisfaction.service.ts';
import { IndexAnswer, IndexQuery, QuestionsAnswer, SurveyAnswer, SurveyBody } from './satisfaction.schemas.ts';

export function satisfactionRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['channel'];
    app.get(
      '/satisfaction/questions',
      {
        config: { policy: SATISFACTION['channel.satisfaction.read'] },
        schema: {
          tags,
          summary: 'The questionnaire: five SIPAS components, their questions, the 1–5 scale',
          response: responses({ 200: QuestionsAnswer }),
        },
      },
      async () => questions(),
    );
    app.post(
      '/satisfaction/surveys',
      {
        config: { policy: SATISFACTION['channel.satisfaction.answer'] },
        schema: {
          tags,
          summary: "Answer the questionnaire on a unit's services (no sign-in)",
          body: SurveyBody,
          response: responses({ 201: SurveyAnswer }),
        },
      },
      async (req, reply) => reply.code(201).send(await answerSurvey(db, req.ctx, req.body)),
    );
    app.get(
      '/satisfaction/index',
      {
        config: { policy: SATISFACTION['channel.satisfaction.read'] },
        schema: {
          tags,
          summary:
            'The index of a commune, a province or the country: total, per period, per part; sample sizes, small samples flagged',
          querystring: IndexQuery,
          response: responses({ 200: IndexAnswer }),
        },
      },
      async (req) => satisfactionIndex(db, req.query),
    );
  };
}
