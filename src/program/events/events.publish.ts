// Real-time events of the program module, queued inside the transaction and
// delivered by PostgreSQL/PGlite NOTIFY only when it commits (so a dashboard
// never sees a change that rolled back). Payloads carry ids, never content:
// the dashboard re-reads through the access-checked API.
// Channels:
//   program_task     {programId, taskIds|null, count}      tasks' content, status, progress or rating changed
//   program_report   {programId, taskId, reportId, state}  a report was submitted, edited, accepted or returned
//   program_warning  {programId, taskIds|null, count}      warnings were raised, resolved, acknowledged or escalated
// taskIds is null when more than MAX_IDS changed at once (a cascade, the daily run): re-read everything.
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/db-schema.ts';
import { publishAllAfterCommit } from '../../platform/realtime/realtime.ts';

export const CHANNELS = { task: 'program_task', report: 'program_report', warning: 'program_warning' } as const;
export const PROGRAM_CHANNELS = Object.values(CHANNELS);
export type ProgramChannel = (typeof CHANNELS)[keyof typeof CHANNELS];
const MAX_IDS = 200;

function body(payload: Record<string, unknown>) {
  const ids = payload.taskIds as number[] | undefined;
  return ids && ids.length > MAX_IDS
    ? { ...payload, taskIds: null, count: ids.length }
    : ids
      ? { ...payload, count: ids.length }
      : payload;
}

export async function publish(trx: Kysely<Database>, channel: ProgramChannel, payload: Record<string, unknown>) {
  await publishMany(trx, [{ channel, payload }]);
}

/** Several events in one round trip (a report submit queues three). */
export async function publishMany(
  trx: Kysely<Database>,
  events: { channel: ProgramChannel; payload: Record<string, unknown> }[],
) {
  await publishAllAfterCommit(trx, programEvents(events));
}

/** The events as sent (long id lists cut), for a statement that sends them with something else. */
export const programEvents = (events: { channel: ProgramChannel; payload: Record<string, unknown> }[]) =>
  events.map((e) => ({ channel: e.channel, payload: body(e.payload) }));
