// Request and response shapes of the audit log API, shared by the route and the web app (types only).
import { z } from 'zod';
import { IsoDate } from '../platform/schemas.ts';

const Filter = z.string().max(200).optional();
export const AuditQuery = z.object({
  actor: Filter,
  action: Filter,
  entity: Filter,
  entityId: Filter,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** One audit record (audit.service.ts presentAudit): who, from where, what, and the state before and after. */
export const AuditEntryOut = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorId: z.number().int().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The JSON the change recorded, as stored. */
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPageAnswer = z.object({
  items: z.array(AuditEntryOut),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
