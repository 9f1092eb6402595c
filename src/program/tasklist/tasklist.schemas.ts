// What an Excel task-list import answers (tasklist.service.ts summarise).
import { z } from 'zod';

/**
 * POST /programs/:id/tasklist: the rows added (a new code) and changed (which fields), how many were unchanged,
 * and the program's codes the file does not name. 201 when applied, 200 for a dry run (applied and rolled back).
 */
export const TaskListImportAnswer = z.object({
  dryRun: z.boolean(),
  added: z.array(
    z.object({
      row: z.number().int(),
      code: z.string(),
      parentCode: z.string(),
      kind: z.enum(['section', 'group', 'task']),
    }),
  ),
  changed: z.array(
    z.object({ row: z.number().int(), code: z.string(), taskId: z.number().int(), fields: z.array(z.string()) }),
  ),
  unchanged: z.number().int(),
  notInFile: z.array(z.string()),
});
