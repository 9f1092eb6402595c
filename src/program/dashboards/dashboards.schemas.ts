// What the dashboards' task lists and timeline answer (the dashboard, heat map and risk map are in program.schemas.ts).
import { z } from 'zod';
import { Day, MessageOut } from '../../platform/schemas.ts';
import { RATING_VALUES, STATUSES } from '../program.schemas.ts';
import { ReportedOut, TitleOut, WARNING_KINDS } from '../tasks/tasks.schemas.ts';

/** A row of /overdue, /at-risk and /my-tasks (dashboards.service.ts presentListItem): official and reported figures. */
export const TaskListItemOut = z.object({
  taskId: z.number().int(),
  taskCode: z.string(),
  title: TitleOut,
  unitId: z.number().int(),
  unitName: z.string(),
  dueDate: Day.nullable(),
  status: z.enum(STATUSES),
  progress: z.number(),
  rating: z.enum(RATING_VALUES).nullable(),
  warningKinds: z.array(z.enum(WARNING_KINDS)),
  ratingExplanation: MessageOut.nullable(),
  lastReportDate: Day.nullable(),
  version: z.number().int(),
  reported: ReportedOut,
});
/** GET /programs/:id/overdue, /at-risk, /my-tasks: a page, soonest due first, and the total. */
export const TaskPageAnswer = z.object({ total: z.number().int(), items: z.array(TaskListItemOut) });

/** GET /programs/:id/timeline: tasks due per month ('YYYY-MM'), without cancelled ones; done counts done late too. */
export const TimelineAnswer = z.object({
  from: Day,
  to: Day,
  months: z.array(
    z.object({ month: z.string(), due: z.number().int(), atRisk: z.number().int(), done: z.number().int() }),
  ),
});
