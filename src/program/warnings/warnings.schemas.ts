// What the warning operations answer; the web app takes its types from here.
import { z } from 'zod';
import { Timestamp } from '../../platform/schemas.ts';
import { TaskWarningOut, TitleOut } from '../tasks/tasks.schemas.ts';

/** A warning in a list (warnings.service.ts listWarnings): the task it is about, its unit, and where it stands. */
export const WarningOut = TaskWarningOut.extend({
  taskId: z.number().int(),
  taskCode: z.string(),
  taskTitle: TitleOut,
  unitName: z.string(),
  resolvedAt: Timestamp.nullable(),
  /** The unit above the task's that the warning was escalated to, once it was. */
  escalatedToUnit: z.number().int().nullable(),
});
/** GET /programs/:id/warnings: a page of warnings in the caller's scope (open or resolved), newest first. */
export const WarningListAnswer = z.object({ total: z.number().int(), items: z.array(WarningOut) });
/** POST /warnings/:id/acknowledge. */
export const AcknowledgedAnswer = z.object({ id: z.number().int(), acknowledged: z.boolean() });
/** POST /warnings/:id/resolve. */
export const ResolvedAnswer = z.object({ id: z.number().int(), resolved: z.boolean() });
