// /api/open311/v2: Open311 GeoReport v2 (JSON) over the feedback service, so existing Open311 apps can submit and
// read. The endpoint's base URL is https://<host>/api/open311/v2/ and its jurisdiction_id is "vn". Inside this
// plugin, refusals are the specification's [{ code, description }] (in Vietnamese, or English when the client asks),
// and POST requests.json also takes application/x-www-form-urlencoded, as the specification sends it.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { requestLang } from '../../platform/http/problem.ts';
import { CHANNEL } from '../channel.policy.ts';
import { feedbackSettings, type FeedbackSettings } from '../feedback/feedback.settings.ts';
import * as open311 from './open311.service.ts';
import {
  Jurisdiction,
  Open311Errors,
  PostRequestAnswer,
  PostRequestBody,
  RequestsAnswer,
  RequestsQuery,
  ServiceDefinition,
  ServicesAnswer,
  TokenAnswer,
} from './open311.schemas.ts';

const answers = <T extends z.ZodType>(ok: T, status = 200) => ({ [status]: ok, '4XX': Open311Errors });

export function open311Routes(db: Db, settings: FeedbackSettings = feedbackSettings()) {
  return async function routes(fastify: FastifyInstance) {
    fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    fastify.setErrorHandler((error: FastifyError | Error, request, reply) => {
      const lang = requestLang(request);
      if (error instanceof AppError) {
        if (typeof error.extra.retryAfterSeconds === 'number')
          reply.header('retry-after', String(error.extra.retryAfterSeconds));
        return reply.status(error.status).send([{ code: error.status, description: error.detail[lang] }]);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const text = error.validation.map((v) => `${v.instancePath.replace(/^\//, '')}: ${v.message}`).join('; ');
        return reply.status(400).send([{ code: 400, description: text }]);
      }
      const status = (error as FastifyError).statusCode;
      if (status && status >= 400 && status < 500)
        return reply.status(status).send([{ code: status, description: error.message }]);
      request.log.error(error);
      return reply.status(500).send([{ code: 500, description: 'Internal error' }]);
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['open311'];
    const READ = CHANNEL['feedback.public'];

    app.get(
      '/open311/v2/services.json',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'GeoReport v2: the services (feedback categories)',
          querystring: Jurisdiction,
          response: answers(ServicesAnswer),
        },
      },
      async (req) => {
        open311.checkJurisdiction(req.query.jurisdiction_id);
        return open311.services();
      },
    );
    app.get(
      '/open311/v2/services/:service_code.json',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: "GeoReport v2: one service's definition (no extra attributes)",
          params: z.object({ service_code: z.string().max(50) }),
          querystring: Jurisdiction,
          response: answers(ServiceDefinition),
        },
      },
      async (req) => {
        open311.checkJurisdiction(req.query.jurisdiction_id);
        return open311.serviceDefinition(req.params.service_code);
      },
    );
    app.post(
      '/open311/v2/requests.json',
      {
        config: { policy: CHANNEL['feedback.submit'] },
        schema: {
          tags,
          summary: 'GeoReport v2: create a service request (a feedback item); answers its id at once',
          body: PostRequestBody,
          response: answers(PostRequestAnswer, 201),
        },
      },
      async (req, reply) => reply.code(201).send(await open311.postRequest(db, req.ctx, req.body, settings)),
    );
    app.get(
      '/open311/v2/requests.json',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'GeoReport v2: service requests (the last 90 days unless dated; at most 1000)',
          querystring: RequestsQuery,
          response: answers(RequestsAnswer),
        },
      },
      async (req) => open311.getRequests(db, req.query),
    );
    app.get(
      '/open311/v2/requests/:service_request_id.json',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary: 'GeoReport v2: one service request',
          params: z.object({ service_request_id: z.string().max(40) }),
          querystring: Jurisdiction,
          response: answers(RequestsAnswer),
        },
      },
      async (req) => open311.getRequest(db, req.params.service_request_id, req.query.jurisdiction_id),
    );
    app.get(
      '/open311/v2/tokens/:token.json',
      {
        config: { policy: READ },
        schema: {
          tags,
          summary:
            'GeoReport v2: the service request id of a token (requests are created at once: the token is the id)',
          params: z.object({ token: z.string().max(40) }),
          querystring: Jurisdiction,
          response: answers(TokenAnswer),
        },
      },
      async (req) => open311.token(db, req.params.token, req.query.jurisdiction_id),
    );
  };
}
