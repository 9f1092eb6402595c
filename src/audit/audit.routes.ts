import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../platform/db/db.ts';
import { responses } from '../platform/schemas.ts';
import { AuditPageAnswer, AuditQuery } from './audit.schemas.ts';
import { browseAudit } from './audit.service.ts';
import { AUDIT } from './audit.policy.ts';

export { AuditQuery };

export function auditRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit',
      {
        config: { policy: AUDIT['audit.read'] },
        schema: {
          tags: ['audit'],
          summary: 'Audit log, newest first, filtered and paginated (system admin)',
          querystring: AuditQuery,
          response: responses({ 200: AuditPageAnswer }),
        },
      },
      async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return browseAudit(db, req.ctx, filter, page, pageSize);
      },
    );
  };
}
