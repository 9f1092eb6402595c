// Builds the HTTP server: JSON API under /api (OpenAPI at /api/openapi.json,
// browsable docs at /api/docs), /health and /ready, and the web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/db.ts';
import { registerAuth } from './auth.ts';
import { registerPolicy, type RouteRule } from '../policy/policy.ts';
import { frameworkProblem, notFoundHandler, problemHandler } from './problem.ts';
import { registerInputGuard } from './input.ts';
import { registerSecurityHeaders } from './security.ts';
import { registerUploads } from '../upload/intake.ts';
import { responseSerializer } from './serialize.ts';
import { HealthAnswer, ReadyAnswer } from './server.schemas.ts';
import { Problem } from '../schemas.ts';
import { accountsRoutes } from '../../accounts/accounts.routes.ts';
import { unitsRoutes } from '../../units/units.routes.ts';
import { auditRoutes } from '../../audit/audit.routes.ts';
import { programRoutes } from '../../program/program.routes.ts';
import { staffingRoutes } from '../../staffing/staffing.routes.ts';
import { peopleRoutes } from '../../people/people.routes.ts';
import { indicatorRoutes } from '../../indicators/indicators.routes.ts';
import { handoverRoutes } from '../../handover/handover.routes.ts';
import { feedbackRoutes } from '../../channel/feedback/feedback.routes.ts';
import { open311Routes } from '../../channel/open311/open311.routes.ts';
import { Jobs, type QueueTuning } from '../jobs/jobs.service.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { annualReportJob } from '../../program/annual/annual.job.ts';
import { dailyRunJob } from '../../program/warnings/warnings.daily.ts';
import { fileStoreStorage } from '../jobs/jobs.storage.ts';
import { lazyFileStore } from '../files/files.service.ts';
import type { BlobStore } from '../files/files.blob.ts';
// channel: consultations and the satisfaction index (issue 13, items 4 and 5)
import { consultationsRoutes } from '../../channel/consultations/consultations.routes.ts';
import { satisfactionRoutes } from '../../channel/satisfaction/satisfaction.routes.ts';
import { questionsRoutes } from '../../channel/questions/questions.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeRules: RouteRule[];
    jobs: Jobs;
    /** The file store (platform/files): pass it to the routes of a module that keeps files. */
    files: BlobStore;
  }
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The background jobs of every module; a server process runs them once `app.jobs.start()` is called (serve does). */
export function createJobs(
  handle: DatabaseHandle,
  config: Config,
  options: { tuning?: Partial<QueueTuning>; log?: (msg: string) => void; files?: BlobStore } = {},
) {
  // On several machines (APPARATUS_FILES=s3) job results go to the shared file store, not the jobs row.
  const storage =
    config.files.kind === 's3' ? fileStoreStorage(handle.db, options.files ?? lazyFileStore(config)) : undefined;
  return new Jobs(handle, [annualReportJob], [dailyRunJob(config)], { ...options, storage });
}

export async function buildServer(
  handle: DatabaseHandle,
  config: Config,
  options: { logger?: boolean; jobs?: Jobs; files?: BlobStore } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    // Behind a reverse proxy set APPARATUS_TRUST_PROXY=1 so rate limits and the audit see the client's address.
    trustProxy: config.trustProxy,
    // A broken %-escape or an over-long path segment is answered as problem+json too.
    frameworkErrors: frameworkProblem,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer());
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(cookie);
  await registerSecurityHeaders(app, config);
  registerAuth(app, handle.db);
  registerInputGuard(app);
  // Before any route: an /api route without a declared rule stops the start (deny by default).
  const routeRules = registerPolicy(app);
  app.decorate('routeRules', routeRules);
  const files = options.files ?? lazyFileStore(config);
  app.decorate('files', files);
  const jobs = options.jobs ?? createJobs(handle, config, { files, log: (msg) => app.log.warn(msg) });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => {
    await jobs.stop();
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Apparatus API',
        version: '0.1.0',
        description: 'Đơn vị hành chính, lịch sử sắp xếp và tra cứu. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'apparatus_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerUploads(app);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/health', { schema: { hide: true, response: { 200: HealthAnswer } } }, async () => ({
    status: 'ok' as const,
  }));
  typed.get('/ready', { schema: { hide: true, response: { 200: ReadyAnswer, 503: Problem } } }, async (req, reply) => {
    try {
      const row = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(handle.db);
      return { status: 'ready' as const, engine: handle.engine, migrations: row.rows[0].n };
    } catch (err) {
      // The cause stays in the server's log: anyone may call /ready, and a database error tells too much.
      req.log.error({ err }, 'not ready: the database does not answer');
      return reply
        .status(503)
        .header('retry-after', '5')
        .type('application/problem+json')
        .send({ type: 'about:blank', title: 'Not ready', status: 503, detail: 'not ready' });
    }
  });

  await app.register(accountsRoutes(handle.db, config), { prefix: '/api' });
  await app.register(unitsRoutes(handle.db), { prefix: '/api' });
  await app.register(auditRoutes(handle.db), { prefix: '/api' });
  await app.register(programRoutes(handle.db, handle, jobs), { prefix: '/api' });
  await app.register(jobsRoutes(jobs), { prefix: '/api' });
  await app.register(staffingRoutes(handle.db), { prefix: '/api' });
  // channel: consultations and the satisfaction index
  await app.register(consultationsRoutes(handle.db, config), { prefix: '/api' });
  await app.register(satisfactionRoutes(handle.db), { prefix: '/api' });
  await app.register(peopleRoutes(handle.db), { prefix: '/api' });
  await app.register(indicatorRoutes(handle.db), { prefix: '/api' });
  await app.register(handoverRoutes(handle.db), { prefix: '/api' });
  await app.register(feedbackRoutes(handle.db), { prefix: '/api' });
  await app.register(open311Routes(handle.db), { prefix: '/api' });
  await app.register(questionsRoutes(handle.db), { prefix: '/api' });
  registerWeb(app);
  return app;
}

/** Serves the built web app; unknown non-API paths get index.html so client routes work on reload. */
function registerWeb(app: FastifyInstance) {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>Apparatus</title><p>Ứng dụng web chưa được build. Chạy <code>npm run build:web</code> (hoặc <code>npm start</code>). The web app is not built: run <code>npm run build:web</code>. API: <a href="/api/docs">/api/docs</a>.</p>',
        ),
    );
    return;
  }
  void app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api/')) return notFoundHandler(request, reply);
    const file = path.join(WEB_DIST, path.normalize(url));
    if (file.startsWith(WEB_DIST) && fs.existsSync(file) && fs.statSync(file).isFile())
      return reply.sendFile(path.relative(WEB_DIST, file));
    return reply.sendFile('index.html');
  });
}
