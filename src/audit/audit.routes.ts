import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../platform/db/db.ts';
import { IsoDate } from '../platform/schemas.ts';
import { browseAudit } from './audit.service.ts';
import { AUDIT } from './audit.policy.ts';

const Filter = z.string().max(200).optional();
export const AuditQuery = z.object({
  actor: Filter, action: Filter, entity: Filter, entityId: Filter,
  from: IsoDate.optional(), to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export function auditRoutes(db: Db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get('/audit', { config: { policy: AUDIT['audit.read'] }, schema: { tags: ['audit'], summary: 'Audit log, newest first, filtered and paginated (system admin)', querystring: AuditQuery } }, async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return browseAudit(db, req.ctx, filter, page, pageSize);
    });
  };
}
