// What the change-request operations answer; the web app takes its types from here.
import { z } from 'zod';
import { Day, Timestamp } from '../../platform/schemas.ts';
import { FUNDING_SOURCES } from '../program.schemas.ts';
import { PERIOD_KINDS, TitleOut, UnitRefOut } from '../tasks/tasks.schemas.ts';

export const CHANGE_KINDS = ['deadline', 'cancel', 'funding', 'other'] as const;
export const REQUEST_STATES = ['pending', 'approved', 'refused', 'withdrawn'] as const;

/**
 * The change asked for, as stored when the request was made (requests.service.ts createChangeRequest): the deadline
 * read from the request (with the phrase when one was typed), or the funding lines; empty for a cancellation or
 * another change.
 */
export const ProposedChangeOut = z.object({
  deadline: z
    .object({ kind: z.enum(PERIOD_KINDS), start: Day, end: Day, text: z.string().optional() })
    .nullable()
    .optional(),
  funding: z
    .array(
      z.object({
        source: z.enum(FUNDING_SOURCES).nullable(),
        amountRequired: z.number().nullable(),
        amountAllocated: z.number().nullable(),
        note: z.string().optional(),
      }),
    )
    .optional(),
});

/** A change request with its task, the unit that decides, where it stands and what the caller may do on it. */
export const ChangeRequestOut = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  programId: z.number().int(),
  taskCode: z.string(),
  taskTitle: TitleOut,
  unitId: z.number().int(),
  unitName: z.string(),
  kind: z.enum(CHANGE_KINDS),
  reason: z.string(),
  proposed: ProposedChangeOut,
  state: z.enum(REQUEST_STATES),
  /** The assigning level: its writers decide. */
  assigner: UnitRefOut.nullable(),
  requestedBy: z.string(),
  requestedAt: Timestamp,
  decidedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  decisionComment: z.string().nullable(),
  decisionRef: z.string().nullable(),
  /** The amendment an approval made (none for a refusal, a withdrawal, or an "other" request decided without one). */
  amendmentId: z.number().int().nullable(),
  version: z.number().int(),
  can: z.object({ approve: z.boolean(), refuse: z.boolean(), withdraw: z.boolean() }),
});
/** GET /change-requests and /tasks/:id/change-requests: a page, newest first, and the total. */
export const ChangeRequestListAnswer = z.object({ total: z.number().int(), items: z.array(ChangeRequestOut) });
